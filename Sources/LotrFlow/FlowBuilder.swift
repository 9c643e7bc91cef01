import Yams

/// First pass: reads each file into the model, checking shape, keys, texts, citations and
/// expression syntax. References between files are checked afterwards by the Validator.
struct FlowBuilder {
    let log: DiagnosticLog
    var stages: [StageFlow] = []
    var questions: [String: Question] = [:]
    var outcomes: [String: Outcome] = [:]
    var forms: [String: Form] = [:]
    var evidence: [String: EvidenceItem] = [:]
    var glossary: [String: GlossaryTerm] = [:]
    var rates: [String: Rate] = [:]
    var files: [FileInfo] = []
    var questionOrder: [String] = []
    var outcomeOrder: [String] = []
    var version = ""
    /// Ids of questions and outcomes that had errors, so that later checks do not report
    /// knock-on problems about them.
    var brokenIDs: Set<String> = []
    /// Where each id was first defined, to report duplicates with both places.
    var definedAt: [String: [String: SourceLocation]] = [:]

    init(log: DiagnosticLog) { self.log = log }

    static let kinds = ["stage", "forms", "evidence", "glossary", "rates"]
    static let headerKeys = ["kind", "reviewed", "review_by", "rules_version", "sources"]

    mutating func read(path: String, contents: String) {
        let root: Node?
        do {
            // The basic resolver: every scalar stays a string and the loader types it itself, which
            // skips Yams' regex-based implicit typing (most of the load time).
            root = try Yams.compose(yaml: contents, Resolver.basic)
        } catch {
            appendDiagnostic(yamlErrorDiagnostic(error, file: path))
            return
        }
        guard let root, let map = YAMLMap(root, file: path, what: "the file", log: log) else {
            log.error(SourceLocation(file: path, line: 1, column: 1), "the file is empty", fix: "start it with `kind:` (see flows/README.md)")
            return
        }
        guard let kind = map.string("kind") else { return }
        guard FlowBuilder.kinds.contains(kind) else {
            log.error(map.keyLocation("kind"), "unknown kind `\(kind)`", fix: "use one of: \(FlowBuilder.kinds.joined(separator: ", "))")
            return
        }
        guard let info = readHeader(map, kind: kind) else { return }
        files.append(info)
        let context = FileContext(path: path, info: info, log: log)
        switch kind {
        case "stage": readStage(map, context)
        case "forms":
            map.rejectUnknownKeys(FlowBuilder.headerKeys + ["forms"])
            for node in map.list("forms", required: true) { readForm(node, context) }
        case "evidence":
            map.rejectUnknownKeys(FlowBuilder.headerKeys + ["evidence"])
            for node in map.list("evidence", required: true) { readEvidence(node, context) }
        case "glossary":
            map.rejectUnknownKeys(FlowBuilder.headerKeys + ["terms"])
            for node in map.list("terms", required: true) { readTerm(node, context) }
        default:
            map.rejectUnknownKeys(FlowBuilder.headerKeys + ["rates"])
            for node in map.list("rates", required: true) { readRate(node, context) }
        }
    }

    func appendDiagnostic(_ d: Diagnostic) {
        if d.severity == .error { log.error(d.location, d.message, fix: d.fix) } else { log.warning(d.location, d.message, fix: d.fix) }
    }

    func readHeader(_ map: YAMLMap, kind: String) -> FileInfo? {
        let reviewed = map.date("reviewed")
        let reviewBy = map.date("review_by", fix: "add `review_by: YYYY-MM-DD` under `reviewed:`: the day after which results warn that this file may be out of date (usually 6 months after `reviewed`)")
        if let reviewed, let reviewBy, reviewBy <= reviewed {
            log.error(map.keyLocation("review_by"), "`review_by: \(reviewBy.iso)` is not after `reviewed: \(reviewed.iso)`",
                      fix: "set it to the day the file must be checked again, usually 6 months after `reviewed`")
        }
        let rulesVersion = map.text("rules_version", required: false)
        var sources: [SourceDocument] = []
        for node in map.list("sources", required: true) {
            guard let s = YAMLMap(node, file: map.file, what: "a source", log: log) else { continue }
            s.rejectUnknownKeys(["id", "title", "version", "status", "url"])
            guard let id = s.string("id"), let title = s.string("title") else { continue }
            if sources.contains(where: { $0.id == id }) {
                log.error(s.keyLocation("id"), "source `\(id)` is listed twice in this file", fix: "give each source its own id")
            }
            let status = readStatus(s) ?? .verified
            sources.append(SourceDocument(id: id, title: title, version: s.string("version", required: false), status: status, url: s.string("url", required: false)))
        }
        guard let reviewed, let reviewBy else { return nil }
        return FileInfo(path: map.file, kind: kind, reviewed: reviewed, reviewBy: reviewBy, rulesVersion: rulesVersion, sources: sources,
                        reviewByLocation: map.keyLocation("review_by"))
    }

