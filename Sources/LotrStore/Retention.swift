import Foundation

/// How long saved cases are kept, from `$XDG_CONFIG_HOME/lotr/config` (default
/// `~/.config/lotr/config`): lines of `name = value`, `#` starts a comment. Today one setting:
///
///     retention_days = 90
///
/// Cases last saved more than that many days ago are deleted when lotr starts.
public struct RetentionConfig: Equatable, Sendable {
    public var path: String
    /// nil when the file does not set a period (nothing is deleted automatically).
    public var retentionDays: Int?

    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    /// `$XDG_CONFIG_HOME/lotr/config`, else `~/.config/lotr/config`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        defaultPath { environment[$0] }
    }

    /// The same, reading the variables through `lookup` (e.g. getenv): at start-up this spares
    /// building a dictionary, whose first use in the program costs a type look-up (BENCHMARKS.md).
    public static func defaultPath(lookup: (String) -> String?) -> String? {
        if let xdg = lookup("XDG_CONFIG_HOME"), xdg.hasPrefix("/") { return xdg + "/lotr/config" }
        if let home = lookup("HOME"), home.hasPrefix("/") { return home + "/.config/lotr/config" }
        return nil
    }

    /// Reads the file; a missing file is an empty configuration.
    public static func load(path: String) -> Result<RetentionConfig, Problem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .success(RetentionConfig(path: path, retentionDays: nil))
        }
        return parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) -> Result<RetentionConfig, Problem> {
        var config = RetentionConfig(path: path, retentionDays: nil)
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                return .failure(Problem(path: path, line: line, message: "expected `name = value`, such as `retention_days = 90`"))
            }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            switch name {
            case "retention_days":
                guard let days = Int(value), days >= 1, days <= 36_500 else {
                    return .failure(Problem(path: path, line: line,
                                            message: "retention_days must be a whole number of days from 1 to 36500, such as 90"))
                }
                config.retentionDays = days
            default:
                return .failure(Problem(path: path, line: line, message: "unknown setting `\(name)`; the one setting is retention_days"))
            }
        }
        return .success(config)
    }
}

/// `90d` (or `90`) as a number of days, for `sessions purge --older-than`.
public enum RetentionPeriod {
    public static func days(_ raw: String) -> Int? {
        var s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasSuffix("d") { s.removeLast() }
        guard !s.isEmpty, s.allSatisfy(\.isASCII), let n = Int(s), n >= 0 else { return nil }
        return n
    }
}
