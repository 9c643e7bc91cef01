import GRDB

/// Why the store cannot do what was asked. Messages never contain answers.
public enum SessionStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another program holds the database (usually another lotr still running).
    case locked(path: String)
    /// The file is damaged or is not a lotr database.
    case corrupt(path: String)
    /// No session has this reference.
    case notFound(reference: String)
    /// The folder or file cannot be created, read or written.
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let path):
            return "the saved-sessions file \(path) is in use by another program (probably another lotr); close it and try again"
        case .corrupt(let path):
            return "the saved-sessions file \(path) is damaged or is not a lotr file; move it elsewhere to start afresh (nothing in it was changed)"
        case .notFound(let reference):
            return "there is no saved session \(reference); `lotr sessions list` shows them"
        case .unavailable(let path, let reason):
            return "cannot use \(path): \(reason)"
        }
    }

    /// What a front end shows when it carries on without saving.
    public var savingOffMessage: String { "Saving is off: \(description)." }

    static func from(_ error: any Error, path: String) -> SessionStoreError {
        if let e = error as? SessionStoreError { return e }
        guard let e = error as? DatabaseError else {
            return .unavailable(path: path, reason: "unexpected \(type(of: error))")
        }
        // The primary code only: extended codes refine the same cause.
        switch ResultCode(rawValue: e.extendedResultCode.rawValue & 0xFF) {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path)
        case .SQLITE_FULL: return .unavailable(path: path, reason: "the disk is full")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return .unavailable(path: path, reason: "permission denied or read-only file")
        case .SQLITE_IOERR: return .unavailable(path: path, reason: "a read or write failed")
        default: return .unavailable(path: path, reason: "database error \(e.resultCode.rawValue)")
        }
    }
}
