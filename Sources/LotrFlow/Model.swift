#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The five stages, in the fixed order they are tried.
public enum Stage: String, CaseIterable, Sendable, Comparable {
    case rules, article8, article3, discretionary, compassionate
    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
    public var displayName: String {
        switch self {
        case .rules: return "Rules route"
        case .article8: return "Article 8"
        case .article3: return "Article 3"
        case .discretionary: return "Discretionary leave"
        case .compassionate: return "Compassionate grounds"
        }
    }
}

/// A source document a file cites, from the file's header.
public struct SourceDocument: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable { case verified, secondary, unverified }
    public var id: String
    public var title: String
    public var version: String?
    public var status: Status
    public var url: String?
}

/// "Appendix Long Residence, LR 3.1": a document and the part of it relied on.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    public var document: SourceDocument
    public var section: String
    public var status: SourceDocument.Status
    public var description: String { text(secondary: " [secondary source]", unverified: " [not verified]") }

    /// The citation with the reader's words for a point not checked against its source.
    public func text(secondary: String, unverified: String) -> String {
        var s = section.isEmpty ? document.title : "\(document.title), \(section)"
        if let v = document.version { s += " (\(v))" }
        switch status {
        case .verified: break
        case .secondary: s += secondary
        case .unverified: s += unverified
        }
        return s
    }
}

/// The header every flow file carries.
public struct FileInfo: Hashable, Sendable {
    public var path: String
    public var kind: String
    public var reviewed: CivilDate
    /// After this day every result resting on the file warns that its guidance may be out of date.
    public var reviewBy: CivilDate
    public var rulesVersion: LocalizedText?
    public var sources: [SourceDocument]
    /// Where `review_by` is written, for `lotr check`'s warning once it has passed.
    public var reviewByLocation: SourceLocation
}

public enum QuestionKind: String, CaseIterable, Sendable {
    case yesNo = "yes_no", choice, multiChoice = "multi_choice", date, number, money, text
    case dateRanges = "date_ranges"
}

public struct ChoiceOption: Hashable, Sendable {
    public var id: String
    public var text: LocalizedText
    public var help: LocalizedText?

    public init(id: String, text: LocalizedText, help: LocalizedText? = nil) {
        self.id = id
        self.text = text
        self.help = help
    }

    /// The ids that mean "none of the others" in a multiple choice question: such an option
    /// stands alone and can never be chosen together with another one (flows/README.md).
    public static let exclusiveIDs: Set<String> = ["none", "neither"]

    public var isExclusive: Bool { ChoiceOption.exclusiveIDs.contains(id) }
}

public enum Target: Hashable, Sendable {
    case node(String)
    case nextStage
}

/// How a stage ended for the person, as the "Routes checked" section reports it.
public enum RouteStatus: String, Hashable, Sendable, CaseIterable {
    case fits
    case doesNotFit = "does_not_fit"
    case notChecked = "not_checked"
    case notReached = "not_reached"
}

/// A date the person must act on ("the earliest day you can apply"), worked out from answers.
public struct DateRule: Hashable, Sendable {
    public var id: String
    public var condition: SourcedExpr?
    public var date: SourcedExpr
    public var text: Template
    public var source: Citation
    public var location: SourceLocation
}

public struct Route: Hashable, Sendable {
    public var condition: SourcedExpr?
    public var target: Target
    public var location: SourceLocation
    /// Why a path taking this route leaves the stage ("why not"), shown in "Routes checked".
    public var because: Template?
    public var source: Citation?
    /// `doesNotFit` or `notChecked` (the route was not assessed, e.g. it needs you in the UK).
    public var status: RouteStatus
    public var dates: [DateRule]

    public init(condition: SourcedExpr?, target: Target, location: SourceLocation, because: Template? = nil,
                source: Citation? = nil, status: RouteStatus = .doesNotFit, dates: [DateRule] = []) {
        self.condition = condition
        self.target = target
        self.location = location
        self.because = because
        self.source = source
        self.status = status
        self.dates = dates
    }
}

