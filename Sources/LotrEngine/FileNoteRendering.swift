import LotrFlow

extension FileNote {
    // MARK: Plain text

    /// Plain text wrapped to `width` columns (78 leaves room for printers that reserve a column).
    public func text(width: Int = 78) -> String {
        var lines: [String] = []
        func para(_ s: String, indent: String = "", first: String? = nil) {
            for line in wrapPlain(s, width: width, indent: indent, firstIndent: first ?? indent) {
                // A word longer than the width (a long URL) is cut so that every line still fits.
                var rest = Substring(line)
                while rest.count > width && width > indent.count {
                    lines.append(String(rest.prefix(width)))
                    rest = Substring(indent) + rest.dropFirst(width)
                }
                lines.append(String(rest))
            }
        }
        func heading(_ s: String) {
            lines.append("")
            lines.append(s)
            lines.append(String(repeating: "-", count: min(width, s.count)))
        }
        let title = "File note: case \(reference)"
        lines.append(title.uppercased())
        lines.append(String(repeating: "=", count: min(width, title.count)))
        lines.append("")
        para("Date: \(today.long)")
        if let started { para("Session started: \(started.long)") }
        if let updated { para("Last saved: \(updated.long)") }
        para("Flows: " + flowsLine, indent: "  ", first: "")
        if let changedLine { para(changedLine) }

        heading("Questions and answers, in the order asked")
        let items = entries
        if items.isEmpty { lines.append("No questions answered yet.") }
        for (i, e) in items.enumerated() {
            let number = "\(i + 1). "
            let pad = String(repeating: " ", count: number.count)
            para(questionText(e.id), indent: pad, first: number)
            para("Answer: " + answerText(e), indent: pad + "  ", first: pad)
            if let n = e.note { para("Adviser's note: " + n, indent: pad + "  ", first: pad) }
        }
        if !assessment.isComplete, let q = assessment.next {
            lines.append("")
            para("Not finished. The next question is: " + q.text.text(language))
        }

        if let o = assessment.outcome {
            heading("Outcome")
            para(o.title)
            para("Stage: " + report.stageName(o.stage))
            para("Form: " + (o.form.map { "\($0.code) – \($0.name)" } ?? "none"))
            lines.append("Why:")
            for r in o.reasons { para(r, indent: "    ", first: "  - ") }
            if let g = o.grant { para("What may be granted: " + g, indent: "  ") }
            if let c = o.conditions { para(c, indent: "  ") }
            lines.append("Fees (as of \(o.feesAsOf.long)):")
            if o.fees.isEmpty { lines.append("  No fee is listed for this outcome.") }
            for f in o.fees { para(report.feeSentence(f), indent: "    ", first: "  - ") }
            if let w = o.feeWaiver { para(w, indent: "  ") }
            if !o.warnings.isEmpty {
                lines.append("Warnings:")
                for w in o.warnings { para(w, indent: "    ", first: "  ! ") }
            }

            let done = o.checklist.filter { ticks.contains($0.id) }.count
            heading("Evidence checklist (\(done) of \(o.checklist.count) ticked)")
            for item in o.checklist {
                para(item.text, indent: "    ", first: ticks.contains(item.id) ? "[x] " : "[ ] ")
                para("Why: " + item.why, indent: "    ")
                para("Source: " + item.source, indent: "    ")
            }
        }

        let other = otherNotes
        if !other.isEmpty {
            heading("Other adviser's notes (questions no longer on the path)")
            for n in other { para(questionText(n.question) + ": " + n.note, indent: "    ", first: "  - ") }
        }
        if !keptAside.isEmpty {
            heading("Answers kept aside (not used above)")
            for a in keptAside {
                para("\(questionText(a.question)): \(a.answer ?? "(unreadable)") — \(a.reason)", indent: "    ", first: "  - ")
            }
        }
        lines.append("")
        para(FileNote.disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    public func markdown() -> String {
        var md = "# File note: case \(reference)\n\n"
        md += "- **Date:** \(today.long)\n"
        if let started { md += "- **Session started:** \(started.long)\n" }
        if let updated { md += "- **Last saved:** \(updated.long)\n" }
        md += "- **Flows:** \(flowsLine)\n"
        if let changedLine { md += "\n> \(changedLine)\n" }

        md += "\n## Questions and answers, in the order asked\n\n"
        let items = entries
        if items.isEmpty { md += "No questions answered yet.\n" }
        for (i, e) in items.enumerated() {
            md += "\(i + 1). \(questionText(e.id))  \n   **Answer:** \(FileNote.escape(answerText(e)))" + (e.note == nil ? "\n" : "  \n")
            if let n = e.note { md += "   *Adviser's note:* \(FileNote.escape(n))\n" }
        }
        if !assessment.isComplete, let q = assessment.next {
            md += "\n**Not finished.** The next question is: \(q.text.text(language))\n"
        }

        if let o = assessment.outcome {
            md += "\n## Outcome: \(o.title)\n\n"
            md += "- **Stage:** \(report.stageName(o.stage))\n"
            md += "- **Form:** " + (o.form.map { "\($0.code) – \($0.name)" } ?? "none") + "\n\n"
            md += "### Why\n\n" + o.reasons.map { "- \($0)" }.joined(separator: "\n") + "\n"
            if let g = o.grant { md += "\n### What may be granted\n\n\(g)\n" + (o.conditions.map { "\n\($0)\n" } ?? "") }
            md += "\n### Fees (as of \(o.feesAsOf.long))\n\n"
            md += o.fees.isEmpty ? "No fee is listed for this outcome.\n" : o.fees.map { "- \(report.feeSentence($0))" }.joined(separator: "\n") + "\n"
            if let w = o.feeWaiver { md += "\n\(w)\n" }
            if !o.warnings.isEmpty { md += "\n### Warnings\n\n" + o.warnings.map { "- **\($0)**" }.joined(separator: "\n") + "\n" }
            let done = o.checklist.filter { ticks.contains($0.id) }.count
            md += "\n## Evidence checklist (\(done) of \(o.checklist.count) ticked)\n\n"
            for item in o.checklist {
                md += "- [\(ticks.contains(item.id) ? "x" : " ")] \(item.text)  \n  *Why:* \(item.why)  \n  *Source:* \(item.source)\n"
            }
        }

        let other = otherNotes
        if !other.isEmpty {
            md += "\n## Other adviser's notes (questions no longer on the path)\n\n"
            for n in other { md += "- \(questionText(n.question)): \(FileNote.escape(n.note))\n" }
        }
        if !keptAside.isEmpty {
            md += "\n## Answers kept aside (not used above)\n\n"
            for a in keptAside { md += "- \(questionText(a.question)): \(FileNote.escape(a.answer ?? "(unreadable)")) — \(a.reason)\n" }
        }
        md += "\n---\n\n" + FileNote.disclaimer + "\n"
        return md
    }

    /// The flows' version and review date are in the note's header, so only this is added at the end.
    static let disclaimer = "This is information, not legal advice. Check GOV.UK before applying, and get advice from a regulated adviser (Immigration Advice Authority) where possible."

    /// Escapes what a person typed so that it reads as text, not as Markdown or HTML.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~": out += "\\\(c)"
            case "\n": out += "  \n   "
            default: out.append(c)
            }
        }
        return out
    }

    // MARK: JSON

    /// Stable keys, documented in README.md under "Saved sessions and file notes".
    public func json() -> JSON {
        var pairs: [(String, JSON)] = [
            ("reference", .string(reference)),
            ("date", .string(today.iso)),
            ("started", .optional(started?.iso)),
            ("updated", .optional(updated?.iso)),
            ("language", .string(language)),
            ("flows", .object([("version", .string(flows.version)), ("reviewed", .string(flows.reviewed.iso)),
                               ("rules_versions", .array(flows.rulesVersions.map(JSON.string))),
                               ("saved_version", .optional(savedFlowVersion)), ("changed", .bool(flowsChanged))])),
            ("status", .string(assessment.isComplete ? "outcome" : "incomplete")),
            ("answers", .array(entries.map { e in
                .object([("id", .string(e.id)), ("stage", .optional(e.question?.stage.rawValue)),
                         ("question", .string(questionText(e.id))), ("answer", .string(answerText(e))),
                         ("value", FileNote.answerJSON(e.value)), ("note", .optional(e.note))])
            })),
        ]
        if let q = assessment.next {
            pairs.append(("next", .object([("id", .string(q.id)), ("text", .string(q.text.text(language)))])))
        } else {
            pairs.append(("next", .null))
        }
        if let o = assessment.outcome {
            pairs.append(("outcome", report.outcomeJSON(o)))
            pairs.append(("checklist", .array(o.checklist.map { item in
                .object([("id", .string(item.id)), ("text", .string(item.text)), ("why", .string(item.why)),
                         ("source", .string(item.source)), ("ticked", .bool(ticks.contains(item.id)))])
            })))
        } else {
            pairs.append(("outcome", .null))
            pairs.append(("checklist", .array([])))
        }
        pairs.append(("other_notes", .array(otherNotes.map { .object([("id", .string($0.question)), ("note", .string($0.note))]) })))
        pairs.append(("kept_aside", .array(keptAside.map {
            .object([("id", .string($0.question)), ("answer", .optional($0.answer)), ("reason", .string($0.reason))])
        })))
        return .object(pairs)
    }

    /// An answer in the format `lotr decide` reads, so an export's answers can be assessed again.
    public static func answerJSON(_ v: Value) -> JSON {
        switch v {
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .money(let p):
            let sign = p < 0 ? "-" : "", m = p.magnitude
            return .string("\(sign)\(m / 100).\(m % 100 < 10 ? "0" : "")\(m % 100)")
        case .date(let d): return .string(d.iso)
        case .text(let s), .option(let s): return .string(s)
        case .options(let ids): return .array(ids.map(JSON.string))
        case .ranges(let rs): return .array(rs.map { .object([("from", .string($0.from.iso)), ("to", .string($0.to.iso))]) })
        case .list(let items): return .array(items.map(answerJSON))
        }
    }
}
