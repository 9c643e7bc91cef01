import LotrFlow

/// A file note for an adviser's records: the case reference, every question on the path with its
/// answer and any note, the outcome and the checklist with its ticks. Pure: the caller loads the
/// session and passes `today` in. Three shapes, like `Report`: Markdown, plain text that fits
/// 80 columns, and JSON with stable keys.
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

    /// Notes on questions that are not on the path (answered, then made irrelevant by a later change).
    public var otherNotes: [(question: String, note: String)] {
        let onPath = Set(assessment.path)
        return notes.keys.sorted().filter { !onPath.contains($0) && !(notes[$0] ?? "").isEmpty }.map { ($0, notes[$0]!) }
    }

    public var flowsChanged: Bool { savedFlowVersion.map { $0 != flows.version } ?? false }

    func questionText(_ id: String) -> String { flows.questions[id]?.text.text(language) ?? id }

    func answerText(_ e: Entry) -> String { Format.value(e.value, question: e.question, language: language) }

    var report: Report { Report(flows: flows, assessment: assessment, answers: answers, language: language) }

    var flowsLine: String {
        var s = "version \(flows.version), reviewed \(flows.reviewed.long)"
        if !flows.rulesVersions.isEmpty { s += " (\(flows.rulesVersions.joined(separator: "; ")))" }
        return s
    }

    var changedLine: String? {
        guard flowsChanged, let saved = savedFlowVersion else { return nil }
        return "The flows have changed since these answers were saved (saved under version \(saved))."
    }
}
