import LotrFlow

/// A file note for an adviser's records: the case reference, every question on the path with its
/// answer and any note, the outcome and the checklist with its ticks. Pure: the caller loads the
/// session and passes `today` in. Three shapes, like `Report`: Markdown, plain text that fits
/// 78 display columns, and JSON with stable keys. Labels are in the note's `language`; form names,
/// citations and what was typed are not translated.
public struct FileNote {
    /// A saved answer that no longer fits the flows, shown apart so it is not silently lost.
    public struct Aside: Hashable, Sendable {
        public var question: String
        /// How the saved answer reads, or nil when it could not be read.
        public var answer: String?
        public var reason: String
        public init(question: String, answer: String?, reason: String) {
            self.question = question
            self.answer = answer
            self.reason = reason
        }
    }

    public let flows: FlowSet
    public let reference: String
    public let today: CivilDate
    public let answers: Answers
    /// Adviser notes keyed by question id.
    public let notes: [String: String]
    /// Ticked evidence item ids.
    public let ticks: Set<String>
    public let language: String
    public let started: CivilDate?
    public let updated: CivilDate?
    /// The flow version the answers were saved under, when known.
    public let savedFlowVersion: String?
    public let keptAside: [Aside]
    public let assessment: Assessment

    public init(flows: FlowSet, reference: String, today: CivilDate, answers: Answers, notes: [String: String] = [:],
                ticks: Set<String> = [], language: String = "en", started: CivilDate? = nil, updated: CivilDate? = nil,
                savedFlowVersion: String? = nil, keptAside: [Aside] = []) {
        self.flows = flows
        self.reference = reference
        self.today = today
        self.answers = answers
        self.notes = notes
        self.ticks = ticks
        self.language = language
        self.started = started
        self.updated = updated
        self.savedFlowVersion = savedFlowVersion
        self.keptAside = keptAside
        self.assessment = Engine.assess(flows, answers: answers, today: today, language: language)
    }

    /// One question on the path, in the order asked.
    public struct Entry {
        public var id: String
        public var question: Question?
        public var value: Value
        public var note: String?
    }

