import LotrFlow

/// The outcome in the three shapes `decide` prints and exports use: JSON with stable keys,
/// plain text that fits 80 columns, and Markdown.
public struct Report {
    public let flows: FlowSet
    public let assessment: Assessment
    public let answers: Answers
    public let language: String

    public init(flows: FlowSet, assessment: Assessment, answers: Answers, language: String = "en") {
        self.flows = flows
        self.assessment = assessment
        self.answers = answers
        self.language = language
    }

    // MARK: JSON

    public func json() -> JSON {
        var pairs: [(String, JSON)] = [("status", .string(assessment.isComplete ? "outcome" : "incomplete"))]
        if let q = assessment.next {
            pairs.append(("next", .object([("id", .string(q.id)), ("stage", .string(q.stage.rawValue)),
                                           ("kind", .string(q.kind.rawValue)), ("text", .string(q.text.text(language))),
                                           ("why", .optional(q.why?.text(language)))])))
        } else {
            pairs.append(("next", .null))
        }
        if let o = assessment.outcome {
            pairs.append(("outcome", outcomeJSON(o)))
            pairs.append(("checklist", .array(o.checklist.map { item in
                .object([("id", .string(item.id)), ("text", .string(item.text)), ("why", .string(item.why)),
                         ("triggered_by", .array(item.triggeredBy.map(JSON.string))), ("source", .string(item.source))])
            })))
        } else {
            pairs.append(("outcome", .null))
            pairs.append(("checklist", .array([])))
        }
        pairs.append(("path", .array(assessment.path.map(JSON.string))))
        pairs.append(("today", .string(assessment.today.iso)))
        pairs.append(("flows", .object([("reviewed", .string(flows.reviewed.iso)),
                                        ("rules_versions", .array(flows.rulesVersions.map(JSON.string))),
                                        ("version", .string(flows.version))])))
        return .object(pairs)
    }

    func outcomeJSON(_ o: OutcomeResult) -> JSON {
        let form: JSON = o.form.map { .object([("id", .string($0.id)), ("code", .string($0.code)), ("name", .string($0.name))]) } ?? .null
        let fees = JSON.object([
            ("as_of", .string(o.feesAsOf.iso)),
            ("items", .array(o.fees.map { f in
                .object([("id", .string(f.id)), ("name", .string(f.name)), ("amount_pence", .number(f.amount)),
                         ("amount", .string(Format.money(f.amount))), ("per", .string(f.per.rawValue)),
                         ("years", f.tenthsOfYears.map { .string(Format.years(tenths: $0)) } ?? .null),
                         ("total_pence", .number(f.total)), ("total", .string(Format.money(f.total))),
                         ("in_force_from", .string(f.inForceFrom.iso)), ("source", .string(f.source))])
            })),
            ("fee_waiver", .optional(o.feeWaiver)),
        ])
        return .object([
            ("id", .string(o.id)), ("stage", .string(o.stage)), ("form", form), ("title", .string(o.title)),
            ("reasons", .array(o.reasons.map(JSON.string))),
            ("grant", .object([("summary", .optional(o.grant)), ("conditions", .optional(o.conditions))])),
            ("fees", fees), ("appeal", .optional(o.appeal)), ("warnings", .array(o.warnings.map(JSON.string))),
            ("source", .optional(o.source)),
        ])
    }

    // MARK: Text and Markdown

