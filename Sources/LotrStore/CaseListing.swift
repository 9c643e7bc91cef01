import Foundation
import LotrEngine
import LotrFlow

/// One line of the adviser's case list: where a saved case stands against the current flows.
public struct CaseListing: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable { case inProgress = "in_progress", outcome }

    public struct Reached: Hashable, Sendable {
        public var id: String
        public var title: String
        /// The form's code (`FLR(M)`), nil when the outcome names none.
        public var form: String?
    }

    public var reference: String
    public var label: String?
    public var status: Status
    /// The outcome the answers reach, nil while in progress.
    public var outcome: Reached?
    /// The question reached (id and text), nil once there is an outcome.
    public var question: (id: String, text: String)? {
        questionID.map { ($0, questionText ?? $0) }
    }
    public var questionID: String?
    public var questionText: String?
    public var started: Date
    public var updated: Date
    public var notes: Int
    public var answers: Int

    /// Whether `text` is part of the reference (typed with or without the dash) or the label,
    /// ignoring case.
    public func matches(_ text: String) -> Bool {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if wanted.isEmpty { return true }
        let compact = wanted.filter { $0 != "-" && $0 != " " }
        if !compact.isEmpty && reference.lowercased().filter({ $0 != "-" }).contains(compact) { return true }
        return label?.lowercased().contains(wanted) ?? false
    }

    /// The stable keys documented in README.md ("The case list"):
    /// `{reference, label, status, outcome: {id, title, form} | null, question: {id, text} | null,
    /// started, updated, notes}`, times in UTC as ISO 8601.
    public func json() -> JSON {
        let outcomeJSON: JSON = outcome.map {
            .object([("id", .string($0.id)), ("title", .string($0.title)), ("form", .optional($0.form))])
        } ?? .null
        let questionJSON: JSON = question.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) } ?? .null
        return .object([
            ("reference", .string(reference)), ("label", .optional(label)), ("status", .string(status.rawValue)),
            ("outcome", outcomeJSON), ("question", questionJSON),
            ("started", .string(CaseListing.iso(started))), ("updated", .string(CaseListing.iso(updated))),
            ("notes", .number(notes)),
        ])
    }

    /// `2026-12-01T20:13:05Z`.
    public static func iso(_ date: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 0)!
        let d = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let year = String(d.year ?? 2000)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(d.month))-\(two(d.day))T\(two(d.hour)):\(two(d.minute)):\(two(d.second))Z"
    }
}

extension SessionStore {
    /// Every saved case, newest first (by last save), assessed against `flows` on `today`.
    public func cases(flows: FlowSet, today: CivilDate, language: String = "en") throws -> [CaseListing] {
        try list().map { summary in
            let resumed = try resume(summary.reference, flows: flows, today: today)
            let assessment = Engine.assess(flows, answers: resumed.answers, today: today, language: language)
            var listing = CaseListing(reference: summary.reference, label: summary.session.label,
                                      status: assessment.outcome != nil ? .outcome : .inProgress,
                                      started: summary.session.created, updated: summary.session.updated,
                                      notes: summary.noteCount, answers: summary.answerCount)
            if let o = assessment.outcome {
                listing.outcome = .init(id: o.id, title: o.title, form: o.form?.code)
            } else if let id = assessment.next?.id ?? resumed.lastQuestion, let q = flows.questions[id] {
                listing.questionID = q.id
                listing.questionText = q.text.text(language)
            }
            return listing
        }
    }
}
