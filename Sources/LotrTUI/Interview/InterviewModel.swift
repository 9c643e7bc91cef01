import LotrEngine
import LotrFlow

/// Something the program around the model must do: the model itself stays pure.
public enum Effect: Equatable, Sendable {
    /// An answer was confirmed (save it now, so a crash loses nothing confirmed).
    case saveAnswer(String)
    /// Answers were dropped because a new case started.
    case newCase
    case export(ExportFormat, path: String)
    /// The person agreed to write over a file that already exists.
    case exportReplacing(ExportFormat, path: String)
    case print
    /// Print with the person's answers and the reasons (a kiosk prints without them unless asked).
    case printWithAnswers
    /// An adviser note on a question was written or cleared.
    case saveNote(String)
    /// Read this CSV file of trips into the list question (the host calls `importTrips`).
    case importTrips(question: String, path: String)
    /// Fill `savedCases` for the case list.
    case loadCases
    /// Open this saved case (the host loads it into the model).
    case openCase(String)
    /// The case's label changed (`caseLabel`).
    case saveLabel
    /// Open a case another window has, without changing it.
    case openReadOnly(String)
    /// Open a case another window has, and save to it from now on.
    case takeOver(String)
}

/// One saved case as the case list shows it.
public struct CaseRow: Equatable, Sendable {
    public var reference: String
    public var label: String?
    /// "Result: …" or the question reached.
    public var summary: String
    /// `2026-11-23 14:05`.
    public var updated: String
    public init(reference: String, label: String?, summary: String, updated: String) {
        self.reference = reference
        self.label = label
        self.summary = summary
        self.updated = updated
    }

    /// The search as you type: part of the reference (with or without the dash) or of the label.
    public func matches(_ search: String) -> Bool {
        let wanted = String(search.lowercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if wanted.isEmpty { return true }
        let compact = wanted.filter { $0 != "-" && $0 != " " }
        if !compact.isEmpty && reference.lowercased().filter({ $0 != "-" }).contains(compact) { return true }
        return label?.lowercased().contains(wanted) ?? false
    }
}

public enum ExportFormat: String, CaseIterable, Sendable { case markdown, text, json
    public var fileExtension: String { self == .markdown ? "md" : (self == .text ? "txt" : "json") }
}

/// Saving has stopped working (full disk, a locked or unusable file): what the header and the
/// quit question say until it works again.
public struct SavingOff: Equatable, Sendable {
    /// The number of the first question whose answer is not saved.
    public var sinceQuestion: Int
    /// Why, in full (the store's message).
    public var reason: String
    public init(sinceQuestion: Int, reason: String) {
        self.sinceQuestion = sinceQuestion
        self.reason = reason
    }
}

/// The whole state of the full-screen interview, as a value: `update` returns a new one.
public struct InterviewModel: Sendable {
    public enum Page: Equatable, Sendable {
        case welcome
        case question(String)
        case review
        case outcome
    }

    public enum Overlay: Equatable, Sendable {
        case help
        case confirmQuit
        case export(ExportFormat, path: String)
        /// A file of that name exists: replace it? `fullPath` is where it is.
        case confirmReplace(ExportFormat, path: String, fullPath: String)
        /// Writing an adviser note on a question (the text typed so far).
        case note(question: String, text: String)
        /// Typing the name of a CSV file of trips for a list question.
        case importFile(question: String, path: String)
        /// The saved cases, filtered by what is typed; `row` is the chosen one.
        case cases(search: String, row: Int)
        /// Typing the case's label.
        case label(text: String)
        /// The case is open in another window (`holder` says which): read it, take it over, or not.
        case caseInUse(reference: String, holder: String)
    }

    public let flows: FlowSet
    public var today: CivilDate
    public var language: String
    public var answers: Answers = [:]
    /// Adviser notes by question id (intake desks keep file notes per question).
    public var notes: [String: String] = [:]
    /// The saved session's reference, shown so that an adviser can write it on the file.
    public var caseReference: String?
    /// Set by the host while answers cannot be saved; nil when saving works (or is not wanted).
    public var savingOff: SavingOff?
    /// The adviser's own label for the case (initials, their file number).
    public var caseLabel: String?
    public var page: Page = .welcome
    public var overlay: Overlay?
    /// Fields being edited, by question id.
    public var fields: [String: FieldState] = [:]
    /// A message for the person: a problem with what they typed, or news (exported, saved).
    public var message: String?
    public var messageIsError = false
    /// Review list selection; outcome screen selection (checklist item) and scroll.
    public var reviewRow = 0
    public var outcomeItem = 0
    public var outcomeScroll = 0
    /// First line of the help overlay in view.
    public var helpScroll = 0
    /// Checklist items ticked on the outcome screen.
    public var ticks: Set<String> = []
    /// Effects for the host to carry out after this update.
    public var effects: [Effect] = []
    /// Where to return from the review page.
    var returnPage: Page = .welcome
    /// Set when a question was opened from the review page: once the answers reach an outcome
    /// again the person is brought back to the review rather than walked through every question.
    public var changingFromReview = false
    /// The local time as `YYYY-MM-DD-HHMM`, set by the host before each event, for the default
    /// name of a file note (nil: the date alone). The model reads no clock itself.
    public var exportStamp: String?
    /// The window size last reported, used only to page the outcome by a screenful and keep the
    /// chosen checklist item in view. Nothing the person typed depends on it.
    public var viewSize = Size(rows: 24, cols: 80)
    /// A public kiosk: no adviser notes, and no hints for keys that do nothing there.
    public var isKiosk = false
    /// Whether the result can be taken away as a file or on paper here; a way that is not
    /// available is neither offered nor suggested.
    public var canExport = true
    public var canPrint = true
    /// Whether cases are saved here (the case list and file import need it).
    public var canOpenCases = true
    /// The saved cases, newest first, as the host last loaded them.
    public var savedCases: [CaseRow] = []