    /// Plain text wrapped to `width` columns (for `lp`, screen readers and the terminal).
    public func text(width: Int = 78) -> String {
        var lines: [String] = []
        func para(_ s: String, indent: String = "", first: String? = nil) {
            lines += wrapPlain(s, width: width, indent: indent, firstIndent: first ?? indent)
        }
        guard let o = assessment.outcome else {
            if let q = assessment.next {
                lines.append("Not finished: the next question is")
                para(q.text.text(language), indent: "  ")
                lines.append("  (question id: \(q.id))")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(o.title.uppercased())
        lines.append(String(repeating: "=", count: min(width, o.title.count)))
        lines.append("")
        lines.append("Stage: \(stageName(o.stage))")
        lines.append("Form: " + (o.form.map { "\($0.code) – \($0.name)" } ?? "none"))
        lines.append("")
        lines.append("Why")
        for r in o.reasons { para(r, indent: "  ", first: "- ") }
        if let g = o.grant { lines.append(""); lines.append("What you may be granted"); para(g, indent: "  ") }
        if let c = o.conditions { para(c, indent: "  ") }
        lines.append("")
        lines.append("Fees (as of \(o.feesAsOf.long))")
        if o.fees.isEmpty { lines.append("  No fee is listed for this outcome.") }
        for f in o.fees { para(feeSentence(f), indent: "    ", first: "  - ") }
        if let w = o.feeWaiver { para(w, indent: "  ") }
        if let a = o.appeal { lines.append(""); lines.append("If you are refused"); para(a, indent: "  ") }
        if !o.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            for w in o.warnings { para(w, indent: "    ", first: "  ! ") }
        }
        lines.append("")
        lines.append("Evidence checklist")
        for item in o.checklist {
            para(item.text, indent: "      ", first: "  [ ] ")
            para("Why: " + item.why, indent: "      ")
            para("Source: " + item.source, indent: "      ")
        }
        lines.append("")
        lines += footer().flatMap { wrapPlain($0, width: width, indent: "", firstIndent: "") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        guard let o = assessment.outcome else {
            return "**Not finished.** Next question: \(assessment.next?.text.text(language) ?? "") (`\(assessment.next?.id ?? "")`)\n"
        }
        var md = "# \(o.title)\n\n"
        md += "- **Stage:** \(stageName(o.stage))\n"
        md += "- **Form:** " + (o.form.map { "\($0.code) – \($0.name)" } ?? "none") + "\n\n"
        md += "## Why\n\n" + o.reasons.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        if let g = o.grant { md += "## What you may be granted\n\n\(g)\n" + (o.conditions.map { "\n\($0)\n" } ?? "") + "\n" }
        md += "## Fees (as of \(o.feesAsOf.long))\n\n"
        md += o.fees.isEmpty ? "No fee is listed for this outcome.\n" : o.fees.map { "- \(feeSentence($0))" }.joined(separator: "\n") + "\n"
        if let w = o.feeWaiver { md += "\n\(w)\n" }
        if let a = o.appeal { md += "\n## If you are refused\n\n\(a)\n" }
        if !o.warnings.isEmpty { md += "\n## Warnings\n\n" + o.warnings.map { "- **\($0)**" }.joined(separator: "\n") + "\n" }
        md += "\n## Evidence checklist\n\n"
        for item in o.checklist {
            md += "- [ ] \(item.text)  \n  *Why:* \(item.why)  \n  *Source:* \(item.source)\n"
        }
        md += "\n---\n\n" + footer().joined(separator: "  \n") + "\n"
        return md
    }

    func feeSentence(_ f: FeeLine) -> String {
        if let tenths = f.tenthsOfYears {
            return "\(f.name): \(Format.money(f.amount)) a year × \(Format.years(tenths: tenths)) years = \(Format.money(f.total)) (in force from \(f.inForceFrom.long); \(f.source))"
        }
        return "\(f.name): \(Format.money(f.amount)) (in force from \(f.inForceFrom.long); \(f.source))"
    }

    func stageName(_ raw: String) -> String {
        Stage(rawValue: raw).map { flows.stageFlow($0)?.title.text(language) ?? $0.displayName } ?? "No route found"
    }

    func footer() -> [String] {
        ["Assessed on \(assessment.today.long). Flows reviewed \(flows.reviewed.long); \(flows.rulesVersions.joined(separator: "; ")). Flow version \(flows.version).",
         "This is information, not legal advice. Check GOV.UK before you apply, and get free advice from a regulated adviser if you can."]
    }
}

/// Word-wraps plain text to a width (ASCII-oriented: exports for `lp` and screen readers).
public func wrapPlain(_ text: String, width: Int, indent: String, firstIndent: String) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = lines.isEmpty ? firstIndent : indent
        var lineHasWord = false
        for word in paragraph.split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
    }
    return lines
}
