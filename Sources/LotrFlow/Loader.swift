import Yams

/// The result of loading a flow folder: the flows if they are sound, and every problem found.
public struct LoadResult: Sendable {
    public var flows: FlowSet?
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

public enum FlowLoader {
    /// Loads every `*.yaml` file in a folder. Never throws and never crashes on bad input:
    /// every problem becomes a diagnostic naming the file and line.
    public static func load(directory: String) -> LoadResult {
        switch FlowFolder.read(directory) {
        case .failure(let problem): return LoadResult(flows: nil, diagnostics: problem.diagnostics)
        case .success(let folder): return load(folder)
        }
    }

    /// Loads files already read from a folder (FlowFolder.read): the YAML is parsed and checked.
    public static func load(_ folder: FlowFolder) -> LoadResult {
        var files: [(String, String)] = []
        var unreadable: [Diagnostic] = []
        for file in folder.files {
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                unreadable.append(Diagnostic(.error, SourceLocation(file: file.path, line: 1, column: 1), "this file is not UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            files.append((file.path, text))
        }
        var result = load(files: files)
        result.diagnostics = folder.unreadable + unreadable + result.diagnostics
        if !folder.unreadable.isEmpty || !unreadable.isEmpty { result.flows = nil }
        return result
    }

    /// Loads flow files given as (path, contents) pairs.
    public static func load(files: [(path: String, contents: String)]) -> LoadResult {
        let log = DiagnosticLog()
        var builder = FlowBuilder(log: log)
        for file in files {
            builder.read(path: file.path, contents: file.contents)
            warnIfCutOff(file, log: log)
        }
        builder.version = contentHash(files.map(\.contents))
        let flows = builder.finish()
        if let flows { Validator(flows: flows, log: log, broken: builder.brokenIDs).run() }
        return LoadResult(flows: log.hasErrors ? nil : flows, diagnostics: log.sorted)
    }

    /// A file cut short (a copy or an upload stopped part-way) usually ends in the middle of a
    /// line, and what is left can still read as valid YAML with its last text shortened. Text
    /// files end with a line break, so a file without one is flagged at its last line
    /// (`check --strict` fails on it).
    static func warnIfCutOff(_ file: (path: String, contents: String), log: DiagnosticLog) {
        guard let last = file.contents.utf8.last, last != UInt8(ascii: "\n") else { return }
        let lines = file.contents.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        log.warning(SourceLocation(file: file.path, line: lines, column: 1),
                    "the file ends in the middle of this line, without a line break: its last item may have been cut off",
                    fix: "check that the last item is complete, then end the file with a line break")
    }

    /// FNV-1a over the files' bytes: stable across runs and machines (Swift's Hasher is not).
    static func contentHash(_ texts: [String]) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for text in texts {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
            hash ^= 0xff
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Reads YAML (syntax) errors into diagnostics with the line and column libyaml reports.
func yamlErrorDiagnostic(_ error: Error, file: String) -> Diagnostic {
    if let e = error as? YamlError {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " \(context.text)" }
            return Diagnostic(.error, SourceLocation(file: file, line: mark.line, column: mark.column), message,
                              fix: "check indentation and quoting here; text containing `: ` or starting with a quote or `{` must be quoted")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, SourceLocation(file: file, line: 1, column: 1), "YAML: \(problem)", fix: "save the file as UTF-8 text")
        default: break
        }
    }
    return Diagnostic(.error, SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)", fix: nil)
}
