#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LotrEngine
import LotrFlow

/// Public-kiosk behaviour wrapped around the interview: idle wipe, no way out for the public,
/// a staff exit. Composition keeps the interview itself unaware of kiosks.
/// A clock that only goes forward (not moved by changes to the time of day).
public enum SteadyClock {
    @Sendable public static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

public struct KioskModel: Sendable {
    public struct Settings: Sendable {
        /// Seconds without a key press before asking "Are you still there?".
        public var idleSeconds: Int
        /// Seconds the question stays before everything is wiped.
        public var countdownSeconds: Int
        /// The staff PIN; without one the staff exit is disabled and never mentioned.
        public var pin: String?
        /// Seconds on a steady clock: wrong PINs are throttled by it. Injected so that tests
        /// can run the clock forward instead of sleeping.
        public var clock: @Sendable () -> Double
        public init(idleSeconds: Int = 120, countdownSeconds: Int = 20, pin: String?,
                    clock: @escaping @Sendable () -> Double = SteadyClock.seconds) {
            self.idleSeconds = idleSeconds
            self.countdownSeconds = countdownSeconds
            self.pin = pin
            self.clock = clock
        }

        var staffExitEnabled: Bool { !(pin ?? "").isEmpty }
    }

    public var interview: InterviewModel
    public let settings: Settings
    /// Whole seconds since the last key press (advanced by the one-second idle tick).
    public var idle = 0
    /// Seconds left before the wipe, while asking whether the person is still there.
    public var countdown: Int?
    /// Digits typed after the staff key (Ctrl-X), while asking for the PIN.
    public var staffEntry: String?
    public var notice: String?
    /// How many times the session was wiped (for tests and the operator's log, never contents).
    public private(set) var wipes = 0
    /// Wrong staff PINs since the last successful exit or the last idle wipe.
    public private(set) var wrongPins = 0
    /// No PIN is taken before this time on `settings.clock`.
    public private(set) var pinBlockedUntil: Double?

    /// The language each new person starts in: a wipe also undoes a switch made by the last one.
    public let startLanguage: String

    public init(interview: InterviewModel, settings: Settings) {
        self.interview = interview
        self.settings = settings
        self.startLanguage = interview.language
    }

    /// The key that starts the staff exit. Documented in the README; harmless if pressed by
    /// chance, since the PIN is still needed.
    public static let staffKey = Key.ctrl("x")

    public static func update(_ model: KioskModel, _ event: Event) -> (KioskModel, Command) {
        var m = model
        m.interview.effects = []
        switch event {
        case .tick:
            if let left = m.countdown {
                if left <= 1 { m.wipe(); m.resetPinThrottle() } else { m.countdown = left - 1 }
            } else {
                m.idle += 1
                if m.idle >= m.settings.idleSeconds && m.hasSomethingToWipe { m.countdown = m.settings.countdownSeconds }
            }
            return (m, .none)
        case .terminate:
            m.wipe()
            return (m, .quit)
        case .interrupt:
            // Ctrl-C must not leave a public kiosk.
            m.idle = 0
            m.notice = TUIStrings.text(.kioskNoQuit, m.interview.language)
            return (m, .none)
        case .resize:
            (m.interview, _) = InterviewModel.update(m.interview, event)
            return (m, .none)
        case .paste:
            m.idle = 0
            // Pasted text is never a PIN, and never answers the "still there?" question.
            guard m.countdown == nil, m.staffEntry == nil else { return (m, .none) }
            (m.interview, _) = InterviewModel.update(m.interview, event)
            return (m, .none)
        case .key(let key):
            m.idle = 0
            m.notice = nil
            if m.countdown != nil {
                m.countdown = nil
                return (m, .none)
            }
            if let entry = m.staffEntry { return m.handleStaff(entry, key) }
            switch key {
            case KioskModel.staffKey:
                // Without a PIN there is no staff exit, and the public is told nothing about one.
                guard m.settings.staffExitEnabled else { break }
                if let wait = m.pinWait() {
                    m.notice = m.throttleNotice(wait)
                } else {
                    m.staffEntry = ""
                }
                return (m, .none)
            case .ctrl("z"), .ctrl("\\"):
                return (m, .none)
            default: break
            }
            // The public cannot quit: the quit question is replaced by starting again.
            if m.interview.overlay == .confirmQuit {
                if key == .character("y") || key == .character("Y") { m.wipe() } else { m.interview.overlay = nil }
                return (m, .none)
            }
            var (inner, _) = InterviewModel.update(m.interview, event)
            if inner.overlay == .confirmQuit && m.interview.page == .welcome { inner.overlay = nil }
            // Finishing a case returns to the welcome screen with nothing kept.
            if inner.effects.contains(.newCase) { m.interview = inner; m.wipe(); return (m, .none) }
            m.interview = inner
            return (m, .none)
        }
    }

