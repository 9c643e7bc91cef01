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
        pairs += resultJSON(assessment.outcome)
        pairs.append(("path", .array(assessment.path.map(JSON.string))))
        pairs.append(("today", .string(assessment.today.iso)))
        pairs.append(("flows", .object([("reviewed", .string(flows.reviewed.iso)),
                                        ("rules_versions", .array(flows.rulesVersions.map(JSON.string))),
                                        ("version", .string(flows.version))])))
        return .object(pairs)
    }

    /// `routes`, `dates`, `stale` and `stale_warnings`: present (empty) before the outcome too, so
    /// the shape is stable. Documented in README.md under `decide`.
    func resultJSON(_ o: OutcomeResult?) -> [(String, JSON)] {
        [
            ("routes", .array((o?.routes ?? []).map { r in
                .object([("stage", .string(r.stage)), ("title", .string(r.title)), ("status", .string(r.status.rawValue)),
                         ("because", .string(r.because)), ("source", .string(r.source))])
            })),
            ("dates", .array((o?.dates ?? []).map { d in
                .object([("id", .string(d.id)), ("date", .string(d.date.iso)), ("text", .string(d.text)), ("source", .string(d.source))])
            })),
            ("stale", .array((o?.staleFiles ?? []).map { f in
                .object([("file", .string(f.file)), ("reviewed", .string(f.reviewed.iso)), ("review_by", .string(f.reviewBy.iso))])
            })),
            ("stale_warnings", .array((o?.staleWarnings ?? []).map(JSON.string))),
        ]
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
                         ("in_force_from", .string(f.inForceFrom.iso)), ("may_be_out_of_date", .bool(f.mayBeOutOfDate)),
                         ("source", .string(f.source))])
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
                lines.append("\(t(.notFinished))\(colon)\(t(.nextQuestionIs))")
                para(q.text.text(language), indent: "  ")
                lines.append("  (\(t(.questionID)): \(q.id))")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        lines += wrapPlain(language == "en" ? o.title.uppercased() : o.title, width: width, indent: "", firstIndent: "")
        lines.append(String(repeating: "=", count: min(width, max(4, o.title.count))))
        lines.append("")
        for w in o.staleWarnings { para(w, indent: "    ", first: "!!! "); lines.append("") }
        lines.append("\(t(.stage))\(colon)\(stageName(o.stage))")
        lines.append("\(t(.form))\(colon)" + formLine(o))
        lines.append("")
        if !o.dates.isEmpty {
            lines.append(t(.datesHeading))
            for d in o.dates {
                para(dateSentence(d), indent: "    ", first: "  - ")
                para("\(t(.source))\(colon)" + d.source, indent: "    ")
            }
            lines.append("")
        }
        lines.append(t(.why))
        for r in o.reasons { para(r, indent: "  ", first: "- ") }
        if let g = o.grant { lines.append(""); lines.append(t(.granted)); para(g, indent: "  ") }
        if let c = o.conditions { para(c, indent: "  ") }
        lines.append("")
        lines.append("\(t(.fees)) (\(asOf(o)))")
        if o.fees.isEmpty { lines.append("  " + t(.noFee)) }
        for f in o.fees { para(feeSentence(f), indent: "    ", first: "  - ") }
        if let w = o.feeWaiver { para(w, indent: "  ") }
        if let a = o.appeal { lines.append(""); lines.append(t(.ifRefused)); para(a, indent: "  ") }
        if !o.warnings.isEmpty {
            lines.append("")
            lines.append(t(.warnings))
            for w in o.warnings { para(w, indent: "    ", first: "  ! ") }
        }
        lines.append("")
        lines.append(t(.routesChecked))
        for r in o.routes {
            para(routeHeadline(r), indent: "    ", first: "  - ")
            if r.status != .fits, !r.because.isEmpty { para(r.because, indent: "      ") }
            if r.status != .fits, !r.source.isEmpty { para("\(t(.source))\(colon)" + r.source, indent: "      ") }
        }
        lines.append("")
        lines.append(t(.checklist))
        for item in o.checklist {
            para(item.text, indent: "      ", first: "  [ ] ")
            para("\(t(.because))\(colon)" + item.why, indent: "      ")
            para("\(t(.source))\(colon)" + item.source, indent: "      ")
        }
        lines.append("")
        lines += footer().flatMap { wrapPlain($0, width: width, indent: "", firstIndent: "") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        guard let o = assessment.outcome else {
            return "**\(t(.notFinished)).** \(t(.nextQuestionIs)): \(assessment.next?.text.text(language) ?? "") (`\(assessment.next?.id ?? "")`)\n"
        }
        var md = "# \(o.title)\n\n"
        for w in o.staleWarnings { md += "> **\(w)**\n\n" }
        md += "- **\(t(.stage)):** \(stageName(o.stage))\n"
        md += "- **\(t(.form)):** " + formLine(o) + "\n\n"
        md += datesMarkdown(o, level: "##")
        md += "## \(t(.why))\n\n" + o.reasons.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        if let g = o.grant { md += "## \(t(.granted))\n\n\(g)\n" + (o.conditions.map { "\n\($0)\n" } ?? "") + "\n" }
        md += "## \(t(.fees)) (\(asOf(o)))\n\n"
        md += o.fees.isEmpty ? t(.noFee) + "\n" : o.fees.map { "- \(feeSentence($0))" }.joined(separator: "\n") + "\n"
        if let w = o.feeWaiver { md += "\n\(w)\n" }
        if let a = o.appeal { md += "\n## \(t(.ifRefused))\n\n\(a)\n" }
        if !o.warnings.isEmpty { md += "\n## \(t(.warnings))\n\n" + o.warnings.map { "- **\($0)**" }.joined(separator: "\n") + "\n" }
        md += "\n" + routesMarkdown(o, level: "##")
        md += "\n## \(t(.checklist))\n\n"
        for item in o.checklist {
            md += "- [ ] \(item.text)  \n  *\(t(.because)):* \(item.why)  \n  *\(t(.source)):* \(item.source)\n"
        }
        md += "\n---\n\n" + footer().joined(separator: "  \n") + "\n"
        return md
    }

    func t(_ key: UIString) -> String { Strings.text(key, language) }

    /// ": " in English, a full-width colon in Chinese.
    var colon: String { language == "zh-Hant" ? "：" : ": " }

    func date(_ d: CivilDate) -> String { Strings.date(d, language) }

    /// "FLR(HRO) – Apply to stay …": form names stay in English, as on GOV.UK and the form itself.
    func formLine(_ o: OutcomeResult) -> String {
        guard let f = o.form else { return t(.noForm) }
        return f.name == f.englishName ? "\(f.code) – \(f.englishName)" : "\(f.code) – \(f.englishName)（\(f.name)）"
    }

    func asOf(_ o: OutcomeResult) -> String {
        language == "zh-Hant" ? "截至 \(date(o.feesAsOf))" : "as of \(date(o.feesAsOf))"
    }

    func feeSentence(_ f: FeeLine) -> String {
        // An old figure is never shown as simply "in force".
        let from = f.mayBeOutOfDate ? "\(t(.fromMayBeOld)) \(date(f.inForceFrom))\(language == "zh-Hant" ? "，" : ", ")\(t(.mayBeOutOfDate))" : "\(t(.inForceFrom)) \(date(f.inForceFrom))"
        if let tenths = f.tenthsOfYears {
            return "\(f.name): \(Format.money(f.amount)) \(t(.aYear)) × \(Format.years(tenths: tenths)) \(t(.years)) = \(Format.money(f.total)) (\(from); \(f.source))"
        }
        return "\(f.name): \(Format.money(f.amount)) (\(from); \(f.source))"
    }

    /// "12 March 2027: The earliest day you can apply".
    func dateSentence(_ d: KeyDate) -> String { "\(date(d.date))\(colon)\(d.text)" }

    /// "A route under the Immigration Rules: does not fit".
    func routeHeadline(_ r: RouteCheck) -> String {
        let headline = "\(r.title)\(colon)\(statusName(r.status))"
        return r.status == .fits ? headline + " — " + r.because : headline
    }

    func statusName(_ s: RouteStatus) -> String {
        switch s {
        case .fits: return t(.fits)
        case .doesNotFit: return t(.doesNotFit)
        case .notChecked: return t(.notChecked)
        case .notReached: return t(.notReached)
        }
    }

    func datesMarkdown(_ o: OutcomeResult, level: String) -> String {
        guard !o.dates.isEmpty else { return "" }
        return "\(level) \(t(.datesHeading))\n\n" + o.dates.map { "- **\(date($0.date))**\(colon)\($0.text)  \n  *\(t(.source)):* \($0.source)" }.joined(separator: "\n") + "\n\n"
    }

    func routesMarkdown(_ o: OutcomeResult, level: String) -> String {
        var md = "\(level) \(t(.routesChecked))\n\n"
        for r in o.routes {
            md += "- **\(r.title)\(colon)\(statusName(r.status))**"
            if r.status == .fits { md += " — \(r.because)\n"; continue }
            if !r.because.isEmpty { md += "  \n  \(r.because)" }
            if !r.source.isEmpty { md += "  \n  *\(t(.source)):* \(r.source)" }
            md += "\n"
        }
        return md
    }

    func stageName(_ raw: String) -> String {
        Stage(rawValue: raw).map { flows.stageFlow($0)?.title.text(language) ?? $0.displayName } ?? t(.noRouteFound)
    }

    func footer() -> [String] {
        let versions = flows.rulesVersions(language).joined(separator: "; ")
        let ending = versions.hasSuffix(".") || versions.hasSuffix("。") ? "" : "."
        if language == "zh-Hant" {
            return ["\(t(.assessedOn))：\(date(assessment.today))。\(t(.flowsReviewed))：\(date(flows.reviewed))；\(versions)\(t(.flowVersion))：\(flows.version)。",
                    t(.notLegalAdvice)]
        }
        return ["\(t(.assessedOn)) \(date(assessment.today)). \(t(.flowsReviewed)) \(date(flows.reviewed)); \(versions)\(ending) \(t(.flowVersion)) \(flows.version).",
         t(.notLegalAdvice)]
    }
}

/// Wraps plain text to a width in terminal columns (by display width, so Chinese lines fit too),
/// with a first-line prefix and a hanging indent.
public func wrapPlain(_ text: String, width: Int, indent: String, firstIndent: String) -> [String] {
    let room = max(8, width - max(DisplayWidth.of(indent), DisplayWidth.of(firstIndent)))
    let lines = TextLayout.wrap(text, width: room)
    return lines.enumerated().map { (i, line) in (i == 0 ? firstIndent : indent) + line }
}
