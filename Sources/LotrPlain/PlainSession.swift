import LotrEngine
import LotrFlow

/// The plain line mode: the same flows and engine as the full-screen mode, asked one question
/// at a time as plain lines, for screen readers, braille displays and scripts. No cursor
/// movement, colour or box drawing; every prompt ends by saying what to type.
///
/// All state is here and all I/O goes through `input` and `output`, so a test can drive a
/// whole interview from a script of lines and read the transcript.
public struct PlainSession {
    public let flows: FlowSet
    public let today: CivilDate
    public let language: String
    let input: LineReader
    let output: LineWriter

    /// Every answer given, keyed by question id. Answers that a later change took off the path
    /// are kept (the engine does not read them), so changing an answer back restores them.
    public private(set) var answers: Answers

    /// The stage last announced, so that the stage is named only when it changes.
    var announcedStage: Stage?

    /// Keeps the case on disk and writes files; nil for a session that only talks.
    let keeper: PlainCaseKeeper?
    /// Checklist items the person has ticked as gathered.
    public internal(set) var ticks: Set<String> = []
    /// Notes by question id.
    public internal(set) var notes: [String: String] = [:]
    /// Lines said after the introduction (a resumed case announces itself).
    var announcement: [String] = []

    public init(flows: FlowSet, today: CivilDate, language: String = "en",
                input: LineReader, output: LineWriter, answers: Answers = [:],
                keeper: PlainCaseKeeper? = nil, resume: PlainResume? = nil) {
        self.flows = flows
        self.today = today
        self.language = language
        self.input = input
        self.output = output
        self.answers = answers
        self.keeper = keeper
        if let resume {
            self.answers = resume.answers
            self.ticks = resume.ticks
            self.notes = resume.notes
            self.announcement = resume.announcement
        }
    }

    /// Why the interview stopped before the flows did.
    enum Stop: Error { case endOfInput, quit }

    /// What the person did at a question.
    enum Step {
        case answered(Value)
        case back
        case review
    }

    /// Asks questions until input ends or the person quits.
    public mutating func run() -> PlainExit {
        say(t(.intro))
        say(t(.introCommands))
        say(t(.introLists))
        say(t(.introAnswers))
        if keeper != nil { say(t(.introCase)) }
        announcement.forEach(say)
        do {
            return try interview()
        } catch Stop.endOfInput {
            output.endOfInput()
            return finish(.endedIncomplete)
        } catch {
            return finish(.stoppedIncomplete)
        }
    }

    func finish(_ reason: PlainText) -> PlainExit {
        if assess().isComplete { return .outcome }
        say(t(reason))
        return .incomplete
    }

    func assess() -> Assessment {
        Engine.assess(flows, answers: answers, today: today, language: language)
    }

    // MARK: The interview

    mutating func interview() throws -> PlainExit {
        // A question revisited with `back` or from the review, or nil for the first unanswered one.
        var focus: String?
        // After a change made from the review, carry on where the person was rather than
        // stepping through every later answer again.
        var returnAfterChange = false
        while true {
            let assessment = assess()
            if let id = focus ?? assessment.next?.id, let q = flows.questions[id] {
                let number = (assessment.path.firstIndex(of: id) ?? assessment.path.count) + 1
                let previous = answers[id]
                switch try ask(q, number: number, current: previous) {
                case .answered(let value):
                    answers[id] = value
                    record(id, value)
                    if returnAfterChange {
                        say(t(value == previous ? .answerKept : .answerChanged))
                        focus = nil
                        returnAfterChange = false
                    } else if focus != nil {
                        // Stepping forward after `back`: the next question on the (possibly new)
                        // path, shown with its answer if it has one.
                        let path = assess().path
                        if let i = path.firstIndex(of: id), i + 1 < path.count { focus = path[i + 1] } else { focus = nil }
                    }
                case .back:
                    let index = focus.flatMap { assessment.path.firstIndex(of: $0) } ?? assessment.path.count
                    if index == 0 {
                        say(t(.firstQuestion))
                    } else {
                        focus = assessment.path[index - 1]
                        returnAfterChange = false
                    }
                case .review:
                    if let chosen = try review(assessment.path) {
                        focus = chosen
                        returnAfterChange = true
                    }
                }
            } else if assessment.outcome != nil {
                showOutcome(assessment)
                switch try afterOutcome(assessment) {
                case .restart:
                    answers = [:]
                    ticks = []
                    notes = [:]
                    keeper?.startNewCase()
                    announcedStage = nil
                    focus = nil
                    say("")
                    say(t(.startingAgain))
                case .change(let id, let fromReview):
                    focus = id
                    returnAfterChange = fromReview
                }
            } else {
                say(t(.flowsBroken))
                return .flowsBroken
            }
        }
    }