    var hasSomethingToWipe: Bool { !interview.answers.isEmpty || interview.page != .welcome }

    mutating func handleStaff(_ entry: String, _ key: Key) -> (KioskModel, Command) {
        switch key {
        case .escape:
            staffEntry = nil
        case .backspace:
            staffEntry = String(entry.dropLast())
        // Only the digits 0–9: a PIN is set in ASCII, and "٣" or "３" would never match it.
        case .character(let c) where c.isASCII && c.isNumber && entry.count < 12:
            staffEntry = entry + String(c)
        case .enter:
            staffEntry = nil
            if let wait = pinWait() {
                notice = throttleNotice(wait)
                break
            }
            if let pin = settings.pin, !pin.isEmpty, KioskModel.constantTimeEqual(entry, pin) {
                wipe()
                resetPinThrottle()
                return (self, .quit)
            }
            wrongPins += 1
            let delay = KioskModel.pinDelay(afterWrong: wrongPins)
            pinBlockedUntil = delay > 0 ? settings.clock() + delay : nil
            notice = delay > 0 ? throttleNotice(delay) : TUIStrings.text(.kioskWrongPin, interview.language)
        default: break
        }
        return (self, .none)
    }

    /// Seconds to wait after the `n`th wrong PIN in a row: none for the first two, then 1, 2,
    /// 4 … seconds, and from the tenth a five-minute lock-out. Ten wrong PINs in a row take
    /// over two minutes.
    public static func pinDelay(afterWrong n: Int) -> Double {
        if n >= lockOutAfter { return lockOutSeconds }
        if n < 3 { return 0 }
        return Double(1 << min(n - 3, 8))
    }

    public static let lockOutAfter = 10
    public static let lockOutSeconds: Double = 300

    /// Seconds left before another PIN may be tried, nil when one may be tried now.
    func pinWait() -> Double? {
        guard let until = pinBlockedUntil else { return nil }
        let left = until - settings.clock()
        return left > 0 ? left : nil
    }

    func throttleNotice(_ wait: Double) -> String {
        let seconds = String(Int(wait.rounded(.up)))
        if wrongPins >= KioskModel.lockOutAfter {
            return TUIStrings.text(.kioskLockedOut, interview.language, String(Int((wait / 60).rounded(.up))))
        }
        return TUIStrings.text(.kioskPinWait, interview.language, seconds)
    }

    mutating func resetPinThrottle() {
        wrongPins = 0
        pinBlockedUntil = nil
    }

    /// Forgets everything the person entered: answers, typed fields, ticks, messages.
    public mutating func wipe() {
        let fresh = InterviewModel(flows: interview.flows, today: interview.today, language: startLanguage)
        interview = fresh
        countdown = nil
        staffEntry = nil
        idle = 0
        wipes += 1
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = x.count ^ y.count
        for i in 0..<max(x.count, y.count) { diff |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)) }
        return diff == 0
    }

    public static func render(_ m: KioskModel, _ size: Size) -> Screen {
        var s = InterviewView.render(m.interview, size)
        if let notice = m.notice {
            s.writeTruncated(notice, row: size.rows - 2, col: 2, width: size.cols - 4, style: .accent)
        }
        if let left = m.countdown {
            let w = min(size.cols - 4, 56), h = 7
            let rect = Rect(row: max(1, (size.rows - h) / 2), col: (size.cols - w) / 2, rows: h, cols: w)
            s.fill(rect)
            let language = m.interview.language
            s.box(rect, style: .error, title: TUIStrings.text(.kioskStillThere, language))
            s.writeWrapped(TUIStrings.text(.kioskCountdown, language, String(left)),
                           in: rect.inset(rows: 2, cols: 2), style: Style(.normal, bold: true))
        }
        if let entry = m.staffEntry {
            let w = min(size.cols - 4, 40)
            let rect = Rect(row: max(1, size.rows / 2 - 2), col: (size.cols - w) / 2, rows: 5, cols: w)
            s.fill(rect)
            s.box(rect, style: .accent, title: TUIStrings.text(.kioskStaff, m.interview.language))
            s.write(TUIStrings.text(.kioskPin, m.interview.language) + String(repeating: "•", count: entry.count), row: rect.row + 2, col: rect.col + 2)
        }
        return s
    }
}
