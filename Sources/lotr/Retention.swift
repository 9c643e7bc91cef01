import Foundation
import LotrStore

/// The automatic retention period (`retention_days` in the config file), applied when lotr
/// starts: cases last saved longer ago than that are deleted for good.
enum Retention {
    /// What happened, in one line for the person, or nil when there is nothing to say.
    struct Report {
        var line: String
        var isProblem: Bool
    }

    /// The configured period, or a problem with the file. nil when nothing is configured; the
    /// file is small and read with one call, so this costs nothing worth measuring at start.
    static func configured() -> Result<RetentionConfig, RetentionConfig.Problem>? {
        guard let path = RetentionConfig.defaultPath(lookup: environmentValue) else { return nil }
        guard access(path, F_OK) == 0 else { return nil }
        return RetentionConfig.load(path: path)
    }

    /// Applies the configured period to `store` (opening the default store when nil and a period
    /// is set). Returns what to tell the person.
    @discardableResult
    static func apply(to given: SessionStore? = nil) -> Report? {
        switch configured() {
        case nil: return nil
        case .failure(let problem)?:
            return Report(line: "lotr: \(problem); no saved case was deleted automatically.", isProblem: true)
        case .success(let config)?:
            guard let days = config.retentionDays else { return nil }
            do {
                let store = try given ?? SessionStore.openDefault()
                let result = try store.purge(olderThanDays: days)
                guard !result.deleted.isEmpty else { return nil }
                let refs = result.deleted.map(\.reference).joined(separator: ", ")
                return Report(line: "Deleted \(Sessions.count(result.deleted.count, "saved case")) last saved more than "
                              + "\(days) days ago (retention_days in \(config.path)): \(refs).", isProblem: false)
            } catch {
                return Report(line: "lotr: the retention period in \(config.path) could not be applied: \(error).", isProblem: true)
            }
        }
    }

    /// For the `sessions` commands: what happened goes to standard error, so that standard
    /// output stays the command's own (a JSON list stays JSON).
    static func applyConfigured(to store: SessionStore) {
        if let report = apply(to: store) { printError(report.line) }
    }
}