public struct Question: Equatable, Sendable {
    public var id: String
    public var stage: Stage
    public var kind: QuestionKind
    public var text: LocalizedText
    public var help: LocalizedText?
    public var why: LocalizedText?
    public var terms: [String]
    public var source: Citation
    public var options: [ChoiceOption]
    public var mustBePast: Bool
    public var mustBeFuture: Bool
    public var minimum: Int?
    public var maximum: Int?
    public var unit: LocalizedText?
    public var maxLength: Int?
    public var showTotals: Bool
    public var itemName: LocalizedText?
    public var next: [Route]
    public var location: SourceLocation
    /// Ids of questions this one took the place of. A saved answer to them is carried over when a
    /// session is resumed or an answers file is read: date ranges are joined into one list.
    public var replaces: [String] = []

    public var valueType: ValueType {
        switch kind {
        case .yesNo: return .bool
        case .choice: return .option(question: id, options: options.map(\.id))
        case .multiChoice: return .optionSet(question: id, options: options.map(\.id))
        case .date: return .date
        case .number: return .number
        case .money: return .money
        case .text: return .text
        case .dateRanges: return .dateRanges
        }
    }
}

/// Text that may contain `{{ expression }}` parts, checked at load time.
public struct Template: Hashable, Sendable {
    public enum Part: Hashable, Sendable {
        case text(String)
        case expr(SourcedExpr)
    }
    /// Parts per language.
    public var parts: [String: [Part]]
    public var raw: LocalizedText
}

public struct ConditionalText: Equatable, Sendable {
    public var condition: SourcedExpr?
    public var text: Template
}

public struct EvidenceRule: Equatable, Sendable {
    public var item: String
    public var condition: SourcedExpr?
    public var why: LocalizedText?
    public var location: SourceLocation
}

public struct Surcharge: Hashable, Sendable {
    public var rate: String
    /// Years of leave the surcharge is paid for, in tenths of a year (2.5 years = 25).
    public var tenthsOfYears: Int
}

public struct Outcome: Equatable, Sendable {
    public var id: String
    public var stage: Stage?
    public var definedIn: Stage
    public var form: String?
    public var title: LocalizedText
    public var explanation: Template
    public var reasons: [ConditionalText]
    public var grant: LocalizedText?
    public var conditions: LocalizedText?
    public var fee: String?
    public var ihs: Surcharge?
    public var feeWaiver: LocalizedText?
    public var appeal: LocalizedText?
    public var warnings: [ConditionalText]
    public var evidence: [EvidenceRule]
    public var source: Citation?
    /// The dates the person must act on ("when").
    public var dates: [DateRule]
    /// For a `stage: none` outcome: why no route fits, shown in "Routes checked".
    public var because: Template?
    public var location: SourceLocation
}

public struct StageFlow: Equatable, Sendable {
    public var stage: Stage
    public var title: LocalizedText
    public var start: String
    public var startLocation: SourceLocation
    public var info: FileInfo
    /// When an earlier stage's outcome is reached: whether this stage would still be worth a look.
    public var notReached: LocalizedText?
}

public struct Form: Equatable, Sendable {
    public enum Place: String, Sendable { case inUK = "in_uk", outsideUK = "outside_uk", either }
    public var id: String
    public var code: String
    public var name: LocalizedText
    public var place: Place
    public var source: Citation
    public var location: SourceLocation
}

public struct EvidenceItem: Equatable, Sendable {
    public var id: String
    public var text: LocalizedText
    public var help: LocalizedText?
    public var source: Citation
    public var location: SourceLocation
}

public struct GlossaryTerm: Equatable, Sendable {
    public var id: String
    public var term: LocalizedText
    public var text: LocalizedText
    public var location: SourceLocation
}

public struct Rate: Equatable, Sendable {
    public enum Per: String, Sendable { case application, year }
    public struct Value: Equatable, Sendable {
        public var from: CivilDate
        /// Pence for money, the plain number otherwise.
        public var value: Int
        public var source: Citation
    }
    public var id: String
    public var name: LocalizedText
    public var type: ValueType
    public var per: Per
    public var values: [Value]
    public var location: SourceLocation