    /// The saved cases that match the case list's search.
    public func casesShown(_ search: String) -> [CaseRow] { savedCases.filter { $0.matches(search) } }

    public init(flows: FlowSet, today: CivilDate, language: String = "en") {
        self.flows = flows
        self.today = today
        self.language = language
    }

    // MARK: Derived state

    public var assessment: Assessment { Engine.assess(flows, answers: answers, today: today, language: language) }

    public var currentQuestion: Question? {
        if case .question(let id) = page { return flows.questions[id] }
        return nil
    }

    public func field(_ id: String) -> FieldState {
        if let f = fields[id] { return f }
        guard let q = flows.questions[id] else { return FieldState() }
        return FieldState(question: q, answer: answers[id])
    }

    /// The questions answered so far, in order, and the one after `id` on the path.
    func step(after id: String) -> Page {
        let a = assessment
        if let i = a.path.firstIndex(of: id), i + 1 < a.path.count { return .question(a.path[i + 1]) }
        if let next = a.next { return .question(next.id) }
        return a.outcome != nil ? .outcome : .welcome
    }

    func step(before id: String) -> Page? {
        let path = assessment.path
        if let i = path.firstIndex(of: id) { return i > 0 ? .question(path[i - 1]) : nil }
        return path.last.map { .question($0) }
    }


    // MARK: Update

    public static func update(_ model: InterviewModel, _ event: Event) -> (InterviewModel, Command) {
        var m = model
        m.effects = []
        let command = m.handle(event)
        return (m, command)
    }

    mutating func handle(_ event: Event) -> Command {
        switch event {
        case .terminate:
            return .quit
        case .interrupt:
            overlay = overlay == .confirmQuit ? nil : .confirmQuit
            return .none
        case .tick:
            return .none
        case .paste(let text):
            // Pasted text goes only into the field being typed in; it never presses a key.
            handlePaste(text)
            return .none
        case .resize(let rows, let cols):
            viewSize = Size(rows: rows, cols: cols)
            if page == .outcome { outcomeScroll = min(outcomeScroll, outcomeMaxScroll()) }
            return .none
        case .key(let key):
            // A message is about the key before this one: the next key clears it.
            if message != nil && !keepsMessage(key) { setMessage(nil) }
            if let overlay { return handleOverlay(overlay, key) }
            if key == .function(3) && !isKiosk {
                overlay = .label(text: caseLabel ?? "")
                return .none
            }
            switch page {
            case .welcome: return handleWelcome(key)
            case .question(let id): return handleQuestion(id, key)
            case .review: handleReview(key); return .none
            case .outcome: return handleOutcome(key)
            }
        }
    }

    mutating func setMessage(_ text: String?, error: Bool = false) {
        message = text
        messageIsError = error
    }

    /// Shows one of the interview's own messages in the person's language.
    mutating func say(_ key: TUIText, error: Bool = false) {
        setMessage(TUIStrings.text(key, language), error: error)
    }

    /// An engine message (English) in the person's language.
    func problem(_ english: String) -> String { TUIStrings.problem(english, language) }

    /// Switches to the next language. Answers, notes and ticks stay: they are stored by id, and
    /// every text is looked up again in the new language when drawn.
    public mutating func switchLanguage() {
        let all = TUIStrings.languages
        language = all[((all.firstIndex(of: language) ?? -1) + 1) % all.count]
        // A message was written in the old language; drop it rather than show a mixture.
        setMessage(nil)
    }

