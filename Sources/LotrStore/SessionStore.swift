import Foundation
import GRDB
import GRDBSQLite
import LotrEngine
import LotrFlow

#if canImport(Glibc)
import Glibc
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
#elseif canImport(Darwin)
import Darwin
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
#endif

/// Saved sessions in one SQLite file, `sessions.sqlite` in a private folder. Every change is its
/// own transaction, committed before the call returns: a process killed at any moment keeps
/// every confirmed answer. All errors are `SessionStoreError`.
public final class SessionStore: Sendable {
    public static let fileName = "sessions.sqlite"

    public let directory: String
    public let path: String
    let queue: DatabaseQueue
    let now: @Sendable () -> Date

    /// `$XDG_DATA_HOME/lotr`, else `~/.local/share/lotr`. nil when neither can be worked out.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        // The XDG specification says relative paths are to be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/lotr" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/share/lotr" }
        return nil
    }

    /// Opens the store in the default folder. A front end that gets an error carries on without
    /// saving and shows the error's `savingOffMessage`.
    public static func openDefault(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SessionStore {
        guard let directory = defaultDirectory(environment: environment) else {
            throw SessionStoreError.unavailable(path: "~/.local/share/lotr", reason: "neither HOME nor XDG_DATA_HOME is set")
        }
        return try open(directory: directory)
    }

    /// Opens (creating when needed) the store in `directory`: the folder is made private (0700)
    /// and the files readable by their owner only (0600). `busyTimeout` is how long to wait for
    /// another lotr to finish a write before reporting the file as locked.
    ///
    /// An existing file is first opened read-only and checked: a damaged file is reported and
    /// left exactly as it was (setting up the journal for writing would already change it).
    /// A folder or file that is a symbolic link is refused: nothing is created, chmod-ed or
    /// written through one.
    public static func open(directory: String, busyTimeout: TimeInterval = 2,
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> SessionStore {
        let path = directory + "/" + fileName
        do {
            try makePrivateDirectory(directory)
            if try existingFile(path) {
                let check = try readOnlyQueue(path, busyTimeout: busyTimeout)
                try verify(check, path: path)
                try check.close()
            }
            try createPrivateFile(path)
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(busyTimeout)
            config.foreignKeysEnabled = true
            config.label = "lotr.sessions"
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                // WAL survives a killed process with any setting; FULL also survives power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Deleted sessions are overwritten, not merely unlinked from the b-tree.
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            try migrator.migrate(queue)
            let store = SessionStore(directory: directory, path: path, queue: queue, now: now)
            store.tightenPermissions()
            return store
        } catch {
            throw SessionStoreError.from(error, path: path)
        }
    }

    /// Opens the store only to read it (`sessions list`, `show`, `export`): nothing is created,
    /// no permission is changed and nothing is written, so it works on a full disk, a read-only
    /// filesystem or a file made read-only (0400). nil when there is no saved-sessions file.
    public static func openForReading(directory: String, busyTimeout: TimeInterval = 2) throws -> SessionStore? {
        let path = directory + "/" + fileName
        do {
            if try isSymbolicLink(directory) {
                throw SessionStoreError.unavailable(path: directory, reason: "it is a symbolic link; lotr uses only a real folder")
            }
            guard try existingFile(path) else { return nil }
            var queue: DatabaseQueue
            do {
                queue = try readOnlyQueue(path, busyTimeout: busyTimeout)
                try verify(queue, path: path)
            } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL]
                .contains(ResultCode(rawValue: error.extendedResultCode.rawValue & 0xFF)) {
                // SQLite reads a WAL-mode file only if it can create the -shm file beside it,
                // which a read-only filesystem does not allow: read a copy in memory instead.
                queue = try inMemoryCopy(path)
                try verify(queue, path: path)
            }
            return SessionStore(directory: directory, path: path, queue: queue, now: { Date() })
        } catch {
            throw SessionStoreError.from(error, path: path)
        }
    }

    /// `openForReading` in the default folder.
    public static func openDefaultForReading(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SessionStore? {
        guard let directory = defaultDirectory(environment: environment) else {
            throw SessionStoreError.unavailable(path: "~/.local/share/lotr", reason: "neither HOME nor XDG_DATA_HOME is set")
        }
        return try openForReading(directory: directory)
    }

    /// The file's bytes, read once, as a read-only database in memory. The copy's header is
    /// marked as using a rollback journal (bytes 18 and 19), since a database in memory cannot
    /// have a WAL file; the file itself is never touched.
    static func inMemoryCopy(_ path: String) throws -> DatabaseQueue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionStoreError.unavailable(path: path, reason: "it cannot be read")
        }
        guard data.count >= 100, let buffer = sqlite3_malloc64(UInt64(data.count)) else {
            throw SessionStoreError.corrupt(path: path)
        }
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        data.copyBytes(to: bytes, count: data.count)
        if bytes[18] == 2 && bytes[19] == 2 { bytes[18] = 1; bytes[19] = 1 }
        var config = Configuration()
        config.label = "lotr.sessions.copy"
        let queue = try DatabaseQueue(configuration: config)
        try queue.inDatabase { db in
            let rc = sqlite3_deserialize(db.sqliteConnection, "main", bytes, Int64(data.count), Int64(data.count),
                                         UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY))
            guard rc == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: rc)) }
        }
        return queue
    }

    static func readOnlyQueue(_ path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "lotr.sessions.read"
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// SQLite's own check of every page, and the tables lotr needs.
    static func verify(_ queue: DatabaseQueue, path: String) throws {
        try queue.read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard check == ["ok"] else { throw SessionStoreError.corrupt(path: path) }
        }
    }

    /// Whether the file exists, refusing a symbolic link (or anything but a plain file).
    static func existingFile(_ path: String) throws -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return false }
            throw SessionStoreError.unavailable(path: path, reason: errno == EACCES ? "permission denied" : "it cannot be read")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFLNK: throw SessionStoreError.unavailable(path: path, reason: "it is a symbolic link; lotr saves only to a real file")
        case S_IFDIR: throw SessionStoreError.unavailable(path: path, reason: "it is a folder, not a file")
        default: throw SessionStoreError.unavailable(path: path, reason: "it is not a plain file")
        }
    }

    static func isSymbolicLink(_ path: String) throws -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        return st.st_mode & S_IFMT == S_IFLNK
    }

    init(directory: String, path: String, queue: DatabaseQueue, now: @escaping @Sendable () -> Date) {
        self.directory = directory
        self.path = path
        self.queue = queue
        self.now = now
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE session (
                    ref TEXT PRIMARY KEY NOT NULL,
                    created_ms INTEGER NOT NULL,
                    updated_ms INTEGER NOT NULL,
                    flow_version TEXT NOT NULL,
                    language TEXT NOT NULL,
                    position TEXT
                );
                CREATE TABLE answer (
                    ref TEXT NOT NULL REFERENCES session(ref) ON DELETE CASCADE,
                    question TEXT NOT NULL,
                    value TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (ref, question)
                );
                CREATE TABLE note (
                    ref TEXT NOT NULL REFERENCES session(ref) ON DELETE CASCADE,
                    question TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (ref, question)
                );
                CREATE TABLE tick (
                    ref TEXT NOT NULL REFERENCES session(ref) ON DELETE CASCADE,
                    item TEXT NOT NULL,
                    PRIMARY KEY (ref, item)
                );
                """)
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE session ADD COLUMN label TEXT;
                CREATE TABLE lock (
                    ref TEXT PRIMARY KEY NOT NULL REFERENCES session(ref) ON DELETE CASCADE,
                    pid INTEGER NOT NULL,
                    host TEXT NOT NULL,
                    since_ms INTEGER NOT NULL,
                    generation INTEGER NOT NULL DEFAULT 1
                );
                """)
        }
        return m
    }

    // MARK: Writing

    /// Starts a session with a new, unique reference.
    @discardableResult
    public func create(flowVersion: String, language: String) throws -> Session {
        try perform { db in
            var rng = SystemRandomNumberGenerator()
            var ref = SessionReference.random(using: &rng)
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE ref = ?", arguments: [ref]) == true {
                ref = SessionReference.random(using: &rng)
            }
            let ms = self.millis()
            try db.execute(sql: "INSERT INTO session (ref, created_ms, updated_ms, flow_version, language) VALUES (?, ?, ?, ?, ?)",
                           arguments: [ref, ms, ms, flowVersion, language])
            return Session(reference: ref, created: Self.date(ms), updated: Self.date(ms), flowVersion: flowVersion,
                           language: language, position: nil)
        }
    }

    /// Saves one confirmed answer (replacing an earlier answer to the same question, which keeps
    /// its place in the order). `position` is the question the person moves on to; when nil the
    /// answered question is recorded as where they are.
    public func saveAnswer(_ reference: String, question: String, value: Value, position: String? = nil) throws {
        try perform { db in
            try self.touch(db, reference, position: position ?? question)
            try db.execute(sql: """
                INSERT INTO answer (ref, question, value, seq)
                VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM answer WHERE ref = ?))
                ON CONFLICT (ref, question) DO UPDATE SET value = excluded.value
                """, arguments: [reference, question, StoredValue.encode(value), reference])
        }
    }

    /// Saves several answers and notes in one transaction: what a front end kept while saving
    /// was off, written at once when it works again. A nil note removes the note.
    public func saveAll(_ reference: String, answers: [(question: String, value: Value)], notes: [(question: String, text: String?)],
                        position: String?) throws {
        try perform { db in
            try self.touch(db, reference, position: position)
            for a in answers {
                try db.execute(sql: """
                    INSERT INTO answer (ref, question, value, seq)
                    VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM answer WHERE ref = ?))
                    ON CONFLICT (ref, question) DO UPDATE SET value = excluded.value
                    """, arguments: [reference, a.question, StoredValue.encode(a.value), reference])
            }
            for n in notes {
                if let text = n.text, !text.isEmpty {
                    try db.execute(sql: """
                        INSERT INTO note (ref, question, text) VALUES (?, ?, ?)
                        ON CONFLICT (ref, question) DO UPDATE SET text = excluded.text
                        """, arguments: [reference, n.question, text])
                } else {
                    try db.execute(sql: "DELETE FROM note WHERE ref = ? AND question = ?", arguments: [reference, n.question])
                }
            }
        }
    }

    public func removeAnswer(_ reference: String, question: String) throws {
        try perform { db in
            try self.touch(db, reference, position: nil)
            try db.execute(sql: "DELETE FROM answer WHERE ref = ? AND question = ?", arguments: [reference, question])
        }
    }

    /// Records the question on screen, so that resuming opens exactly there.
    public func setPosition(_ reference: String, question: String?) throws {
        try perform { db in
            try self.touch(db, reference, position: nil)
            try db.execute(sql: "UPDATE session SET position = ? WHERE ref = ?", arguments: [question, reference])
        }
    }

    /// Saves an adviser's note on a question; an empty or nil note removes it.
    public func saveNote(_ reference: String, question: String, text: String?) throws {
        try perform { db in
            try self.touch(db, reference, position: nil)
            if let text, !text.isEmpty {
                try db.execute(sql: """
                    INSERT INTO note (ref, question, text) VALUES (?, ?, ?)
                    ON CONFLICT (ref, question) DO UPDATE SET text = excluded.text
                    """, arguments: [reference, question, text])
            } else {
                try db.execute(sql: "DELETE FROM note WHERE ref = ? AND question = ?", arguments: [reference, question])
            }
        }
    }

    /// Ticks or unticks an evidence item on the checklist.
    public func setTick(_ reference: String, item: String, ticked: Bool) throws {
        try perform { db in
            try self.touch(db, reference, position: nil)
            if ticked {
                try db.execute(sql: "INSERT OR IGNORE INTO tick (ref, item) VALUES (?, ?)", arguments: [reference, item])
            } else {
                try db.execute(sql: "DELETE FROM tick WHERE ref = ? AND item = ?", arguments: [reference, item])
            }
        }
    }

    /// Sets the adviser's label for the case; an empty or nil label removes it. At most
    /// `maximumLabelLength` characters are kept.
    public func setLabel(_ reference: String, label: String?) throws {
        let trimmed = label.map(SessionStore.cleanLabel)
        try perform { db in
            try self.touch(db, reference, position: nil)
            try db.execute(sql: "UPDATE session SET label = ? WHERE ref = ?",
                           arguments: [trimmed.flatMap { $0.isEmpty ? nil : $0 }, reference])
        }
    }

    public static let maximumLabelLength = 60

    /// A label on one line, without surrounding spaces, at most `maximumLabelLength` characters.
    public static func cleanLabel(_ raw: String) -> String {
        let oneLine = String(raw.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let trimmed = oneLine.trimmingCharacters(in: .whitespaces)
        return String(trimmed.prefix(maximumLabelLength))
    }

    /// Deletes every session last saved more than `days` days ago (0: every session), then
    /// rebuilds the file and empties the WAL so that nothing of them remains on disk. A session
    /// open in another running lotr is left alone and returned in `skipped`.
    public func purge(olderThanDays days: Int) throws -> (deleted: [SessionSummary], skipped: [SessionSummary]) {
        let cutoff = millis() - Int64(max(0, days)) * 86_400_000
        let result = try perform { db -> ([SessionSummary], [SessionSummary]) in
            let refs = try String.fetchAll(db, sql: "SELECT ref FROM session WHERE updated_ms <= ? ORDER BY updated_ms, ref",
                                           arguments: [cutoff])
            var deleted: [SessionSummary] = [], skipped: [SessionSummary] = []
            for ref in refs {
                let s = try self.summary(db, ref)
                if let lock = try self.lock(db, ref), !lock.isStale {
                    skipped.append(s)
                    continue
                }
                try db.execute(sql: "DELETE FROM session WHERE ref = ?", arguments: [ref])
                deleted.append(s)
            }
            return (deleted, skipped)
        }
        if !result.0.isEmpty { try compact() }
        return (result.0, result.1)
    }

    /// Rebuilds the file (VACUUM) and truncates the WAL to nothing.
    func compact() throws {
        do {
            try queue.vacuum()
            try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw SessionStoreError.from(error, path: path)
        }
        tightenPermissions()
    }

    /// Deletes the session and everything in it, then rebuilds the file so that nothing of it
    /// remains on disk. Returns what was deleted.
    @discardableResult
    public func delete(_ reference: String) throws -> SessionSummary {
        let summary = try perform { db in
            let s = try self.summary(db, reference)
            try db.execute(sql: "DELETE FROM session WHERE ref = ?", arguments: [reference])
            return s
        }
        try compact()
        return summary
    }

    // MARK: Reading

    public func list() throws -> [SessionSummary] {
        try queue.readOrThrow(path: path) { db in
            let refs = try String.fetchAll(db, sql: "SELECT ref FROM session ORDER BY updated_ms DESC, ref")
            return try refs.map { try self.summary(db, $0) }
        }
    }

    public func load(_ reference: String) throws -> SavedSession {
        try queue.readOrThrow(path: path) { db in
            let session = try self.session(db, reference)
            let answers = try Row.fetchAll(db, sql: "SELECT question, value FROM answer WHERE ref = ? ORDER BY seq", arguments: [reference])
                .map { row -> SavedAnswer in
                    let stored: String = row["value"]
                    return SavedAnswer(question: row["question"], value: StoredValue.decode(stored), stored: stored)
                }
            var notes: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT question, text FROM note WHERE ref = ?", arguments: [reference]) {
                notes[row["question"]] = row["text"]
            }
            let ticks = Set(try String.fetchAll(db, sql: "SELECT item FROM tick WHERE ref = ?", arguments: [reference]))
            return SavedSession(session: session, answers: answers, notes: notes, ticks: ticks)
        }
    }

    /// Loads a session for the current flows: answers that still fit, answers kept aside (with
    /// the reason), and where to continue.
    public func resume(_ reference: String, flows: FlowSet, today: CivilDate) throws -> ResumedSession {
        let saved = try load(reference)
        var answers: Answers = [:]
        var aside: [KeptAside] = []
        // Answers to questions that another took the place of are joined into it first.
        var old: Answers = [:]
        for a in saved.answers { if let v = a.value { old[a.question] = v } }
        var (carried, merged) = AnswerMigration.merge(old, flows: flows)
        for (id, value) in carried {
            if let q = flows.questions[id], AnswerFit.problem(value, for: q) != nil {
                carried[id] = nil
                merged.removeAll { $0.into == id }
            }
        }
        answers.merge(carried) { a, _ in a }
        // Old answers whose replacement is answered (now, or in an earlier resume) are not
        // reported again; they stay in the database with the rest of the session.
        let superseded = Set(flows.questionOrder.flatMap { id -> [String] in
            guard let q = flows.questions[id], carried[id] != nil || old[id] != nil else { return [] }
            return q.replaces
        })
        for a in saved.answers where !superseded.contains(a.question) || flows.questions[a.question] != nil {
            guard let value = a.value else {
                aside.append(KeptAside(question: a.question, value: nil, stored: a.stored, reason: .unreadable))
                continue
            }
            guard let q = flows.questions[a.question] else {
                aside.append(KeptAside(question: a.question, value: value, stored: a.stored, reason: .questionRemoved))
                continue
            }
            if let problem = AnswerFit.problem(value, for: q) {
                aside.append(KeptAside(question: a.question, value: value, stored: a.stored, reason: .doesNotFit(problem)))
                continue
            }
            answers[a.question] = value
        }
        let next = Engine.assess(flows, answers: answers, today: today, language: saved.session.language).next
        let position = saved.session.position.flatMap { flows.questions[$0] != nil ? $0 : nil }
        return ResumedSession(saved: saved, answers: answers, keptAside: aside, merged: merged,
                              flowsChanged: saved.session.flowVersion != flows.version,
                              next: next, lastQuestion: position ?? next?.id)
    }

    // MARK: Helpers

    func perform<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch {
            throw SessionStoreError.from(error, path: path)
        }
    }

    /// Marks the session as changed, failing when it does not exist.
    func touch(_ db: Database, _ reference: String, position: String?) throws {
        if let position {
            try db.execute(sql: "UPDATE session SET updated_ms = ?, position = ? WHERE ref = ?", arguments: [millis(), position, reference])
        } else {
            try db.execute(sql: "UPDATE session SET updated_ms = ? WHERE ref = ?", arguments: [millis(), reference])
        }
        guard db.changesCount > 0 else { throw SessionStoreError.notFound(reference: reference) }
    }

    func session(_ db: Database, _ reference: String) throws -> Session {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE ref = ?", arguments: [reference]) else {
            throw SessionStoreError.notFound(reference: reference)
        }
        return Session(reference: row["ref"], created: Self.date(row["created_ms"]), updated: Self.date(row["updated_ms"]),
                       flowVersion: row["flow_version"], language: row["language"], position: row["position"],
                       label: row["label"])
    }

    func summary(_ db: Database, _ reference: String) throws -> SessionSummary {
        let s = try session(db, reference)
        let answers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE ref = ?", arguments: [reference]) ?? 0
        let notes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note WHERE ref = ?", arguments: [reference]) ?? 0
        return SessionSummary(session: s, answerCount: answers, noteCount: notes)
    }

    func millis() -> Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }

    // MARK: Permissions

    static func makePrivateDirectory(_ directory: String) throws {
        if try isSymbolicLink(directory) {
            throw SessionStoreError.unavailable(path: directory, reason: "it is a symbolic link; lotr uses only a real folder")
        }
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw SessionStoreError.unavailable(path: directory, reason: "the folder cannot be created")
            }
        } else if !isDir.boolValue {
            throw SessionStoreError.unavailable(path: directory, reason: "it is a file, not a folder")
        }
        // An existing folder may have been made with looser permissions.
        guard chmod(directory, 0o700) == 0 else {
            throw SessionStoreError.unavailable(path: directory, reason: "its permissions cannot be set to 0700")
        }
    }

    /// Creates the file owner-only before SQLite opens it: SQLite gives its -wal and -shm files
    /// the same permissions as the database file.
    static func createPrivateFile(_ path: String) throws {
        // O_NOFOLLOW: a symbolic link put there between the check and now is refused too.
        let fd = systemOpen(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason: String
            switch errno {
            case EACCES, EPERM: reason = "permission denied"
            case ELOOP: reason = "it is a symbolic link; lotr saves only to a real file"
            case EROFS: reason = "the filesystem is read-only"
            case ENOSPC: reason = "the disk is full"
            default: reason = "the file cannot be opened"
            }
            throw SessionStoreError.unavailable(path: path, reason: reason)
        }
        let ok = fchmod(fd, 0o600) == 0
        close(fd)
        guard ok else { throw SessionStoreError.unavailable(path: path, reason: "its permissions cannot be set to 0600") }
    }

    /// Owner-only permissions on the database and the WAL files that exist right now.
    /// Never through a symbolic link (AT_SYMLINK_NOFOLLOW refuses one). Never by opening and
    /// closing the files either: SQLite's locks are POSIX locks, which a process loses on every
    /// file of the database as soon as it closes *any* descriptor of it — another window's
    /// writes could then meet this one's reads and damage the file.
    func tightenPermissions() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            _ = fchmodat(AT_FDCWD, path + suffix, 0o600, AT_SYMLINK_NOFOLLOW)
        }
    }
}

extension DatabaseQueue {
    func readOrThrow<T>(path: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try read(body)
        } catch {
            throw SessionStoreError.from(error, path: path)
        }
    }
}
