import Foundation
import LotrEngine
import LotrFlow
import Yams

/// One row of a scenario table: a person described as answers, and the outcome the Rules give
/// them. The tables (one YAML list per stage) are written from the Rules and guidance; the
/// scenario tests and the review book's coverage section both read them through this type.
public struct ScenarioRow: Sendable {
    /// The table's file name, e.g. `1-rules.yaml`.
    public var file: String
    /// The line the row starts on, counting from 1.
    public var line: Int
    public var name: String
    public var today: CivilDate
    public var answers: [String: AnswerInput]
    public var outcome: String
    public var stage: String
    public var form: String?
    public var evidence: [String]
    public var notEvidence: [String]
    public var warningContains: String?
    /// Words no warning may contain.
    public var notWarningContains: String?
    /// Words one of the outcome's reasons must contain (the reasons are worked out from the
    /// answers, so a wrong date or count in them is caught here).
    public var reasonContains: String?
    /// Words no reason may contain.
    public var notReasonContains: String?
    /// Per stage, the "Routes checked" entry the row expects (stages not listed are not asserted).
    public var routes: [String: RouteExpectation] = [:]
    /// Date id → the ISO date it must have.
    public var dates: [String: String] = [:]
    /// Date ids that must not be shown.
    public var notDates: [String] = []

    public init(file: String, line: Int = 1, name: String, today: CivilDate, answers: [String: AnswerInput], outcome: String,
                stage: String, form: String?, evidence: [String], notEvidence: [String], warningContains: String?,
                routes: [String: RouteExpectation] = [:], dates: [String: String] = [:], notDates: [String] = [],
                reasonContains: String? = nil, notReasonContains: String? = nil, notWarningContains: String? = nil) {
        self.file = file
        self.line = line
        self.name = name
        self.today = today
        self.answers = answers
        self.outcome = outcome
        self.stage = stage
        self.form = form
        self.evidence = evidence
        self.notEvidence = notEvidence
        self.warningContains = warningContains
        self.routes = routes
        self.dates = dates
        self.notDates = notDates
        self.reasonContains = reasonContains
        self.notReasonContains = notReasonContains
        self.notWarningContains = notWarningContains
    }

    /// `file:line`, how a reviewer finds the row.
    public var reference: String { "\(file):\(line)" }

    /// Parses the answers against the flows' questions and walks the engine: the same
    /// evaluation a person's answers get.
    public func assess(_ flows: FlowSet) -> Result<Assessment, AnswerProblem> {
        var parsed: Answers = [:]
        for (id, input) in answers.sorted(by: { $0.key < $1.key }) {
            guard let q = flows.questions[id] else { return .failure(AnswerProblem("answer \(id): no such question")) }
            switch AnswerParser.parse(input, for: q, today: today) {
            case .success(let v): parsed[id] = v
            case .failure(let p): return .failure(AnswerProblem("answer \(id): \(p.message)"))
            }
        }
        return .success(Engine.assess(flows, answers: parsed, today: today))
    }
}

/// A row's expectation for one stage's "Routes checked" entry: its status, and key words its
/// `because` must contain (matched without regard to case).
public struct RouteExpectation: Sendable {
    public var status: String
    public var because: [String]
    public init(status: String, because: [String]) {
        self.status = status
        self.because = because
    }
}

public enum ScenarioTable {
    /// The day rows without `today:` are assessed on.
    public static let defaultToday = CivilDate(year: 2026, month: 11, day: 23)!

    /// The rows of every `.yaml` file in a folder, files in name order. A file that is not a
    /// YAML list becomes one row that can reach no outcome, so a test fails on it and the book
    /// lists it, instead of the file being skipped silently.
    /// Nil when the folder does not exist or cannot be listed.
    public static func load(directory: String) -> [ScenarioRow]? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? fm.contentsOfDirectory(atPath: directory) else { return nil }
        return read(files: names.filter { $0.hasSuffix(".yaml") }.map { name in
            (name, fm.contents(atPath: directory + "/" + name).flatMap { String(data: $0, encoding: .utf8) })
        })
    }

    /// Rows from files already read (`text` nil for a file that could not be read).
    public static func read(files: [(name: String, text: String?)]) -> [ScenarioRow] {
        var rows: [ScenarioRow] = []
        for (name, text) in files.sorted(by: { $0.name < $1.name }) {
            guard let text, let root = try? Yams.compose(yaml: text), let seq = root.sequence else {
                rows.append(ScenarioRow(file: name, line: 1, name: "the file is not a YAML list of rows", today: defaultToday,
                                        answers: [:], outcome: "-", stage: "-", form: nil, evidence: [], notEvidence: [],
                                        warningContains: nil))
                continue
            }
            for row in seq { rows.append(read(row, file: name)) }
        }
        return rows
    }

    static func read(_ row: Node, file: String) -> ScenarioRow {
        let expect = row["expect"]
        var answers: [String: AnswerInput] = [:]
        for (k, v) in row["answers"]?.mapping ?? [:] { answers[k.string ?? ""] = answerInput(v) }
        let form = expect?["form"]?.string.flatMap { $0 == "null" || $0 == "~" || $0.isEmpty ? nil : $0 }
        var routes: [String: RouteExpectation] = [:]
        for (k, v) in expect?["routes"]?.mapping ?? [:] {
            let stage = k.string ?? ""
            if let status = v.string {
                routes[stage] = RouteExpectation(status: status, because: [])
            } else {
                let words = v["because"].map { $0.string.map { [$0] } ?? $0.array().compactMap(\.string) } ?? []
                routes[stage] = RouteExpectation(status: v["status"]?.string ?? "(missing)", because: words)
            }
        }
        var dates: [String: String] = [:]
        for (k, v) in expect?["dates"]?.mapping ?? [:] { dates[k.string ?? ""] = v.string ?? "" }
        return ScenarioRow(
            file: file, line: row.mark?.line ?? 1, name: row["name"]?.string ?? "(no name)",
            today: row["today"]?.string.flatMap { CivilDate(iso: $0) } ?? defaultToday,
            answers: answers, outcome: expect?["outcome"]?.string ?? "(missing)", stage: expect?["stage"]?.string ?? "(missing)",
            form: form, evidence: expect?["evidence"]?.array().compactMap(\.string) ?? [],
            notEvidence: expect?["not_evidence"]?.array().compactMap(\.string) ?? [],
            warningContains: expect?["warning_contains"]?.string,
            routes: routes, dates: dates, notDates: expect?["not_dates"]?.array().compactMap(\.string) ?? [],
            reasonContains: expect?["reason_contains"]?.string, notReasonContains: expect?["not_reason_contains"]?.string,
            notWarningContains: expect?["not_warning_contains"]?.string)
    }

    static func answerInput(_ node: Node) -> AnswerInput {
        switch node {
        case .scalar(let s): return .string(s.string)
        case .sequence(let seq): return .array(seq.map(answerInput))
        case .mapping(let m):
            var o: [String: AnswerInput] = [:]
            for (k, v) in m { o[k.string ?? ""] = answerInput(v) }
            return .object(o)
        default: return .null
        }
    }
}
