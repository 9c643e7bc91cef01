/// Where something is in a flow file. Lines and columns count from 1.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found while loading or checking flows, phrased for the person who will fix it:
/// what is wrong, then what to do.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var fix: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var s = "\(location): \(severity.rawValue): \(message)"
        if let fix { s += " — \(fix)" }
        return s
    }
}

/// Collects diagnostics while loading; loading never throws, so one bad file cannot hide the rest.
public final class DiagnosticLog {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    public func error(_ at: SourceLocation, _ message: String, fix: String? = nil) {
        items.append(Diagnostic(.error, at, message, fix: fix))
    }
    public func warning(_ at: SourceLocation, _ message: String, fix: String? = nil) {
        items.append(Diagnostic(.warning, at, message, fix: fix))
    }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] {
        items.sorted {
            ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column)
        }
    }
}