    func readStatus(_ map: YAMLMap) -> SourceDocument.Status? {
        guard let raw = map.string("status", required: false) else { return nil }
        guard let status = SourceDocument.Status(rawValue: raw) else {
            log.error(map.keyLocation("status"), "unknown status `\(raw)`", fix: "use verified, secondary or unverified")
            return nil
        }
        return status
    }

    /// Records an id in its namespace; reports a duplicate with where the first one is.
    mutating func claim(_ id: String, namespace: String, at location: SourceLocation) -> Bool {
        if !isValidID(id) {
            log.error(location, "`\(id)` is not a valid id", fix: "use lower_snake_case letters, digits and _ (forms may use UPPER_SNAKE_CASE)")
            return false
        }
        if let first = definedAt[namespace]?[id] {
            log.error(location, "duplicate id `\(id)`: already defined at \(first)", fix: "rename one of them; ids must be unique across all flow files")
            return false
        }
        definedAt[namespace, default: [:]][id] = location
        return true
    }

    func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}

/// What a part of a file needs to know about the file it is in.
struct FileContext {
    let path: String
    let info: FileInfo
    let log: DiagnosticLog

    func citation(_ map: YAMLMap, key: String = "source", required: Bool = true) -> Citation? {
        guard let node = required ? map.required(key) : map[key] else { return nil }
        guard let c = YAMLMap(node, file: path, what: "`\(key)`", log: log) else { return nil }
        c.rejectUnknownKeys(["doc", "section", "status"])
        guard let doc = c.string("doc") else { return nil }
        guard let document = info.sources.first(where: { $0.id == doc }) else {
            let known = info.sources.map(\.id)
            log.error(c.keyLocation("doc"), "unknown source `\(doc)`",
                      fix: known.isEmpty ? "list it under `sources:` at the top of the file" : "use one of this file's sources: \(known.joined(separator: ", "))")
            return nil
        }
        let section = c.string("section", required: false) ?? ""
        var status = document.status
        if let raw = c.string("status", required: false) {
            if let s = SourceDocument.Status(rawValue: raw) { status = s } else {
                log.error(c.keyLocation("status"), "unknown status `\(raw)`", fix: "use verified, secondary or unverified")
            }
        }
        return Citation(document: document, section: section, status: status)
    }

    /// Parses an expression held in a YAML scalar, reporting syntax errors at their column.
    func expression(_ node: Node, what: String) -> SourcedExpr? {
        guard let scalar = node.scalar else {
            log.error(location(of: node, in: path), "\(what) must be a single line expression", fix: "quote it if it contains `: `")
            return nil
        }
        let text = scalar.string
        let base = location(of: node, in: path)
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        switch ExpressionParser.parse(text) {
        case .success(let expr):
            return SourcedExpr(expr: expr, text: text, location: base.shifted(by: quoted ? 1 : 0, multiline: text.contains("\n")))
        case .failure(let error):
            let at = base.shifted(by: error.offset + (quoted ? 1 : 0), multiline: text.contains("\n"))
            log.error(at, "in \(what) `\(text)`: \(error.message)", fix: error.fix)
            return nil
        }
    }

    /// Splits `{{ expression }}` parts out of each language's text.
    func template(_ text: LocalizedText, at location: SourceLocation, what: String) -> Template {
        var parts: [String: [Template.Part]] = [:]
        for (language, value) in text.values {
            var out: [Template.Part] = []
            var rest = Substring(value)
            while let open = rest.firstRange(ofExactly: "{{") {
                out.append(.text(String(rest[..<open.lowerBound])))
                guard let close = rest[open.upperBound...].firstRange(ofExactly: "}}") else {
                    log.error(location, "the \(language) text of \(what) has `{{` with no closing `}}`", fix: "close it with `}}`")
                    rest = ""
                    break
                }
                let inner = String(rest[open.upperBound..<close.lowerBound])
                switch ExpressionParser.parse(inner) {
                case .success(let expr): out.append(.expr(SourcedExpr(expr: expr, text: inner, location: location)))
                case .failure(let error):
                    log.error(location, "in `{{\(inner)}}` in the \(language) text of \(what): \(error.message)", fix: error.fix)
                }
                rest = rest[close.upperBound...]
            }
            if !rest.isEmpty { out.append(.text(String(rest))) }
            parts[language] = out
        }
        return Template(parts: parts, raw: text)
    }
}

extension SourceLocation {
    /// The location `offset` characters further along the same line (multi-line scalars keep
    /// the scalar's own position, since YAML folding moves characters between lines).
    func shifted(by offset: Int, multiline: Bool) -> SourceLocation {
        multiline ? self : SourceLocation(file: file, line: line, column: column + offset)
    }
}

