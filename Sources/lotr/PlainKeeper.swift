import Foundation
import LotrEngine
import LotrFlow
import LotrPlain
import LotrStore

/// Keeps a plain-mode interview in the session store, as the full screen does: the case is
/// created at the first answer, each confirmed answer is its own transaction, and if saving
/// fails the interview carries on and says so once.
final class PlainStoreKeeper: PlainCaseKeeper {
    let flowVersion: String
    let language: String
    private var store: SessionStore?
    private(set) var reference: String?
    private var failed = false
    /// What this window has saved to its case, in order, so that it can all be saved again as a
    /// new case if another window takes this one over.
    private var answers: [(String, Value)] = []
    private var ticks: Set<String> = []
    private var label: String?
    private var notes: [String: String] = [:]
    /// The lock generation this window holds its case at (see `SessionLock.generation`).
    private var generation: Int?

    init(store: SessionStore?, flowVersion: String, language: String, reference: String? = nil) {
        self.store = store
        self.flowVersion = flowVersion
        self.language = language
        self.reference = reference
    }

    var isSaving: Bool { store != nil }

    /// Continues a saved case (its lock already taken).
    func resumed(_ ref: String, from saved: SavedSession) {
        reference = ref
        if let store { generation = try? store.currentLock(ref)?.generation }
        answers = saved.answers.compactMap { a in a.value.map { (a.question, $0) } }
        ticks = saved.ticks
        notes = saved.notes
        label = saved.session.label
    }

    /// Takes the lock on `ref` and remembers its generation.
    func hold(_ store: SessionStore, _ ref: String) throws {
        _ = try store.lock(ref)
        generation = try store.currentLock(ref)?.generation
    }

    /// When another window has taken the case over (even one that has closed since), this
    /// window's answers go to a new case.
    private func keepOwnCase(_ store: SessionStore) throws -> KeeperNews? {
        guard let ref = reference else { return nil }
        guard let lock = try store.currentLock(ref) else { try hold(store, ref); return nil }
        let takenOver = (generation != nil && lock.generation != generation) || (!lock.isMine && !lock.isStale)
        guard takenOver else {
            if !lock.isMine { try hold(store, ref) }
            return nil
        }
        let fresh = try store.create(flowVersion: flowVersion, language: language).reference
        try hold(store, fresh)
        for (question, value) in answers { try store.saveAnswer(fresh, question: question, value: value) }
        for item in ticks { try store.setTick(fresh, item: item, ticked: true) }
        for (question, text) in notes { try store.saveNote(fresh, question: question, text: text) }
        if let label { try store.setLabel(fresh, label: label) }
        reference = fresh
        return .movedToNewCase(from: ref, to: fresh)
    }

    private func remember(_ question: String, _ value: Value) {
        if let i = answers.firstIndex(where: { $0.0 == question }) { answers[i].1 = value } else { answers.append((question, value)) }
    }

    func saveAnswer(_ question: String, value: Value, position: String?) -> KeeperNews? {
        attempt { store in
            var news: KeeperNews?
            if self.reference == nil {
                let ref = try store.create(flowVersion: self.flowVersion, language: self.language).reference
                self.reference = ref
                try self.hold(store, ref)
                news = .startedCase(ref)
            } else {
                news = try self.keepOwnCase(store)
            }
            self.remember(question, value)
            try store.saveAnswer(self.reference!, question: question, value: value, position: position)
            return news
        }
    }

    func setTick(_ item: String, ticked: Bool) -> KeeperNews? {
        guard reference != nil else { return nil }
        if ticked { ticks.insert(item) } else { ticks.remove(item) }
        return attempt { store in
            let news = try self.keepOwnCase(store)
            try store.setTick(self.reference!, item: item, ticked: ticked)
            return news
        }
    }

    func setLabel(_ label: String?) -> KeeperNews? {
        guard reference != nil else { return nil }
        self.label = label
        return attempt { store in
            let news = try self.keepOwnCase(store)
            try store.setLabel(self.reference!, label: label)
            return news
        }
    }

    func setNote(_ question: String, text: String?) -> KeeperNews? {
        guard reference != nil else { return nil }
        notes[question] = text
        return attempt { store in
            let news = try self.keepOwnCase(store)
            try store.saveNote(self.reference!, question: question, text: text)
            return news
        }
    }

    func startNewCase() {
        release()
        reference = nil
        generation = nil
        answers = []
        notes = [:]
        ticks = []
        label = nil
    }

    func write(_ text: String, to path: String) -> Result<String, KeeperFailure> { PlainFiles.write(text, to: path) }

    func read(_ path: String) -> Result<String, KeeperFailure> { PlainFiles.read(path) }

    /// Lets another window take the case once this one is done with it.
    func release() {
        if let reference, let store { try? store.unlock(reference) }
    }

    private func attempt(_ body: (SessionStore) throws -> KeeperNews?) -> KeeperNews? {
        guard let store else { return nil }
        do {
            return try body(store)
        } catch {
            self.store = nil
            guard !failed else { return nil }
            failed = true
            return .savingOff((error as? SessionStoreError)?.description ?? "the saved-sessions file cannot be written")
        }
    }
}

enum PlainFiles {
    /// Writes a file note whole or not at all, readable by its owner only.
    static func write(_ text: String, to path: String) -> Result<String, KeeperFailure> {
        do {
            try ExportFile.write(text, to: path)
            return .success(path)
        } catch {
            return .failure(KeeperFailure("\(error)"))
        }
    }

    /// A small text file the person named; at most 1 MB (a list of trips is a few kilobytes).
    static func read(_ path: String) -> Result<String, KeeperFailure> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return .failure(KeeperFailure("there is no file \(path)"))
        }
        guard !isDir.boolValue else { return .failure(KeeperFailure("\(path) is a folder, not a file")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(KeeperFailure("\(path) cannot be read (permission denied)"))
        }
        guard data.count <= 1_000_000 else { return .failure(KeeperFailure("\(path) is larger than 1 MB; a list of trips is much smaller")) }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(KeeperFailure("\(path) is not a text file in UTF-8"))
        }
        return .success(text)
    }
}
