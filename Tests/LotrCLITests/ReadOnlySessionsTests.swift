import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Saved cases can be read when nothing can be written: a read-only filesystem, a full disk.
/// Each case runs in a mount namespace of its own (`unshare -m`), so its mounts vanish with it.
@Suite(.serialized) struct ReadOnlySessionsTests {
    static var canMount: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
            && (try? TmuxSession.spawn(["/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount -t tmpfs tmpfs /mnt"], environment: [:]).status) == 0
    }

    /// A data folder holding one saved case (in_uk answered), made through the real interview.
    static func savedCase() throws -> (data: String, reference: String) {
        let data = try E2E.dataFolder()
        let t = try TmuxSession(script: E2E.script(data: data))
        try t.waitFor("Press Enter to start.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("y", "Enter")
        let screen = try t.waitFor("Saved as case")
        try E2E.quit(t, with: "C-c")
        let ref = screen.components(separatedBy: "Saved as case ").last.map { String($0.prefix(7)) } ?? ""
        return (data, ref)
    }

    static func run(_ shell: String) throws -> (status: Int32, output: String) {
        try TmuxSession.spawn(["/usr/bin/unshare", "-m", "/bin/sh", "-c", shell],
                              environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"])
    }

    @Test func listShowAndExportWorkOnAReadOnlyFilesystem() throws {
        guard TmuxSession.available, Self.canMount else { print("skipped: needs tmux, root and mount namespaces"); return }
        let (data, ref) = try Self.savedCase()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let lotr = "XDG_DATA_HOME='\(data)' '\(CLI.binary)'"
        let r = try Self.run("mount --bind '\(data)' '\(data)' && mount -o remount,bind,ro '\(data)' && "
                             + "\(lotr) sessions list && \(lotr) sessions show \(ref) --flows '\(E2E.flows)' --today 2026-11-23 && "
                             + "\(lotr) sessions export \(ref) --format json --flows '\(E2E.flows)' --today 2026-11-23")
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains(ref) && r.output.contains("\"reference\""), "\(r.output)")
    }

    @Test func listWorksOnAFullDisk() throws {
        guard TmuxSession.available, Self.canMount else { print("skipped: needs tmux, root and mount namespaces"); return }
        let (data, ref) = try Self.savedCase()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let full = data + "-full"
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: full) }
        let r = try Self.run("mount -t tmpfs -o size=256k tmpfs '\(full)' && cp -a '\(data)/lotr' '\(full)/lotr' && "
                             + "(dd if=/dev/zero of='\(full)/filler' bs=4k 2>/dev/null; true) && "
                             + "XDG_DATA_HOME='\(full)' '\(CLI.binary)' sessions list")
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains(ref), "\(r.output)")
    }
}