    /// The value in force on a day, or nil before the first recorded value.
    public func value(on day: CivilDate) -> Value? {
        values.last { $0.from <= day }
    }
}

/// Every loaded and validated flow file, ready for the engine.
public struct FlowSet: Equatable, Sendable {
    public var stages: [StageFlow]
    public var questions: [String: Question]
    /// From the flow cache the outcomes are read when first used: they are half of it, and an
    /// interview needs none of them until its first result (BENCHMARKS.md, "Time to interactive").
    public var outcomes: [String: Outcome] {
        get { outcomesStore.value }
        set { outcomesStore = Deferred(newValue) }
    }
    var outcomesStore: Deferred<[String: Outcome]>
    public var forms: [String: Form]
    public var evidence: [String: EvidenceItem]
    public var glossary: [String: GlossaryTerm]
    public var rates: [String: Rate]
    public var files: [FileInfo]
    /// Question ids in file order, for listings.
    public var questionOrder: [String]
    public var outcomeOrder: [String]
    /// A short hash of every file's bytes: saved sessions record it to notice changed flows.
    public var version: String

    public init(stages: [StageFlow], questions: [String: Question], outcomes: [String: Outcome], forms: [String: Form],
                evidence: [String: EvidenceItem], glossary: [String: GlossaryTerm], rates: [String: Rate], files: [FileInfo],
                questionOrder: [String], outcomeOrder: [String], version: String) {
        self.init(stages: stages, questions: questions, outcomesStore: Deferred(outcomes), forms: forms, evidence: evidence,
                  glossary: glossary, rates: rates, files: files, questionOrder: questionOrder, outcomeOrder: outcomeOrder,
                  version: version)
    }

    init(stages: [StageFlow], questions: [String: Question], outcomesStore: Deferred<[String: Outcome]>, forms: [String: Form],
         evidence: [String: EvidenceItem], glossary: [String: GlossaryTerm], rates: [String: Rate], files: [FileInfo],
         questionOrder: [String], outcomeOrder: [String], version: String) {
        self.stages = stages
        self.questions = questions
        self.outcomesStore = outcomesStore
        self.forms = forms
        self.evidence = evidence
        self.glossary = glossary
        self.rates = rates
        self.files = files
        self.questionOrder = questionOrder
        self.outcomeOrder = outcomeOrder
        self.version = version
    }

    /// The earliest `reviewed` date across files: the whole set is only as fresh as its oldest file.
    public var reviewed: CivilDate { files.map(\.reviewed).min() ?? CivilDate(year: 2000, month: 1, day: 1)! }

    /// The file a catalogue entry or stage was read from, by path.
    public func file(_ path: String) -> FileInfo? { files.first { $0.path == path } }

    public var rulesVersions: [String] { rulesVersions("en") }

    /// The versions of the Rules the files follow, each once, in the person's language.
    public func rulesVersions(_ language: String) -> [String] {
        var seen: [String] = []
        for f in files { if let v = f.rulesVersion?.text(language), !seen.contains(v) { seen.append(v) } }
        return seen
    }

    public func stageFlow(_ stage: Stage) -> StageFlow? { stages.first { $0.stage == stage } }

    /// The start node of the stage after `stage`, or nil after the last one.
    public func startAfter(_ stage: Stage) -> String? {
        stages.first { $0.stage > stage }?.start
    }

    public var firstNode: String? { stages.first?.start }
}

/// A value made when first asked for, at most once, from any thread. Once made it never
/// changes: a `FlowSet` that is changed gets a new one, so copies keep value semantics.
final class Deferred<Value: Equatable & Sendable>: @unchecked Sendable, Equatable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ value: Value) {
        made = value
        pthread_mutex_init(lock, nil)
    }

    init(making make: @escaping @Sendable () -> Value) {
        self.make = make
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    var value: Value {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }

    /// Whether the value has been made yet (for the tests).
    var isMade: Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return made != nil
    }

    static func == (a: Deferred, b: Deferred) -> Bool { a === b || a.value == b.value }
}