    enum AfterOutcome {
        case restart
        case change(String, fromReview: Bool)
    }

    mutating func afterOutcome(_ assessment: Assessment) throws -> AfterOutcome {
        while true {
            output.prompt(t(.afterOutcomePrompt))
            let line = try read()
            let typed = normalized(line)
            if PlainCommand.new.matches(typed) {
                return .restart
            } else if PlainCommand.quit.matches(typed) {
                throw Stop.quit
            } else if PlainCommand.back.matches(typed) {
                if let last = assessment.path.last { return .change(last, fromReview: false) }
                say(t(.noAnswersToGoBack))
            } else if PlainCommand.review.matches(typed) {
                if let chosen = try review(assessment.path) { return .change(chosen, fromReview: true) }
            } else if PlainCommand.help.matches(typed) {
                say(t(.afterOutcomeHelp))
            } else if try caseCommand(typed, raw: line, checklist: assessment.outcome?.checklist ?? []) {
                continue
            } else {
                say(t(.afterOutcomeRetry))
            }
        }
    }

    func showOutcome(_ assessment: Assessment) {
        say("")
        say(t(.result))
        say("")
        let text = Report(flows: flows, assessment: assessment, answers: answers, language: language)
            .text(spoken: true, ticks: ticks)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for line in lines { say(line) }
        say("")
    }

    // MARK: Asking one question

    enum Input {
        case step(Step)
        case line(String)
    }

    /// Prompts once and reads a line; the words every prompt understands (help, back, review,
    /// quit) are handled here, so each kind of question only deals with its own answers.
    mutating func promptForLine(_ prompt: String, _ q: Question) throws -> Input {
        while true {
            output.prompt(prompt)
            let line = try read()
            switch command(line) {
            case .help?: showHelp(q)
            case .back?: return .step(.back)
            case .review?: return .step(.review)
            case .quit?: throw Stop.quit
            case nil:
                if q.kind != .text, try caseCommand(normalized(line), raw: line, checklist: [], question: q.id) { continue }
                return .line(line)
            }
        }
    }

    mutating func ask(_ q: Question, number: Int, current: Value?) throws -> Step {
        if q.stage != announcedStage {
            announcedStage = q.stage
            say("")
            say(stageHeading(q.stage))
        }
        say("")
        say(t(.questionLine, number, q.text.text(language)))
        if q.kind == .choice || q.kind == .multiChoice {
            for (i, option) in q.options.enumerated() { say(t(.listItem, i + 1, option.text.text(language))) }
        }
        if let note = notes[q.id] { say(t(.noteIs, note)) }
        // A list is read out in full by its own dialogue.
        if let current, q.kind != .dateRanges { say(t(.yourAnswerWas, Format.value(current, question: q, language: language))) }
        if q.kind == .dateRanges { return try askRanges(q, current: current) }

        let prompt = instruction(for: q) + (current != nil ? t(.keepAnswer) : "") + t(.forHelp)
        while true {
            let line: String
            switch try promptForLine(prompt, q) {
            case .step(let step): return step
            case .line(let l): line = l
            }
            if let current, line.trimmingSpaces.isEmpty { return .answered(current) }
            switch parse(line, for: q) {
            case .success(let value): return .answered(value)
            case .failure(let problem): say(problem.message)
            }
        }
    }

    enum Command { case help, back, review, quit }

