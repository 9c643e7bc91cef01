/// The program's own words (not the flows'), in every language the flows may use.
/// Legal terms keep the English a reader will meet on Home Office forms.
public enum UIString: String, CaseIterable, Sendable {
    case yes, no, none, noneOfThese, to
    case stage, form, noForm, why, granted, fees, noFee, ifRefused, warnings, checklist, because
    case neededForThis, fromYourAnswerTo, source, assessedOn, flowsReviewed, flowVersion, notLegalAdvice
    case notFinished, nextQuestionIs, questionID, noRouteFound, aYear, years, inForceFrom
    case routesChecked, fits, doesNotFit, notChecked, notReached, earlierRouteFits, endedBeforeThisStage
    case noReasonRecorded, stageSkipped, datesHeading, staleGuidance, staleFee, staleFees, staleFeeItem
    case fromMayBeOld, mayBeOutOfDate
    case gathered, notYetGathered, secondarySource, notVerified
}

import LotrFlow

public enum Strings {
    static let en: [UIString: String] = [
        .yes: "Yes", .no: "No", .none: "None", .noneOfThese: "None of these", .to: "to",
        .stage: "Stage", .form: "Form", .noForm: "none", .why: "Why", .granted: "What you may be granted",
        .fees: "Fees", .noFee: "No fee is listed for this outcome.", .ifRefused: "If you are refused",
        .warnings: "Warnings", .checklist: "Evidence checklist", .because: "Why",
        .neededForThis: "Needed for this application.", .fromYourAnswerTo: "From your answer to",
        .source: "Source", .assessedOn: "Assessed on", .flowsReviewed: "Flows reviewed", .flowVersion: "Flow version",
        .notLegalAdvice: "This is information, not legal advice. Check GOV.UK before you apply, and get free advice from a regulated adviser if you can.",
        .notFinished: "Not finished", .nextQuestionIs: "the next question is", .questionID: "question id",
        .noRouteFound: "No route found", .aYear: "a year", .years: "years", .inForceFrom: "in force from",
        .routesChecked: "Routes checked", .fits: "fits", .doesNotFit: "does not fit", .notChecked: "not checked",
        .notReached: "not reached", .earlierRouteFits: "An earlier route fits your answers, so this one was not looked at.",
        .endedBeforeThisStage: "The questions ended before this stage (see the outcome above), so it was not looked at.",
        .noReasonRecorded: "Your answers did not meet this route's requirements.",
        .stageSkipped: "Your answers did not lead to this stage's questions.",
        .datesHeading: "Dates that matter",
        .staleGuidance: "This guidance may be out of date: it was due to be checked again by {0} and has not been ({1}). The law and fees may have changed. Check GOV.UK, or ask a regulated adviser, before you act on it.",
        .staleFee: "Fees change most Aprils; this figure is from {2} ({0}: {1}) and may no longer be the fee. Check the current fee on GOV.UK before you pay.",
        .staleFees: "Fees change most Aprils; these figures may no longer be the fees: {0}. Check the current fees on GOV.UK before you pay.",
        .staleFeeItem: "{0}: {1}, a figure from {2}",
        .fromMayBeOld: "from", .mayBeOutOfDate: "may be out of date",
        .gathered: "gathered", .notYetGathered: "not yet gathered",
        .secondarySource: " [secondary source]", .notVerified: " [not verified]",
    ]
    static let zhHant: [UIString: String] = [
        .yes: "是", .no: "否", .none: "沒有", .noneOfThese: "以上皆不是", .to: "至",
        .stage: "階段", .form: "表格", .noForm: "沒有", .why: "原因", .granted: "你可能獲批的居留",
        .fees: "費用", .noFee: "這個結果沒有列出費用。", .ifRefused: "如果申請被拒",
        .warnings: "注意事項", .checklist: "證明文件清單", .because: "原因",
        .neededForThis: "這項申請需要。", .fromYourAnswerTo: "根據你對以下問題的答案：",
        .source: "資料來源", .assessedOn: "評估日期", .flowsReviewed: "問題內容最後審閱日期", .flowVersion: "版本",
        .notLegalAdvice: "這是資訊，不是法律意見。申請前請查閱 GOV.UK，並盡可能向受規管的移民顧問（regulated adviser）尋求免費意見。",
        .notFinished: "尚未完成", .nextQuestionIs: "下一條問題是", .questionID: "問題編號",
        .noRouteFound: "找不到合適的途徑", .aYear: "每年", .years: "年", .inForceFrom: "生效日期",
        .routesChecked: "已檢查的途徑", .fits: "適合", .doesNotFit: "不適合", .notChecked: "未有檢查",
        .notReached: "未有考慮", .earlierRouteFits: "較前的途徑已適合你的答案，所以沒有再看這個途徑。",
        .endedBeforeThisStage: "問題在這個階段之前已經結束（見上面的結果），所以沒有看這個途徑。",
        .noReasonRecorded: "你的答案不符合這個途徑的要求。",
        .stageSkipped: "你的答案沒有帶到這個階段的問題。",
        .datesHeading: "重要日期",
        .staleGuidance: "這些資料可能已經過時：它們應在 {0} 或之前重新核對，但尚未核對（{1}）。法律和費用可能已有改變。在按這些資料行事之前，請查閱 GOV.UK，或向受規管的顧問查詢。",
        .staleFee: "費用通常每年四月調整；這個金額是由 {2} 起的數字（{0}：{1}），現在可能已不是實際費用。付款前請在 GOV.UK 查閱最新費用。",
        .staleFees: "費用通常每年四月調整；以下金額現在可能已不是實際費用：{0}。付款前請在 GOV.UK 查閱最新費用。",
        .staleFeeItem: "{0}：{1}（由 {2} 起的數字）",
        .fromMayBeOld: "由", .mayBeOutOfDate: "可能已過時",
        .gathered: "已準備", .notYetGathered: "尚未準備",
        .secondarySource: "［次要資料來源］", .notVerified: "［未經核實］",
    ]

