import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process does about crash output and its own memory before anything else runs:
/// answers are in that memory, and a crash report or a core file would carry them off.
enum ProcessSafety {
    /// The environment variable that keeps core dumps as the shell allows them (outside a kiosk).
    static let allowCoreDumpsVariable = "LOTR_ALLOW_CORE_DUMPS"
    static let kioskPINVariable = "LOTR_KIOSK_PIN"

    /// The kiosk's staff PIN as it was at start-up. The variable itself is removed from the
    /// environment at once, so that no child (`lp`) inherits it.
    nonisolated(unsafe) private(set) static var kioskPIN: String?

    /// Runs first in `main`, in every mode.
    static func atStart() {
        CrashReports.disable()
        if !wantsCoreDumps { CoreDumps.turnOff(forGood: false) }
        if let raw = getenv(kioskPINVariable) {
            kioskPIN = String(cString: raw)
            // unsetenv only drops the pointer from `environ`: the bytes "LOTR_KIOSK_PIN=…" stay
            // in the block the kernel shows as /proc/PID/environ, so they are overwritten too.
            let entry = raw - (kioskPINVariable.utf8.count + 1)
            let whole = strncmp(entry, kioskPINVariable + "=", kioskPINVariable.utf8.count + 1) == 0
            unsetenv(kioskPINVariable)
            memset(whole ? entry : raw, 0, strlen(whole ? entry : raw))
        }
    }

    static var wantsCoreDumps: Bool {
        guard let raw = getenv(allowCoreDumpsVariable) else { return false }
        return ["1", "yes", "true", "on"].contains(String(cString: raw).lowercased())
    }

    /// Why the kiosk's PIN cannot be used, or nil. A PIN that cannot be typed on the staff exit
    /// (only the digits 0–9, at most 12) would lock staff out of their own kiosk.
    static func kioskPINProblem(_ pin: String?) -> String? {
        guard let pin else { return nil }
        if pin.isEmpty { return "\(kioskPINVariable) is set but empty; set it to 1 to 12 digits (0-9), or unset it to turn the staff exit off" }
        if !pin.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            return "\(kioskPINVariable) may contain only the digits 0-9 (it is typed on the staff exit)"
        }
        if pin.utf8.count > 12 { return "\(kioskPINVariable) has more than 12 digits; the staff exit takes at most 12" }
        return nil
    }

    /// The kiosk's own protections, on top of `atStart`: no core file whatever the shell allows
    /// (the hard limit too), not dumpable (no core, and no other process of the same user can
    /// read its memory through /proc or attach a debugger), no job-control stops.
    static func hardenKiosk() {
        CoreDumps.turnOff(forGood: true)
        _ = lotr_set_not_dumpable()
        signal(SIGTSTP, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
    }
}

/// Swift's runtime installs a crash handler at start-up that prints a backtrace, registers and
/// memory near them on standard error (where answers can be read). Its documentation
/// (docs/Backtracing.rst in the Swift repository) says a program that replaces the handlers for
/// these signals no longer produces backtraces; the default action is put back for each, so a
/// crash ends the process at once, with no report. The runtime's one-line "Fatal error" message
/// for a failed check is not part of the backtracer and still appears; lotr's own checks name
/// no answers.
enum CrashReports {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT]

    static func disable() {
        for s in signals { signal(s, SIG_DFL) }
    }
}

enum CoreDumps {
    /// No core file. `forGood` also lowers the hard limit, so nothing in the process can raise it
    /// again; otherwise only the soft limit, which a person who asks for core dumps (see
    /// `ProcessSafety.allowCoreDumpsVariable`) would keep.
    static func turnOff(forGood: Bool) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0 else { return }
        limit.rlim_cur = 0
        if forGood { limit.rlim_max = 0 }
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    }
}
