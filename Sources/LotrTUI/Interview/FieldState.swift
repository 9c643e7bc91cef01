import LotrEngine
import LotrFlow

/// The input being edited for one question, before it is confirmed. Kept per question while
/// the person moves around, so a half-typed value survives a resize or a trip to help.
public struct FieldState: Equatable, Sendable {
    /// Typed text for date, number, money and text questions.
    public var text = ""
    /// Highlighted option (yes/no: 0 = Yes, 1 = No). For yes/no and single choice it is the
    /// answer Enter confirms, so it counts only once `picked` is set.
    public var cursor = 0
    /// Whether the person (or a saved answer) has chosen one of a yes/no or choice question's
    /// options: a fresh question has none, so Enter cannot confirm an answer nobody gave.
    public var picked = false
    /// Multiple choice without a "None of these" option of its own: the extra row that says so
    /// was ticked (an empty answer, chosen on purpose).
    public var noneTicked = false
    /// Chosen options of a multiple choice question, by index.
    public var toggled: Set<Int> = []
    /// The list of a date-ranges question.
    public var ranges: [DateRange] = []
    /// Highlighted row of the list: each range, then "Add", then "Done".
    public var row = 0
    /// A range being added or changed.
    public var edit: RangeEdit?
    /// The range `d` asked to delete, waiting for `y`.
    public var pendingDelete: Int?

    public struct RangeEdit: Equatable, Sendable {
        /// nil when adding a new range.
        public var index: Int?
        public var from = ""
        public var to = ""
        public var onTo = false
    }

    public init() {}

    /// The field as it starts for a question, showing the earlier answer if there is one.
    public init(question q: Question, answer: Value?) {
        switch answer {
        case .bool(let b)?: cursor = b ? 0 : 1; picked = true
        case .option(let id)?:
            if let i = q.options.firstIndex(where: { $0.id == id }) { cursor = i; picked = true }
        case .options(let ids)?:
            toggled = Set(ids.compactMap { id in q.options.firstIndex { $0.id == id } })
            noneTicked = ids.isEmpty && FieldState.hasNoneRow(q)
        case .date(let d)?: text = d.uk
        case .number(let n)?: text = String(n)
        case .money(let p)?: text = Format.money(p).replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
        case .text(let s)?: text = s
        case .ranges(let rs)?:
            ranges = rs
            row = rs.count + 1  // on "Done", so Enter confirms the list as it was
        default: break
        }
    }

    /// A multiple choice question with no "None of these" of its own gets one from the
    /// interview, so that choosing nothing is a choice the person makes, never a default.
    public static func hasNoneRow(_ q: Question) -> Bool {
        q.kind == .multiChoice && !q.options.contains(where: \.isExclusive)
    }

    /// Whether the field takes free typing, so that letters are text, not commands.
    public static func isTyping(_ kind: QuestionKind, _ field: FieldState) -> Bool {
        switch kind {
        // A date may be written with a month name, so its letters are typing too.
        case .text, .date: return true
        case .dateRanges: return field.edit != nil
        default: return false
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = "", rest = Substring(self)
        while let r = rest.firstRange(ofExactly: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