    public var entries: [Entry] {
        Engine.answersOnPath(flows, answers: answers, today: today).map { id, value in
            Entry(id: id, question: flows.questions[id], value: value, note: notes[id].flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// Where the note on the whole case (not on one question) is kept among the notes.
    public static let caseNoteKey = "_case"

    /// The adviser's note on the whole case, if any.
    public var caseNote: String? { notes[FileNote.caseNoteKey].flatMap { $0.isEmpty ? nil : $0 } }

    /// Notes on questions that are not on the path (answered, then made irrelevant by a later change).
    public var otherNotes: [(question: String, note: String)] {
        let onPath = Set(assessment.path)
        return notes.keys.sorted().filter { $0 != FileNote.caseNoteKey && !onPath.contains($0) && !(notes[$0] ?? "").isEmpty }
            .map { ($0, notes[$0]!) }
    }

    public var flowsChanged: Bool { savedFlowVersion.map { $0 != flows.version } ?? false }

    func questionText(_ id: String) -> String { flows.questions[id]?.text.text(language) ?? id }

    func answerText(_ e: Entry) -> String { Format.value(e.value, question: e.question, language: language) }

    var report: Report { Report(flows: flows, assessment: assessment, answers: answers, language: language) }

    var flowsLine: String {
        let s = label(.flowsLine, flows.version, date(flows.reviewed))
        let versions = flows.rulesVersions(language)
        return versions.isEmpty ? s : parenthesised(s, versions.joined(separator: isChinese ? "；" : "; "))
    }

    var changedLine: String? {
        guard flowsChanged, let saved = savedFlowVersion else { return nil }
        return label(.flowsChanged, saved)
    }

    // MARK: Words in the note's language

    var isChinese: Bool { language == "zh-Hant" }

    /// A label with its `{0}`, `{1}` … filled in, in one pass so that a filled-in value that
    /// happens to contain `{1}` is left as it is.
    func label(_ key: FileNoteLabel, _ arguments: String...) -> String {
        FileNoteLabel.fill(FileNoteLabel.text(key, language), arguments)
    }

    func t(_ key: UIString) -> String { Strings.text(key, language) }

    func date(_ d: CivilDate) -> String { Strings.date(d, language) }

    /// Chinese takes the full-width colon, with no space after it.
    var colon: String { isChinese ? "：" : ":" }
    var colonSpace: String { isChinese ? "：" : ": " }

    /// `Fees (as of …)` or `費用（截至 …）`.
    func parenthesised(_ s: String, _ inside: String) -> String { isChinese ? "\(s)（\(inside)）" : "\(s) (\(inside))" }

    /// Between two sentences: a space in English, none after a Chinese full stop.
    var sentenceGap: String { isChinese ? "" : " " }
}

/// The file note's own words, in every language the flows may use. Kept beside the note rather
/// than in `UIString` because only the note uses them; `{0}`, `{1}` … are filled in by `label`.
/// Form names, citations and what the adviser typed are never translated.
public enum FileNoteLabel: String, CaseIterable, Sendable {
    case title, date, started, lastSaved, flows, flowsLine, flowsChanged
    case questionsHeading, noQuestions, answer, adviserNote, notFinished, nextQuestion
    case outcome, granted, ticked, otherNotesHeading, keptAsideHeading, unreadable, disclaimer, caseNote

    public static let en: [FileNoteLabel: String] = [
        .title: "File note: case {0}", .date: "Date", .started: "Session started", .lastSaved: "Last saved",
        .flows: "Flows", .flowsLine: "version {0}, reviewed {1}",
        .flowsChanged: "The flows have changed since these answers were saved (saved under version {0}).",
        .questionsHeading: "Questions and answers, in the order asked", .noQuestions: "No questions answered yet.",
        .answer: "Answer", .adviserNote: "Adviser's note", .notFinished: "Not finished.",
        .nextQuestion: "The next question is: {0}", .outcome: "Outcome", .granted: "What may be granted",
        .ticked: "{0} of {1} ticked", .otherNotesHeading: "Other adviser's notes (questions no longer on the path)",
        .keptAsideHeading: "Answers kept aside (not used above)", .unreadable: "(unreadable)",
        .disclaimer: "This is information, not legal advice. Check GOV.UK before applying, and get advice from a regulated adviser (Immigration Advice Authority) where possible.",
        .caseNote: "Case note",
    ]
    public static let zhHant: [FileNoteLabel: String] = [
        .title: "檔案記錄：個案 {0}", .date: "日期", .started: "開始日期", .lastSaved: "最後儲存日期",
        .flows: "問題內容", .flowsLine: "版本 {0}，審閱日期 {1}",
        .flowsChanged: "儲存這些答案之後，問題內容已有更改（儲存時的版本是 {0}）。",
        .questionsHeading: "問題及答案（按提問次序）", .noQuestions: "尚未回答任何問題。",
        .answer: "答案", .adviserNote: "顧問備註", .notFinished: "尚未完成。",
        .nextQuestion: "下一條問題是：{0}", .outcome: "結果", .granted: "可能獲批的居留",
        .ticked: "已剔選 {0} 項，共 {1} 項", .otherNotesHeading: "其他顧問備註（已不在提問路徑上的問題）",
        .keptAsideHeading: "暫時擱置的答案（上文沒有採用）", .unreadable: "（無法讀取）",
        .disclaimer: "這是資訊，不是法律意見。申請前請查閱 GOV.UK，並盡可能向受規管的顧問（由 Immigration Advice Authority 規管）尋求意見。",
        .caseNote: "個案備註",
    ]

    /// The table for a language; English for any language without one.
    public static func table(_ language: String) -> [FileNoteLabel: String] { language == "zh-Hant" ? zhHant : en }

    public static func text(_ key: FileNoteLabel, _ language: String) -> String {
        table(language)[key] ?? en[key] ?? key.rawValue
    }

    public static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let i = Int(after[..<close]), arguments.indices.contains(i) {
                out += arguments[i]
                rest = after[after.index(after: close)...]
            } else {
                out.append("{")
                rest = after
            }
        }
        return out + rest
    }

    /// The `{n}` placeholders a template uses, so a test can check both languages fill the same ones.
    public static func placeholders(_ template: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let i = Int(after[..<close]) { found.insert(i) }
            rest = after
        }
        return found
    }
}