    /// The words every question accepts besides an answer. A text answer that is exactly one
    /// of these words cannot be given; none of them is a plausible answer.
    func command(_ line: String) -> Command? {
        let typed = normalized(line)
        if PlainCommand.help.matches(typed) { return .help }
        if PlainCommand.back.matches(typed) { return .back }
        if PlainCommand.review.matches(typed) { return .review }
        if PlainCommand.quit.matches(typed) { return .quit }
        return nil
    }

    func stageHeading(_ stage: Stage) -> String {
        let stages = flows.stages.map(\.stage).sorted()
        let title = flows.stageFlow(stage)?.title.text(language) ?? stage.displayName
        guard let i = stages.firstIndex(of: stage) else { return t(.stageOnly, title) }
        return t(.stageHeading, i + 1, stages.count, title)
    }

    func showHelp(_ q: Question) {
        var shown = false
        if let help = q.help?.text(language), !help.isEmpty {
            say(t(.helpLine, help))
            shown = true
        }
        if let why = q.why?.text(language), !why.isEmpty {
            say(t(.whyLine, why))
            shown = true
        }
        let optionHelp = q.options.enumerated().compactMap { i, o in
            o.help.map { t(.optionHelp, i + 1, o.text.text(language), $0.text(language)) }
        }
        if !optionHelp.isEmpty {
            say(t(.aboutOptions))
            optionHelp.forEach(say)
            shown = true
        }
        let terms = q.terms.compactMap { flows.glossary[$0] }
        if !terms.isEmpty {
            say(t(.wordsUsed))
            for term in terms { say(t(.glossaryLine, term.term.text(language), term.text.text(language))) }
            shown = true
        }
        if !shown { say(t(.noMoreHelp)) }
        say(t(.sourceLine, citation(q.source)))
        if q.kind == .dateRanges { say(rangeCommandsHelp(q)) }
        say(t(.alsoType))
    }

    // MARK: Review

    /// Lists every answer on the path in order; returns the question the person chose to change.
    func review(_ path: [String]) throws -> String? {
        let answered = path.compactMap { id in flows.questions[id].flatMap { q in answers[id].map { (q, $0) } } }
        say("")
        guard !answered.isEmpty else {
            say(t(.noAnswersYet))
            return nil
        }
        say(t(.answersSoFar))
        for (i, (q, value)) in answered.enumerated() {
            say(t(.reviewItem, i + 1, q.text.text(language), Format.value(value, question: q, language: language)))
            if let note = notes[q.id] { say("     " + t(.noteIs, note)) }
        }
        while true {
            output.prompt(t(.reviewPrompt))
            let typed = normalized(try read())
            if typed.isEmpty || PlainCommand.back.matches(typed) || PlainCommand.done.matches(typed) { return nil }
            if PlainCommand.quit.matches(typed) { throw Stop.quit }
            if let n = Int(typed), (1...answered.count).contains(n) { return answered[n - 1].0.id }
            say(answered.count == 1 ? t(.reviewOne) : t(.reviewMany, answered.count))
        }
    }

    // MARK: Input

    func read() throws -> String {
        guard let line = input.readLine() else { throw Stop.endOfInput }
        return line
    }

    func say(_ line: String) { output.write(line) }

    /// A command or a choice as typed: full-width characters folded, spaces trimmed, lower case.
    func normalized(_ line: String) -> String { line.foldingFullWidth.trimmingSpaces.lowercased() }

    /// One of the plain mode's own lines in the session's language.
    func t(_ key: PlainText, _ args: CustomStringConvertible...) -> String {
        PlainStrings.text(key, language, args.map(\.description))
    }

    /// Where a question's rule comes from. Titles and sections stay as the source writes them
    /// (a reader looks them up by those words); only the status note is translated.
    func citation(_ c: Citation) -> String {
        var s = c.section.isEmpty ? c.document.title : c.document.title + (language == "zh-Hant" ? "，" : ", ") + c.section
        if let v = c.document.version { s += language == "zh-Hant" ? "（\(v)）" : " (\(v))" }
        switch c.status {
        case .verified: break
        case .secondary: s += t(.secondarySource)
        case .unverified: s += t(.notVerified)
        }
        return s
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
