import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who has a case open for changes: one row per open case, with the process and the machine,
/// so that a second window on the same case is told instead of both writing over each other.
public struct SessionLock: Hashable, Sendable {
    public var reference: String
    public var pid: Int32
    public var host: String
    public var since: Date
    /// Goes up by one at every take-over, so that a window can tell its case was taken from it
    /// even after the window that took it has closed.
    public var generation: Int = 1

    /// Nobody holds the case (the last holder closed it).
    public var isFree: Bool { pid == 0 }

    /// The process is known to be gone: it ran on this machine and no longer exists. A lock
    /// from another machine (a shared home folder) cannot be checked and counts as live.
    public var isStale: Bool {
        if isFree { return true }
        guard host == SessionLock.thisHost else { return false }
        return !SessionLock.processExists(pid)
    }

    public var isMine: Bool { host == SessionLock.thisHost && pid == SessionLock.thisProcess }

    public static var thisProcess: Int32 { getpid() }

    public static var thisHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

/// The answer to asking for a case's lock.
public enum LockAttempt: Hashable, Sendable {
    /// This process now holds the lock (it was free, stale, or already ours).
    case acquired
    /// Another live lotr has the case open.
    case heldBy(SessionLock)
}

extension SessionStore {
    /// Takes the lock on a case unless another running lotr holds it. A stale lock (its process
    /// has ended without releasing it) is replaced.
    public func lock(_ reference: String, pid: Int32 = SessionLock.thisProcess,
                     host: String = SessionLock.thisHost) throws -> LockAttempt {
        try perform { db in
            _ = try self.session(db, reference)
            if let held = try self.lock(db, reference), !held.isStale, !(held.pid == pid && held.host == host) {
                return .heldBy(held)
            }
            try self.writeLock(db, reference, pid: pid, host: host)
            return .acquired
        }
    }

    /// Takes the lock whoever holds it: the other window is told at its next save (its
    /// generation is now behind).
    public func takeOver(_ reference: String, pid: Int32 = SessionLock.thisProcess,
                         host: String = SessionLock.thisHost) throws {
        try perform { db in
            _ = try self.session(db, reference)
            try self.writeLock(db, reference, pid: pid, host: host)
            try db.execute(sql: "UPDATE lock SET generation = generation + 1 WHERE ref = ?", arguments: [reference])
        }
    }

    /// Gives up the lock if this process holds it. The row stays, free, with its generation.
    public func unlock(_ reference: String, pid: Int32 = SessionLock.thisProcess,
                       host: String = SessionLock.thisHost) throws {
        try perform { db in
            try db.execute(sql: "UPDATE lock SET pid = 0, host = '' WHERE ref = ? AND pid = ? AND host = ?", arguments: [reference, pid, host])
        }
    }

    /// Who holds the case now, if anyone.
    public func currentLock(_ reference: String) throws -> SessionLock? {
        try queue.readOrThrow(path: path) { db in try self.lock(db, reference) }
    }

    func lock(_ db: Database, _ reference: String) throws -> SessionLock? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM lock WHERE ref = ?", arguments: [reference]) else { return nil }
        return SessionLock(reference: row["ref"], pid: row["pid"], host: row["host"], since: Self.date(row["since_ms"]),
                           generation: row["generation"])
    }

    func writeLock(_ db: Database, _ reference: String, pid: Int32, host: String) throws {
        try db.execute(sql: """
            INSERT INTO lock (ref, pid, host, since_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT (ref) DO UPDATE SET pid = excluded.pid, host = excluded.host, since_ms = excluded.since_ms
            """, arguments: [reference, pid, host, millis()])
    }
}
