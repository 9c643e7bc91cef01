import LotrEngine
import LotrFlow

/// The input being edited for one question, before it is confirmed. Kept per question while
/// the person moves around, so a half-typed value survives a resize or a trip to help.
public struct FieldState: Equatable, Sendable {
    /// Typed text for date, number, money and text questions.
    public var text = ""
    /// Highlighted option (yes/no: 0 = Yes, 1 = No).
    public var cursor = 0
    /// Chosen options of a multiple choice question, by index.
    public var toggled: Set<Int> = []
    /// The list of a date-ranges question.
    public var ranges: [DateRange] = []
    /// Highlighted row of the list: each range, then "Add", then "Done".
    public var row = 0
    /// A range being added or changed.
    public var edit: RangeEdit?

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
        case .bool(let b)?: cursor = b ? 0 : 1
        case .option(let id)?: cursor = q.options.firstIndex { $0.id == id } ?? 0
        case .options(let ids)?: toggled = Set(ids.compactMap { id in q.options.firstIndex { $0.id == id } })
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

    /// Whether the field takes free typing, so that letters are text, not commands.
    public static func isTyping(_ kind: QuestionKind, _ field: FieldState) -> Bool {
        switch kind {
        case .text: return true
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