    public static func text(_ key: UIString, _ language: String) -> String {
        (language == "zh-Hant" ? zhHant[key] : nil) ?? en[key] ?? key.rawValue
    }

    /// Fills `{0}`, `{1}` … in one pass, so a value that itself contains `{1}` is left as typed.
    public static func fill(_ template: String, _ args: [String]) -> String {
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, after.dropFirst(digits.count).first == "}", let i = Int(digits), i < args.count {
                out += args[i]
                rest = after.dropFirst(digits.count + 1)
            } else {
                out.append("{")
                rest = after
            }
        }
        return out + rest
    }

    /// The `{n}` placeholders a text uses, so tests can check a translation fills the same ones.
    public static func placeholders(_ s: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, after.dropFirst(digits.count).first == "}" { found.insert("{\(digits)}") }
            rest = after
        }
        return found
    }

    /// A date as people write it in the language: `12 March 2027`, `2027年3月12日`.
    public static func date(_ d: CivilDate, _ language: String) -> String {
        language == "zh-Hant" ? "\(d.year)年\(d.month)月\(d.day)日" : d.long
    }

    /// The language to use when none is given: `LC_ALL`, then `LC_MESSAGES`, then `LANG`.
    public static func language(fromEnvironment env: [String: String]) -> String {
        language(localeVariables: [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]])
    }

    /// The same choice from LC_ALL, LC_MESSAGES and LANG as read (nil when unset), in that order.
    public static func language(localeVariables: [String?]) -> String {
        for case let value? in localeVariables {
            guard !value.isEmpty else { continue }
            let lower = value.lowercased()
            if lower.hasPrefix("zh") { return "zh-Hant" }
            if lower == "c" || lower == "posix" || lower.hasPrefix("c.") { return "en" }
            return "en"
        }
        return "en"
    }
}

extension Strings {
    /// The English plural of an item name: its first word takes the plural ("trip abroad" →
    /// "trips abroad", "gap between visas" → "gaps between visas", "absence" → "absences").
    public static func plural(_ noun: String) -> String {
        guard let space = noun.firstIndex(of: " ") else { return pluralWord(noun) }
        return pluralWord(String(noun[..<space])) + noun[space...]
    }

    static func pluralWord(_ w: String) -> String {
        let lower = w.lowercased()
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return w + "es" }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return w.dropLast() + "ies" }
        return w + "s"
    }
}

extension Citation {
    /// The citation as a reader of `language` sees it: the marks for points not checked against
    /// their source are in that language too.
    public func text(_ language: String) -> String {
        text(secondary: Strings.text(.secondarySource, language), unverified: Strings.text(.notVerified, language))
    }
}
