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

    init(store: SessionStore?, flowVersion: String, language: String, reference: String? = nil) {
        self.store = store
        self.flowVersion = flowVersion
        self.language = language
        self.reference = reference
    }

    var isSaving: Bool { store != nil }

    /// Continues a saved case (its lock already taken).
    func resumed(_ ref: String) { reference = ref }

    func saveAnswer(_ question: String, value: Value, position: String?) -> KeeperNews? {
        attempt { store in
            var news: KeeperNews?
            if self.reference == nil {
                let ref = try store.create(flowVersion: self.flowVersion, language: self.language).reference
                self.reference = ref
                _ = try? store.lock(ref)
                news = .startedCase(ref)
            }
            try store.saveAnswer(self.reference!, question: question, value: value, position: position)
            return news
        }
    }

    func setTick(_ item: String, ticked: Bool) -> KeeperNews? {
        guard let reference else { return nil }
        return attempt { store in try store.setTick(reference, item: item, ticked: ticked); return nil }
    }

    func setLabel(_ label: String?) -> KeeperNews? {
        guard let reference else { return nil }
        return attempt { store in try store.setLabel(reference, label: label); return nil }
    }

    func startNewCase() {
        release()
        reference = nil
    }

    func write(_ text: String, to path: String) -> Result<String, KeeperFailure> {
        do {
            try ExportFile.write(text, to: path)
            return .success(path)
        } catch {
            return .failure(KeeperFailure("\(error)"))
        }
    }

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
