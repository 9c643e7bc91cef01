import LotrFlow

extension FileNote {
    // MARK: Plain text

    /// Plain text wrapped to `width` display columns (78 leaves room for printers that reserve
    /// a column); Chinese characters count as two columns.
    public func text(width: Int = 78) -> String {
        var lines: [String] = []
        func para(_ s: String, indent: String = "", first: String? = nil) {
            let indentWidth = DisplayWidth.of(indent)
            for line in wrapPlain(s, width: width, indent: indent, firstIndent: first ?? indent) {
                // Only a width too narrow for the indent plus a word leaves a line too wide; it is cut
                // by display width so that every line still fits.
                var rest = line
                var cut = false
                while DisplayWidth.of(rest) > width && width > indentWidth {
                    let head = TextLayout.prefix(rest, width: width)
                    // Nothing fits past the indent (a wide character in a one-column gap): stop rather than loop.
                    if head.isEmpty || (cut && DisplayWidth.of(head) <= indentWidth) { break }
                    lines.append(head)
                    rest = indent + String(rest.dropFirst(head.count))
                    cut = true
                }
                lines.append(rest)
            }
        }
        func underlined(_ s: String, _ mark: String) {
            let start = lines.count
            para(s)
            let widest = lines[start...].map { DisplayWidth.of($0) }.max() ?? 0
            lines.append(String(repeating: mark, count: min(width, widest)))
        }
        func heading(_ s: String) {
            lines.append("")
            underlined(s, "-")
        }
        underlined(label(.title, reference).uppercased(), "=")
        lines.append("")
        para(label(.date) + colonSpace + date(today))
        if let started { para(label(.started) + colonSpace + date(started)) }
        if let updated { para(label(.lastSaved) + colonSpace + date(updated)) }
        para(label(.flows) + colonSpace + flowsLine, indent: "  ", first: "")
        if let changedLine { para(changedLine) }
        // Out-of-date warnings and the dates to act on come first: they are what must not be missed.
        if let o = assessment.outcome {
            for w in o.staleWarnings { lines.append(""); para(w, indent: "    ", first: "!!! ") }
            if !o.dates.isEmpty {
                heading(t(.datesHeading))
                for d in o.dates {
                    para(report.dateSentence(d), indent: "    ", first: "  - ")
                    para(t(.source) + colonSpace + d.source, indent: "    ")
                }
            }
        }

        heading(label(.questionsHeading))
        let items = entries
        if items.isEmpty { para(label(.noQuestions)) }
        for (i, e) in items.enumerated() {
            let number = "\(i + 1). "
            let pad = String(repeating: " ", count: number.count)
            para(questionText(e.id), indent: pad, first: number)
            para(label(.answer) + colonSpace + answerText(e), indent: pad + "  ", first: pad)
            if let n = e.note { para(label(.adviserNote) + colonSpace + n, indent: pad + "  ", first: pad) }
        }
        if !assessment.isComplete, let q = assessment.next {
            lines.append("")
            para(label(.notFinished) + sentenceGap + label(.nextQuestion, q.text.text(language)))
        }

        if let o = assessment.outcome {
            heading(label(.outcome))
            para(o.title)
            para(t(.stage) + colonSpace + report.stageName(o.stage), indent: "  ", first: "")
            para(t(.form) + colonSpace + report.formLine(o), indent: "  ", first: "")
            lines.append(t(.why) + colon)
            for r in o.reasons { para(r, indent: "    ", first: "  - ") }
            if let g = o.grant { para(label(.granted) + colonSpace + g, indent: "  ") }
            if let c = o.conditions { para(c, indent: "  ") }
            para(parenthesised(t(.fees), report.asOf(o)) + colon)
            if o.fees.isEmpty { para(t(.noFee), indent: "  ") }
            for f in o.fees { para(report.feeSentence(f), indent: "    ", first: "  - ") }
            if let w = o.feeWaiver { para(w, indent: "  ") }
            if !o.warnings.isEmpty {
                lines.append(t(.warnings) + colon)
                for w in o.warnings { para(w, indent: "    ", first: "  ! ") }
            }

            heading(t(.routesChecked))
            for r in o.routes {
                para(report.routeHeadline(r), indent: "    ", first: "  - ")
                if r.status != .fits, !r.because.isEmpty { para(r.because, indent: "      ") }
                if r.status != .fits, !r.source.isEmpty { para(t(.source) + colonSpace + r.source, indent: "      ") }
            }

            heading(checklistHeading(o))
            for item in o.checklist {
                para(item.text, indent: "    ", first: ticks.contains(item.id) ? "[x] " : "[ ] ")
                para(t(.because) + colonSpace + item.why, indent: "    ")
                para(t(.source) + colonSpace + item.source, indent: "    ")
            }
        }

        let other = otherNotes
        if !other.isEmpty {
            heading(label(.otherNotesHeading))
            for n in other { para(questionText(n.question) + colonSpace + n.note, indent: "    ", first: "  - ") }
        }
        if !keptAside.isEmpty {
            heading(label(.keptAsideHeading))
            for a in keptAside {
                para(questionText(a.question) + colonSpace + (a.answer ?? label(.unreadable)) + " — " + a.reason, indent: "    ", first: "  - ")
            }
        }
        lines.append("")
        para(label(.disclaimer))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Evidence checklist (1 of 2 ticked)`.
    func checklistHeading(_ o: OutcomeResult) -> String {
        let done = o.checklist.filter { ticks.contains($0.id) }.count
        return parenthesised(t(.checklist), label(.ticked, "\(done)", "\(o.checklist.count)"))
    }

    // MARK: Markdown

    public func markdown() -> String {
        /// `**Date:** `: the colon goes inside the bold, as a label.
        func bold(_ s: String) -> String { "**\(s)\(colon)** " }
        func italic(_ s: String) -> String { "*\(s)\(colon)* " }
        var md = "# \(label(.title, reference))\n\n"
        md += "- " + bold(label(.date)) + date(today) + "\n"
        if let started { md += "- " + bold(label(.started)) + date(started) + "\n" }
        if let updated { md += "- " + bold(label(.lastSaved)) + date(updated) + "\n" }
        md += "- " + bold(label(.flows)) + flowsLine + "\n"
        if let changedLine { md += "\n> \(changedLine)\n" }
        if let o = assessment.outcome {
            for w in o.staleWarnings { md += "\n> **\(w)**\n" }
            if !o.dates.isEmpty { md += "\n" + report.datesMarkdown(o, level: "##").dropLast() }
        }

        md += "\n## \(label(.questionsHeading))\n\n"
        let items = entries
        if items.isEmpty { md += label(.noQuestions) + "\n" }
        for (i, e) in items.enumerated() {
            md += "\(i + 1). \(questionText(e.id))  \n   " + bold(label(.answer)) + FileNote.escape(answerText(e)) + (e.note == nil ? "\n" : "  \n")
            if let n = e.note { md += "   " + italic(label(.adviserNote)) + FileNote.escape(n) + "\n" }
        }
        if !assessment.isComplete, let q = assessment.next {
            md += "\n**\(label(.notFinished))**\(sentenceGap)\(label(.nextQuestion, q.text.text(language)))\n"
        }

        if let o = assessment.outcome {
            md += "\n## \(label(.outcome))\(colonSpace)\(o.title)\n\n"
            md += "- " + bold(t(.stage)) + report.stageName(o.stage) + "\n"
            md += "- " + bold(t(.form)) + report.formLine(o) + "\n\n"
            md += "### \(t(.why))\n\n" + o.reasons.map { "- \($0)" }.joined(separator: "\n") + "\n"
            if let g = o.grant { md += "\n### \(label(.granted))\n\n\(g)\n" + (o.conditions.map { "\n\($0)\n" } ?? "") }
            md += "\n### \(parenthesised(t(.fees), report.asOf(o)))\n\n"
            md += o.fees.isEmpty ? t(.noFee) + "\n" : o.fees.map { "- \(report.feeSentence($0))" }.joined(separator: "\n") + "\n"
            if let w = o.feeWaiver { md += "\n\(w)\n" }
            if !o.warnings.isEmpty { md += "\n### \(t(.warnings))\n\n" + o.warnings.map { "- **\($0)**" }.joined(separator: "\n") + "\n" }
            md += "\n" + report.routesMarkdown(o, level: "##")
            md += "\n## \(checklistHeading(o))\n\n"
            for item in o.checklist {
                md += "- [\(ticks.contains(item.id) ? "x" : " ")] \(item.text)  \n  " + italic(t(.because)) + item.why + "  \n  " + italic(t(.source)) + item.source + "\n"
            }
        }

        let other = otherNotes
        if !other.isEmpty {
            md += "\n## \(label(.otherNotesHeading))\n\n"
            for n in other { md += "- \(questionText(n.question))\(colonSpace)\(FileNote.escape(n.note))\n" }
        }
        if !keptAside.isEmpty {
            md += "\n## \(label(.keptAsideHeading))\n\n"
            for a in keptAside {
                md += "- \(questionText(a.question))\(colonSpace)\(FileNote.escape(a.answer ?? label(.unreadable))) — \(a.reason)\n"
            }
        }
        md += "\n---\n\n" + label(.disclaimer) + "\n"
        return md
    }

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
        pairs += report.resultJSON(assessment.outcome)
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
