import LotrFlow

/// Every place in the flows that rests on a source: what a reviewer checking one paragraph, or
/// one unverified document, needs to find.
struct CitedPlace: Hashable, Sendable {
    enum Kind: Int, CaseIterable, Sendable { case question, route, outcome, date, evidence, form, rate }
    var kind: Kind
    var anchor: String
    /// The id, or `question, route 2`, as a reviewer names it.
    var label: String
    var citation: Citation
}

enum Paragraphs {
    /// "LR 1.3, LR 9.3" → ["LR 1.3", "LR 9.3"]; "VTS 1.2, 3.1" → ["VTS 1.2", "VTS 3.1"];
    /// "CR 4.1(d)(i), (iv)" → ["CR 4.1(d)(i)", "CR 4.1(d)(iv)"]; a trailing explanation in
    /// brackets ("[2020] UKSC 17 (the Paposhvili test adopted)") is dropped.
    static func split(_ section: String) -> [String] {
        var out: [String] = []
        let pieces = section.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingSpaces }
        for raw in pieces where !raw.isEmpty {
            var piece = dropExplanation(raw)
            if let previous = out.last {
                if piece.hasPrefix("("), let open = previous.lastIndex(of: "(") {
                    piece = String(previous[..<open]) + piece
                } else if piece.first?.isNumber == true, let space = previous.lastIndex(of: " ") {
                    piece = String(previous[...space]) + piece
                }
            }
            if !piece.isEmpty && !out.contains(piece) { out.append(piece) }
        }
        return out
    }

    /// " (an explanation with spaces)" at the end goes; "(d)(i)" stays.
    static func dropExplanation(_ s: String) -> String {
        guard s.hasSuffix(")"), let open = s.range(of: " (", options: .backwards) else { return s }
        let inside = s[open.upperBound...].dropLast()
        return inside.contains(" ") ? String(s[..<open.lowerBound]).trimmingSpaces : s
    }

    /// Orders "LR 2.1" before "LR 10.1": digit runs compare as numbers.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        func parts(_ s: String) -> [(Int?, String)] {
            var out: [(Int?, String)] = []
            var current = "", digits = false
            for c in s {
                let d = c.isASCII && c.isNumber
                if !current.isEmpty && d != digits {
                    out.append((digits ? Int(current) : nil, current))
                    current = ""
                }
                digits = d
                current.append(c)
            }
            if !current.isEmpty { out.append((digits ? Int(current) : nil, current)) }
            return out
        }
        let pa = parts(a), pb = parts(b)
        for (x, y) in zip(pa, pb) {
            if let nx = x.0, let ny = y.0, nx != ny { return nx < ny }
            if x.1 != y.1 { return x.1 < y.1 }
        }
        return pa.count < pb.count
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
