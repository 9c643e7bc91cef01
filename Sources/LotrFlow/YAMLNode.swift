import Yams

/// A YAML node with its position, and the checks every part of a flow file needs: required and
/// unknown keys, types, and messages that say what to write instead.
struct YAMLMap {
    let file: String
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]
    let log: DiagnosticLog
    var what: String

    init?(_ node: Node, file: String, what: String, log: DiagnosticLog) {
        guard let mapping = node.mapping else {
            log.error(LotrFlow.location(of: node, in: file), "\(what) must be a map of `key: value` lines", fix: "indent its keys under it")
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        var seen: Set<String> = []
        for (k, v) in mapping {
            let key = k.string ?? ""
            if seen.contains(key) {
                log.error(LotrFlow.location(of: k, in: file), "`\(key)` appears twice in \(what)", fix: "keep one of them")
            }
            seen.insert(key)
            pairs.append((key, k, v))
        }
        self.file = file
        self.node = node
        self.pairs = pairs
        self.log = log
        self.what = what
    }

    var location: SourceLocation { LotrFlow.location(of: node, in: file) }

    subscript(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func keyLocation(_ key: String) -> SourceLocation {
        if let p = pairs.first(where: { $0.key == key }) { return LotrFlow.location(of: p.keyNode, in: file) }
        return location
    }

    /// Reports keys that are not in `allowed`, naming the closest allowed key.
    func rejectUnknownKeys(_ allowed: [String]) {
        for p in pairs where !allowed.contains(p.key) {
            let suggestion = closest(to: p.key, in: allowed).map { "did you mean `\($0)`? " } ?? ""
            log.error(LotrFlow.location(of: p.keyNode, in: file), "unknown key `\(p.key)` in \(what)",
                      fix: "\(suggestion)allowed keys: \(allowed.joined(separator: ", "))")
        }
    }

    func required(_ key: String, fix: String? = nil) -> Node? {
        guard let v = self[key] else {
            log.error(location, "\(what) has no `\(key)`", fix: fix ?? "add `\(key):`")
            return nil
        }
        return v
    }

    func string(_ key: String, required isRequired: Bool = true) -> String? {
        guard let v = isRequired ? required(key) : self[key] else { return nil }
        guard let s = v.scalar?.string, !s.isEmpty else {
            log.error(LotrFlow.location(of: v, in: file), "`\(key)` in \(what) must be a single value", fix: nil)
            return nil
        }
        return s
    }

    func bool(_ key: String) -> Bool {
        guard let v = self[key] else { return false }
        switch v.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.error(LotrFlow.location(of: v, in: file), "`\(key)` must be true or false", fix: nil)
            return false
        }
    }

    func int(_ key: String) -> Int? {
        guard let v = self[key] else { return nil }
        guard let s = v.scalar?.string, let n = Int(s) else {
            log.error(LotrFlow.location(of: v, in: file), "`\(key)` must be a whole number", fix: nil)
            return nil
        }
        return n
    }

    func date(_ key: String, required isRequired: Bool = true, fix: String? = nil) -> CivilDate? {
        guard let v = isRequired ? required(key, fix: fix) : self[key] else { return nil }
        guard let s = v.scalar?.string, let d = CivilDate(iso: s) else {
            log.error(LotrFlow.location(of: v, in: file), "`\(key)` must be a real date written YYYY-MM-DD", fix: "e.g. 2026-11-23")
            return nil
        }
        return d
    }

    func list(_ key: String, required isRequired: Bool = false) -> [Node] {
        guard let v = isRequired ? required(key) : self[key] else { return [] }
        if let text = v.scalar?.string, ["", "~", "null", "Null", "NULL"].contains(text) { return [] }
        guard let seq = v.sequence else {
            log.error(LotrFlow.location(of: v, in: file), "`\(key)` must be a list (lines starting with `- `)", fix: nil)
            return []
        }
        return Array(seq)
    }

    func text(_ key: String, required isRequired: Bool = true) -> LocalizedText? {
        guard let v = isRequired ? required(key) : self[key] else { return nil }
        return readText(v, file: file, what: "`\(key)` in \(what)", log: log)
    }
}

func readText(_ node: Node, file: String, what: String, log: DiagnosticLog) -> LocalizedText? {
    if node.scalar != nil {
        log.error(location(of: node, in: file), "\(what) must give the text per language", fix: "write `{en: \"...\"}` or put `en:` on the next line, indented")
        return nil
    }
    guard let map = YAMLMap(node, file: file, what: what, log: log) else { return nil }
    var values: [String: String] = [:]
    for p in map.pairs {
        guard LocalizedText.known.contains(p.key) else {
            log.error(location(of: p.keyNode, in: file), "`\(p.key)` is not a known language in \(what)", fix: "use one of: \(LocalizedText.known.joined(separator: ", "))")
            continue
        }
        guard let s = p.value.scalar?.string, !s.trimmingCharacters(in: " ").isEmpty else {
            log.error(location(of: p.value, in: file), "the `\(p.key)` text in \(what) is empty", fix: "write the text, or remove the line")
            continue
        }
        values[p.key] = s
    }
    guard values["en"] != nil else {
        log.error(map.location, "\(what) has no English text", fix: "add `en:`; English is required")
        return nil
    }
    for language in LocalizedText.known where values[language] == nil {
        log.warning(map.location, "\(what) has no \(language) translation", fix: "add `\(language):`")
    }
    return LocalizedText(values)
}

func location(of node: Node, in file: String) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
}

/// Levenshtein distance, to suggest the key or id a person probably meant.
func closest(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var row = [i + 1]
            for (j, cb) in b.enumerated() {
                row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }
    let w = Array(word)
    let best = candidates.map { ($0, distance(w, Array($0))) }.min { $0.1 < $1.1 }
    guard let (candidate, d) = best, d <= max(2, word.count / 3) else { return nil }
    return candidate
}