    mutating func handleOverlay(_ overlay: Overlay, _ key: Key) -> Command {
        switch overlay {
        case .help:
            if [.escape, .enter, .character("?"), .function(1), .character("q")].contains(key) { self.overlay = nil }
            if key == .character("l") { switchLanguage() }
            let area = InterviewView.helpArea(viewSize)
            let last = max(0, InterviewView.helpLines(self, width: area.cols).count - area.rows)
            switch key {
            case .up: helpScroll -= 1
            case .down: helpScroll += 1
            case .pageUp: helpScroll -= max(1, area.rows - 1)
            case .pageDown, .character(" "): helpScroll += max(1, area.rows - 1)
            case .home: helpScroll = 0
            case .end: helpScroll = last
            default: break
            }
            helpScroll = max(0, min(helpScroll, last))
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"): return .quit
            case .character("n"), .character("N"), .escape, .enter: self.overlay = nil
            default: break
            }
        case .note(let question, let text):
            switch key {
            case .escape: self.overlay = nil
            case .backspace: self.overlay = .note(question: question, text: String(text.dropLast()))
            case .ctrl("u"): self.overlay = .note(question: question, text: "")
            case .enter:
                let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                notes[question] = trimmed.isEmpty ? nil : trimmed
                effects.append(.saveNote(question))
                self.overlay = nil
                say(trimmed.isEmpty ? .noteRemoved : .noteSaved)
            case .character(let c) where !c.isNewline && text.count < 500:
                self.overlay = .note(question: question, text: text + String(c))
            default: break
            }
        case .confirmReplace(let format, let path, _):
            switch key {
            case .character("y"), .character("Y"):
                effects.append(.exportReplacing(format, path: path))
                self.overlay = nil
            case .character("n"), .character("N"), .escape, .enter:
                self.overlay = .export(format, path: path)
            default: break
            }
        case .importFile(let question, let path):
            switch key {
            case .escape: self.overlay = nil
            case .backspace: self.overlay = .importFile(question: question, path: String(path.dropLast()))
            case .ctrl("u"): self.overlay = .importFile(question: question, path: "")
            case .character(let c) where !c.isNewline && path.count < 1000:
                self.overlay = .importFile(question: question, path: path + String(c))
            case .enter:
                let trimmed = String(path.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                guard !trimmed.isEmpty else { say(.typeFileName, error: true); break }
                self.overlay = nil
                effects.append(.importTrips(question: question, path: trimmed))
            default: break
            }
        case .label(let text):
            switch key {
            case .escape: self.overlay = nil
            case .backspace: self.overlay = .label(text: String(text.dropLast()))
            case .ctrl("u"): self.overlay = .label(text: "")
            case .character(let c) where !c.isNewline && text.count < 60: self.overlay = .label(text: text + String(c))
            case .enter:
                let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                caseLabel = trimmed.isEmpty ? nil : trimmed
                effects.append(.saveLabel)
                self.overlay = nil
                say(trimmed.isEmpty ? .labelRemoved : .labelSaved)
            default: break
            }
        case .caseInUse(let reference, _):
            switch key {
            case .escape, .character("n"), .character("N"): self.overlay = nil
            case .character("r"), .character("R"): self.overlay = nil; effects.append(.openReadOnly(reference))
            case .character("t"), .character("T"): self.overlay = nil; effects.append(.takeOver(reference))
            default: break
            }
        case .cases(let search, let row):
            let shown = casesShown(search)
            switch key {
            case .escape: self.overlay = nil
            case .up: self.overlay = .cases(search: search, row: max(0, row - 1))
            case .down, .tab: self.overlay = .cases(search: search, row: min(max(0, shown.count - 1), row + 1))
            case .backspace: self.overlay = .cases(search: String(search.dropLast()), row: 0)
            case .ctrl("u"): self.overlay = .cases(search: "", row: 0)
            case .character(let c) where !c.isNewline && search.count < 60:
                self.overlay = .cases(search: search + String(c), row: 0)
            case .enter:
                guard row < shown.count else { say(.noCaseMatches, error: true); break }
                self.overlay = nil
                effects.append(.openCase(shown[row].reference))
            default: break
            }
        case .export(let format, let path):
            switch key {
            case .escape: self.overlay = nil
            case .tab, .down, .up:
                let all = ExportFormat.allCases
                let next = all[(all.firstIndex(of: format)! + (key == .up ? all.count - 1 : 1)) % all.count]
                self.overlay = .export(next, path: InterviewModel.swapExtension(path, to: next))
            case .backspace:
                self.overlay = .export(format, path: String(path.dropLast()))
            case .ctrl("u"):
                self.overlay = .export(format, path: "")
            case .character(let c) where !c.isNewline:
                self.overlay = .export(format, path: path + String(c))
            case .enter:
                let trimmed = String(path.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                guard !trimmed.isEmpty else { say(.typeFileName, error: true); break }
                effects.append(.export(format, path: trimmed))
                self.overlay = nil
            default: break
            }
        }
        return .none
    }

    mutating func openHelp() {
        overlay = .help
        helpScroll = 0
    }

    /// `lotr-K7M-42Q-2026-11-23-1405.md`: the case and the time, so notes never share a name.
    func defaultExportName(_ format: ExportFormat) -> String {
        "lotr-" + (caseReference.map { $0 + "-" } ?? "") + (exportStamp ?? today.iso) + "." + format.fileExtension
    }

    static func swapExtension(_ path: String, to format: ExportFormat) -> String {
        for ext in ExportFormat.allCases.map(\.fileExtension) where path.hasSuffix("." + ext) {
            return String(path.dropLast(ext.count)) + format.fileExtension
        }
        return path
    }

    mutating func handleWelcome(_ key: Key) -> Command {
        switch key {
        case .enter, .character(" "):
            page = step(beforeStart: ())
        case .character("q"), .escape:
            overlay = .confirmQuit
        case .function(1), .character("?"):
            openHelp()
        case .character("l"), .character("L"):
            switchLanguage()
        case .character("o") where !isKiosk:
            if canOpenCases {
                effects.append(.loadCases)
                overlay = .cases(search: "", row: 0)
            } else {
                say(.casesNeedSaving, error: true)
            }
        default: break
        }
        return .none
    }

    /// Adds the trips in a CSV file's text to the list question `id`: all of them, or none
    /// when any row is wrong (the message names its line).
    public mutating func importTrips(_ text: String, into id: String) {
        guard let q = flows.questions[id], q.kind == .dateRanges else { return }
        var f = field(id)
        switch TripsCSV.merge(text, into: f.ranges, for: q, today: today) {
        case .success(let result):
            f.ranges = result.ranges
            f.row = f.ranges.count + 1
            fields[id] = f
            setMessage(TripsCSV.addedMessage(result.added, total: f.ranges.count, language: language))
        case .failure(let failure):
            setMessage(TUIStrings.text(.importNothingAdded, language) + failure.description(in: language), error: true)
        }
    }

    func step(beforeStart: Void) -> Page {
        let a = assessment
        if let first = a.path.first { return .question(first) }
        if let next = a.next { return .question(next.id) }
        return a.outcome != nil ? .outcome : .welcome
    }

    mutating func goBack(from id: String) {
        setMessage(nil)
        if changingFromReview {
            // Backing out of a change made from the review returns there, the earlier answer unchanged.
            changingFromReview = false
            reviewRow = assessment.path.firstIndex(of: id) ?? reviewRow
            page = .review
            return
        }
        if let previous = step(before: id) { page = previous } else { page = .welcome }
    }

    mutating func handleQuestion(_ id: String, _ key: Key) -> Command {
        guard let q = flows.questions[id] else { page = .welcome; return .none }
        var f = field(id)
        // While "delete this trip?" is asked, the next key only answers it.
        if q.kind == .dateRanges, f.pendingDelete != nil {
            handleRanges(q, &f, key)
            fields[id] = f
            return .none
        }
        let typing = FieldState.isTyping(q.kind, f)
        // Keys that mean the same on every question.
        switch key {
        case .function(1): openHelp(); return .none
        case .character("?") where !typing: openHelp(); return .none
        // Adviser note: Ctrl-N or F2 anywhere; `n` where it is not an answer key.
        case .ctrl("n") where !isKiosk, .function(2) where !isKiosk:
            overlay = .note(question: id, text: notes[id] ?? ""); return .none
        case .character("n") where !isKiosk && ([.choice, .multiChoice].contains(q.kind) || (q.kind == .dateRanges && !typing)):
            overlay = .note(question: id, text: notes[id] ?? ""); return .none
        case .ctrl("r"): openReview(); return .none
        case .character("r") where !typing && !isTextEntry(q.kind): openReview(); return .none
        case .escape where f.edit == nil:
            fields[id] = f
            goBack(from: id)
            return .none
        default: break
        }
        let before = f
        switch q.kind {
        case .yesNo, .choice:
            let count = q.kind == .yesNo ? 2 : q.options.count
            switch key {
            // The first arrow press chooses the first (or, going up, the last) option.
            case .up: f.cursor = f.picked ? (f.cursor + count - 1) % count : count - 1; f.picked = true
            case .down, .tab: f.cursor = f.picked ? (f.cursor + 1) % count : 0; f.picked = true
            case .character("y") where q.kind == .yesNo: f.cursor = 0; f.picked = true
            case .character("n") where q.kind == .yesNo: f.cursor = 1; f.picked = true
            case .character(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= count { f.cursor = n - 1; f.picked = true }
            case .character("b"): fields[id] = f; goBack(from: id); return .none
            case .enter, .character(" "):
                fields[id] = f
                guard f.picked else { say(.chooseAnswer, error: true); return .none }
                confirm(q, q.kind == .yesNo ? .bool(f.cursor == 0) : .option(q.options[f.cursor].id))
                return .none
            default: break
            }
        case .multiChoice:
            let count = q.options.count + (FieldState.hasNoneRow(q) ? 1 : 0)
            switch key {
            case .up: f.cursor = (f.cursor + count - 1) % count
            case .down, .tab: f.cursor = (f.cursor + 1) % count
            case .character(" "), .character("x"):
                toggle(f.cursor, of: q, in: &f)
            case .character(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= count {
                    f.cursor = n - 1
                    toggle(n - 1, of: q, in: &f)
                }
            case .character("b"): fields[id] = f; goBack(from: id); return .none
            case .enter:
                fields[id] = f
                let ids = q.options.indices.filter { f.toggled.contains($0) }.map { q.options[$0].id }
                if ids.isEmpty && FieldState.hasNoneRow(q) && !f.noneTicked {
                    setMessage(problem(TypedInput.sentence("tick at least one, or “None of these”")), error: true)
                    return .none
                }
                if let p = AnswerParser.choiceProblem(ids, for: q) {
                    setMessage(problem(TypedInput.sentence(p)), error: true)
                    return .none
                }
                confirm(q, .options(ids))
                return .none
            default: break
            }
        case .date, .number, .money, .text:
            switch key {
            // Backspace only ever deletes: holding it down must not leave the question.
            case .backspace, .delete: f.text = String(f.text.dropLast())
            case .ctrl("u"): f.text = ""
            case .character(let c) where !c.isNewline:
                if q.kind == .date {
                    guard f.text.count < InterviewModel.dateFieldLength else { break }
                    guard let typed = typeDateKey(c, after: f.text) else { fields[id] = f; return .none }
                    f.text = typed
                } else {
                    guard f.text.count < (q.maxLength ?? 200) else { break }
                    f.text.append(c)
                }
            case .enter:
                fields[id] = f
                submitTyped(q, f.text)
                return .none
            default: break
            }
            if f.text != before.text {
                if q.kind == .date { setMessage(liveDateProblem(f.text, q), error: true) } else { setMessage(nil) }
            }
        case .dateRanges:
            handleRanges(q, &f, key)
            // Once the list is confirmed the field is dropped, so coming back shows the answer afresh.
            if page == .question(id) { fields[id] = f }
            return .none
        }
        fields[id] = f
        return .none
    }

    func isTextEntry(_ kind: QuestionKind) -> Bool { kind == .text }

    /// Room for `30 September 2025`.
    static let dateFieldLength = 20

    /// Adds a typed character to a date field. Typing digits only gives DD/MM/YYYY, the `/`
    /// put in after a complete day or month (`09042025` → `09/04/2025`). A `-`, a space or a
    /// letter means another way of writing the date (`2025-04-09`, `9 April 2025`): the `/`
    /// put in for the person are taken out again, so what shows is what they typed.
    static func typeDate(_ c: Character, after text: String) -> String {
        // "20/20" then "-" was the start of 2020-…, not a day and a month.
        if c == "-", text.count == 5, text.filter({ $0 == "/" }).count == 1, text.split(separator: "/").allSatisfy({ $0.count == 2 }) {
            return text.filter { $0 != "/" } + "-"
        }
        if text.contains(where: { $0 == "-" || $0 == " " || $0.isLetter }) || c == " " || c == "-" || c.isLetter {
            return text + String(c)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if c.isASCII, c.isNumber, parts.count < 3, parts.last?.count == 2 { return text + "/" + String(c) }
        if c == "/", text.isEmpty || text.hasSuffix("/") { return text }
        return text + String(c)
    }

    /// A typed key in a date field, or nil (with a message) when it can never be part of a date:
    /// a letter that does not spell a month, a symbol. Digits are always taken, with a message
    /// while the date is not yet right.
    mutating func typeDateKey(_ c: Character, after text: String) -> String? {
        let next = InterviewModel.typeDate(c, after: text)
        let separator = c == "/" || c == "-" || c == "." || c == " " || c == ","
        if !(c.isASCII && c.isNumber), !separator, let p = TypedInput.partialDateProblem(next) {
            setMessage(problem(p), error: true)
            return nil
        }
        return next
    }

    /// Ticks or unticks row `row` of a multiple choice question. "None of these" stands alone:
    /// ticking it clears the others, ticking another clears it (as GOV.UK forms do), and the
    /// message says so.
    mutating func toggle(_ row: Int, of q: Question, in f: inout FieldState) {
        if row >= q.options.count {
            f.noneTicked.toggle()
            if f.noneTicked && !f.toggled.isEmpty { f.toggled = []; say(.noneClearsOthers) }
            return
        }
        if f.toggled.contains(row) { f.toggled.remove(row); return }
        f.toggled.insert(row)
        if q.options[row].isExclusive {
            if f.toggled.count > 1 { f.toggled = [row]; say(.noneClearsOthers) }
        } else {
            let exclusive = Set(q.options.indices.filter { q.options[$0].isExclusive })
            if !f.toggled.isDisjoint(with: exclusive) || f.noneTicked { say(.othersClearNone) }
            f.toggled.subtract(exclusive)
            f.noneTicked = false
        }
    }

    /// Keys that leave the message in place: those that only look (help) or change nothing.
    func keepsMessage(_ key: Key) -> Bool {
        if case .function(1) = key { return true }
        return false
    }

    /// Pasted text: typed into the field being edited (date, number, amount, text, a trip's
    /// dates, a note, a file name, a case label or the case-list search), with line breaks dropped. Anywhere else nothing happens
    /// but a message, so a paste can never choose, confirm or move.
    mutating func handlePaste(_ raw: String) {
        let text = raw.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
        switch overlay {
        case .note(let question, let current)?:
            overlay = .note(question: question, text: String((current + text).prefix(500)))
            return
        case .export(let format, let path)?:
            overlay = .export(format, path: path + text)
            return
        case .label(let current)?:
            overlay = .label(text: String((current + text).prefix(60)))
            return
        case .importFile(let question, let path)?:
            overlay = .importFile(question: question, path: String((path + text).prefix(1000)))
            return
        case .cases(let search, _)?:
            overlay = .cases(search: String((search + text).prefix(60)), row: 0)
            return
        case .some:
            return
        case nil: break
        }
        guard case .question(let id) = page, let q = flows.questions[id] else { say(.pasteOnlyInFields, error: true); return }
        var f = field(id)
        // A date is one line: of a pasted block, the first line with something on it.
        let firstLine = raw.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.first { !$0.isEmpty } ?? ""
        switch q.kind {
        case .date:
            f.text = pasteDate(firstLine, into: f.text)
            setMessage(liveDateProblem(f.text, q), error: true)
        case .number, .money, .text:
            f.text = String((f.text + text).prefix(q.kind == .text ? (q.maxLength ?? 200) : 40))
            setMessage(nil)
        case .dateRanges:
            guard var edit = f.edit else { say(.pasteOnlyInFields, error: true); return }
            if edit.onTo { edit.to = pasteDate(firstLine, into: edit.to) } else { edit.from = pasteDate(firstLine, into: edit.from) }
            f.edit = edit
            var dateQ = q
            dateQ.kind = .date
            setMessage(liveDateProblem(edit.onTo ? edit.to : edit.from, dateQ), error: true)
        case .yesNo, .choice, .multiChoice:
            say(.pasteOnlyInFields, error: true)
            return
        }
        fields[id] = f
    }

    /// A pasted date goes in as if typed (so `09042015` shows as 09/04/2015), leaving out
    /// what could never be part of a date, up to the field's length.
    func pasteDate(_ text: String, into current: String) -> String {
        var out = current
        for c in text where out.count < InterviewModel.dateFieldLength {
            let next = InterviewModel.typeDate(c, after: out)
            let separator = c == "/" || c == "-" || c == "." || c == " " || c == ","
            if !(c.isASCII && c.isNumber), !separator, TypedInput.partialDateProblem(next) != nil { continue }
            out = next
        }
        return out
    }

    /// What is wrong with the date typed so far: a wrong character or part as soon as it is
    /// typed, and once the date is complete, whether it exists and is allowed (past, future).
    func liveDateProblem(_ text: String, _ q: Question) -> String? {
        if let problem = TypedInput.partialDateProblem(text) { return self.problem(problem) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4 else { return nil }
        if case .failure(let p) = TypedInput.date(text, for: q, today: today) { return problem(p.message) }
        return nil
    }

    mutating func submitTyped(_ q: Question, _ text: String) {
        let result: Result<Value, AnswerProblem>
        switch q.kind {
        case .date: result = TypedInput.date(text, for: q, today: today).map(Value.date)
        case .number: result = TypedInput.number(text, for: q, today: today).map(Value.number)
        case .money: result = TypedInput.money(text, for: q, today: today).map(Value.money)
        default: result = TypedInput.text(text, for: q, today: today).map(Value.text)
        }
        switch result {
        case .success(let v): confirm(q, v)
        case .failure(let p): setMessage(problem(p.message), error: true)
        }
    }

    /// Records an answer and moves on. Later answers stay: the engine reads only those still on
    /// the path, so changing an answer drops exactly the ones that no longer apply.
    mutating func confirm(_ q: Question, _ value: Value) {
        answers[q.id] = value
        fields[q.id] = nil
        effects.append(.saveAnswer(q.id))
        setMessage(nil)
        if changingFromReview {
            let a = assessment
            if let next = a.next {
                // The change opened a question not answered before: ask it, then come back.
                page = .question(next.id)
            } else {
                changingFromReview = false
                returnPage = a.outcome != nil ? .outcome : .welcome
                reviewRow = a.path.firstIndex(of: q.id) ?? 0
                page = .review
                outcomeItem = 0
                outcomeScroll = 0
            }
            return
        }
        page = step(after: q.id)
        if page == .outcome { outcomeItem = 0; outcomeScroll = 0 }
    }

    mutating func handleRanges(_ q: Question, _ f: inout FieldState, _ key: Key) {
        if var edit = f.edit {
            switch key {
            case .escape: f.edit = nil; setMessage(nil); return
            case .tab, .backTab, .up, .down: edit.onTo.toggle()
            case .backspace, .delete:
                if edit.onTo { edit.to = String(edit.to.dropLast()) } else { edit.from = String(edit.from.dropLast()) }
            case .character(let c) where !c.isNewline:
                let current = edit.onTo ? edit.to : edit.from
                guard current.count < InterviewModel.dateFieldLength else { break }
                guard let typed = typeDateKey(c, after: current) else { return }
                if edit.onTo { edit.to = typed } else { edit.from = typed }
                var dateQ = q
                dateQ.kind = .date
                setMessage(liveDateProblem(edit.onTo ? edit.to : edit.from, dateQ), error: true)
            case .enter:
                if !edit.onTo { edit.onTo = true; f.edit = edit; setMessage(nil); return }
                var dateQ = q
                dateQ.kind = .date
                switch (TypedInput.date(edit.from, for: dateQ, today: today), TypedInput.date(edit.to, for: dateQ, today: today)) {
                case (.failure(let p), _): edit.onTo = false; setMessage(TUIStrings.text(.dateYouLeft, language) + problem(p.message), error: true)
                case (_, .failure(let p)): setMessage(TUIStrings.text(.dateYouCameBack, language) + problem(p.message), error: true)
                case (.success(let from), .success(let to)):
                    var updated = f.ranges
                    let range = DateRange(from: from, to: to)
                    if let i = edit.index { updated[i] = range } else { updated.append(range) }
                    updated.sort { $0.from < $1.from }
                    if let problem = rangeProblem(updated, q, editing: range) {
                        setMessage(problem, error: true)
                    } else {
                        f.ranges = updated
                        f.row = updated.firstIndex(of: range) ?? 0
                        f.edit = nil
                        setMessage(nil)
                        return
                    }
                }
            default: break
            }
            f.edit = edit
            return
        }
        if let pending = f.pendingDelete {
            // `d` asked first: only y deletes; any other key keeps the trip.
            f.pendingDelete = nil
            if key == .character("y") || key == .character("Y"), pending < f.ranges.count {
                f.ranges.remove(at: pending)
                f.row = min(f.row, f.ranges.count)
            }
            return
        }
        let rows = f.ranges.count + 2
        switch key {
        case .up: f.row = (f.row + rows - 1) % rows
        case .down, .tab: f.row = (f.row + 1) % rows
        case .character("a"), .insert: f.edit = FieldState.RangeEdit(); setMessage(nil)
        case .character("i") where !isKiosk:
            overlay = .importFile(question: q.id, path: "")
            setMessage(nil)
        case .character("d"), .delete:
            if f.row < f.ranges.count { f.pendingDelete = f.row }
        case .character("b"):
            fields[q.id] = f
            goBack(from: q.id)
        case .character("c"): finishRanges(q, f)
        case .enter:
            if f.row < f.ranges.count {
                let r = f.ranges[f.row]
                f.edit = FieldState.RangeEdit(index: f.row, from: r.from.uk, to: r.to.uk, onTo: false)
            } else if f.row == f.ranges.count {
                f.edit = FieldState.RangeEdit()
            } else {
                finishRanges(q, f)
            }
        default: break
        }
    }

    /// What is wrong with a list of ranges, naming each range by its dates (the person sees
    /// dates, not positions in a list that may be scrolled away). nil when the list is fine.
    func rangeProblem(_ ranges: [DateRange], _ q: Question, editing: DateRange? = nil) -> String? {
        guard let engine = TypedInput.ranges(ranges, for: q, today: today) else { return nil }
        func t(_ key: TUIText, _ r: DateRange) -> String {
            TUIStrings.text(key, language).replacingOccurrences(of: "{0}", with: r.from.uk).replacingOccurrences(of: "{1}", with: r.to.uk)
        }
        for p in Calculations.validate(ranges) {
            switch p {
            case .returnBeforeDeparture(let i):
                return editing == ranges[i] ? TUIStrings.text(.rangeReturnsBefore, language) : t(.rangeReturnsBefore, ranges[i])
            case .overlap(let a, let b):
                return t(.rangeOverlaps, ranges[a] == editing ? ranges[b] : ranges[a])
            case .tooMany:
                // The engine's words: the list is too long to check at all.
                return problem(engine.message)
            }
        }
        for r in ranges {
            if q.mustBePast && r.to > today { return t(.rangeInFuture, r) }
            if r.from.year < 1900 { return t(.rangeTooOld, r) }
        }
        return problem(engine.message)
    }

    mutating func finishRanges(_ q: Question, _ f: FieldState) {
        if let problem = rangeProblem(f.ranges, q) {
            setMessage(problem, error: true)
        } else {
            confirm(q, .ranges(f.ranges))
        }
    }

    mutating func openReview() {
        guard !assessment.path.isEmpty else { say(.nothingAnswered); return }
        if page != .review { returnPage = page }
        changingFromReview = false
        let path = assessment.path
        if case .question(let id) = page, let i = path.firstIndex(of: id) { reviewRow = i } else { reviewRow = path.count - 1 }
        page = .review
        setMessage(nil)
    }

    mutating func handleReview(_ key: Key) {
        let path = assessment.path
        guard !path.isEmpty else { page = returnPage; return }
        switch key {
        case .up: reviewRow = max(0, reviewRow - 1)
        case .down, .tab: reviewRow = min(path.count - 1, reviewRow + 1)
        case .pageUp: reviewRow = max(0, reviewRow - InterviewView.reviewListRows(viewSize))
        case .pageDown: reviewRow = min(path.count - 1, reviewRow + InterviewView.reviewListRows(viewSize))
        case .home: reviewRow = 0
        case .end: reviewRow = path.count - 1
        case .enter:
            let id = path[min(reviewRow, path.count - 1)]
            fields[id] = nil
            changingFromReview = true
            page = .question(id)
        case .escape, .character("r"), .character("q"), .ctrl("r"), .character("b"): page = resumePage()
        case .ctrl("n") where !isKiosk, .function(2) where !isKiosk: openCaseNote()
        case .function(1), .character("?"): openHelp()
        default: break
        }
    }

    /// Where leaving the review goes: the page it was opened from while that page still
    /// follows from the answers, else the first unanswered question or the result.
    func resumePage() -> Page {
        let a = assessment
        switch returnPage {
        case .question(let id) where a.path.contains(id) || a.next?.id == id: return returnPage
        case .outcome where a.outcome != nil: return .outcome
        case .welcome: return .welcome
        default:
            if let next = a.next { return .question(next.id) }
            return a.outcome != nil ? .outcome : .welcome
        }
    }

    /// The outcome body as laid out for the last known window size, and how many lines show.
    func outcomeLines() -> (lines: [OutcomeLayout.Line], height: Int) {
        guard let o = assessment.outcome else { return ([], 1) }
        let width = max(1, InterviewView.bodyRect(viewSize).cols)
        let g = InterviewView.outcomeBody(viewSize, headerRows: OutcomeLayout.header(o, width: width, language: language).count)
        return (OutcomeLayout.body(o, ticks: ticks, selected: outcomeItem, width: g.cols, language: language), g.rows)
    }

    func outcomeMaxScroll() -> Int {
        let (lines, height) = outcomeLines()
        return max(0, lines.count - height)
    }

    func outcomeItemVisible() -> Bool {
        let (lines, height) = outcomeLines()
        guard let first = lines.firstIndex(where: { $0.item == outcomeItem }) else { return true }
        return first >= outcomeScroll && first < outcomeScroll + height
    }

    /// Scrolls just enough to show the whole of the chosen checklist item.
    mutating func revealOutcomeItem() {
        let (lines, height) = outcomeLines()
        guard let first = lines.firstIndex(where: { $0.item == outcomeItem }),
              let last = lines.lastIndex(where: { $0.item == outcomeItem }) else { return }
        if last >= outcomeScroll + height { outcomeScroll = last - height + 1 }
        if first < outcomeScroll { outcomeScroll = first }
        outcomeScroll = max(0, min(outcomeScroll, max(0, lines.count - height)))
    }

    /// Pages the outcome, and moves the choice to an item in view so that Space ticks what is shown.
    mutating func pageOutcome(down: Bool) {
        let (lines, height) = outcomeLines()
        let step = max(1, height - 1)
        let maxTop = max(0, lines.count - height)
        outcomeScroll = down ? min(maxTop, outcomeScroll + step) : max(0, outcomeScroll - step)
        let visible = outcomeScroll..<(outcomeScroll + height)
        let shown = lines[max(0, min(lines.count, visible.lowerBound))..<min(lines.count, visible.upperBound)].compactMap(\.item)
        if let first = shown.first, let last = shown.last, !shown.contains(outcomeItem) {
            outcomeItem = down ? first : last
        }
    }

    mutating func handleOutcome(_ key: Key) -> Command {
        let items = assessment.outcome?.checklist ?? []
        switch key {
        // The first arrow press only brings an out-of-view choice into view, so a person never
        // moves a highlight they cannot see.
        case .up:
            if outcomeItemVisible() { outcomeItem = max(0, outcomeItem - 1) }
            revealOutcomeItem()
        case .down, .tab:
            if outcomeItemVisible() { outcomeItem = min(max(0, items.count - 1), outcomeItem + 1) }
            revealOutcomeItem()
        case .pageUp: pageOutcome(down: false)
        case .pageDown: pageOutcome(down: true)
        case .home: outcomeItem = 0; outcomeScroll = 0
        case .end: outcomeItem = max(0, items.count - 1); outcomeScroll = outcomeMaxScroll()
        case .character(" "), .character("x"):
            if outcomeItem < items.count {
                revealOutcomeItem()
                let id = items[outcomeItem].id
                if ticks.contains(id) { ticks.remove(id) } else { ticks.insert(id) }
            }
        case .character("e"):
            if canExport { overlay = .export(.markdown, path: defaultExportName(.markdown)) } else { say(takeAwayText, error: true) }
        case .character("p"):
            if canPrint { effects.append(.print) } else { say(takeAwayText, error: true) }
        case .character("P") where isKiosk && canPrint: effects.append(.printWithAnswers)
        case .character("n"): startNewCase()
        case .ctrl("n") where !isKiosk, .function(2) where !isKiosk: openCaseNote()
        case .character("r"), .ctrl("r"): openReview()
        case .escape, .character("b"):
            if let last = assessment.path.last { page = .question(last) }
        case .character("q"): overlay = .confirmQuit
        case .function(1), .character("?"): openHelp()
        default: break
        }
        return .none
    }

    /// The note on the whole case (not on one question), from the result and review screens.
    mutating func openCaseNote() {
        overlay = .note(question: FileNote.caseNoteKey, text: notes[FileNote.caseNoteKey] ?? "")
    }

    /// What to say when a way of taking the result away is missing: the other way if there is
    /// one, else what the person can do instead.
    var takeAwayText: TUIText {
        if canExport { return .useExportInstead }
        if canPrint { return .usePrintInstead }
        return .noTakeAway
    }

    /// Forgets the case: answers, fields, ticks. The host wipes any saved copy it was told to keep.
    public mutating func startNewCase() {
        answers = [:]
        notes = [:]
        caseReference = nil
        caseLabel = nil
        fields = [:]
        ticks = []
        outcomeItem = 0
        outcomeScroll = 0
        reviewRow = 0
        changingFromReview = false
        overlay = nil
        setMessage(nil)
        page = .welcome
        effects.append(.newCase)
    }
}
