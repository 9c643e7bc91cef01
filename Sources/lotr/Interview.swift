import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow
import LotrPlain
import LotrStore
import LotrTUI

struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Ask the questions full-screen (the default when no subcommand is given).")

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: ArgumentHelp("Assess as if today were this date (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    @Option(help: "Language of the texts (en or zh-Hant); default from LC_ALL, LC_MESSAGES or LANG.")
    var lang: String?

    @Option(help: ArgumentHelp("Return to a saved session by its reference, e.g. K7M-42Q (see `lotr sessions list`).", valueName: "ref"))
    var resume: String?

    @Flag(help: "Do not save answers on this computer.")
    var noSave = false

    @Flag(help: "Ask one question per line, without full-screen drawing (screen readers, scripts). Chosen automatically when input or output is not a terminal, or TERM=dumb.")
    var plain = false

    @Flag(help: "Public kiosk: nothing personal is written to disk, idle sessions are wiped, only staff can exit (Ctrl-X, then LOTR_KIOSK_PIN).")
    var kiosk = false

    @Option(help: ArgumentHelp("Kiosk: seconds without a key press before asking whether the person is still there.", valueName: "n"))
    var idleSeconds: Int = 120

    @Option(help: ArgumentHelp("Kiosk: the only folder file notes may be saved to (none by default).", valueName: "dir"))
    var exportDir: String?

    var settings: InterviewSettings {
        InterviewSettings(flows: flowOptions.directory, today: today, lang: lang, resume: resume, noSave: noSave,
                          plain: plain, kiosk: kiosk, idleSeconds: idleSeconds, exportDir: exportDir)
    }

    func validate() throws {
        if let problem = settings.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try runInterview(settings)
    }
}

/// What an interview was asked for, however the command line was read.
struct InterviewSettings: Equatable {
    var flows: String?
    var today: String?
    var lang: String?
    var resume: String?
    var noSave = false
    var plain = false
    var kiosk = false
    var idleSeconds = 120
    var exportDir: String?

    /// Why these settings cannot run, in the words ArgumentParser shows under "Error:".
    var problem: String? {
        if idleSeconds < 5 { return "--idle-seconds must be at least 5" }
        if let l = lang, !LocalizedText.known.contains(l) { return "--lang must be one of: \(LocalizedText.known.joined(separator: ", "))" }
        if let raw = today, CivilDate(iso: raw) == nil { return "--today must be a real date written YYYY-MM-DD, not '\(raw)'" }
        if kiosk && resume != nil { return "--resume cannot be used with --kiosk: a kiosk keeps nothing" }
        if resume != nil && noSave { return "--resume needs saving on (drop --no-save)" }
        return nil
    }
}

func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

func runInterview(_ settings: InterviewSettings) throws {
    let day = try parseToday(settings.today)
    // getenv, not ProcessInfo: copying the whole environment into a dictionary costs time
    // before the first frame.
    let language = settings.lang ?? Strings.language(localeVariables: ["LC_ALL", "LC_MESSAGES", "LANG"].map(environmentValue))
    let flowsDirectory = FlowOptions.resolve(settings.flows)
    if !settings.kiosk && (settings.plain || plainModeIsPreferred(term: environmentValue("TERM"))) {
        let flows = try FlowOptions.load(flowsDirectory)
        let status = runPlainMode(flows: flows, today: day, language: language)
        if status != 0 { throw ExitCode(status) }
        return
    }
    let terminal: Terminal
    do {
        terminal = try Terminal.start()
    } catch {
        printError("lotr: cannot start the full-screen mode (\(error)). Use `lotr --plain` or `lotr decide`.")
        throw ExitCode(1)
    }
    defer { terminal.stop() }
    // Something to read at once; the flows load behind it.
    terminal.paint(SizeGuard.guarded(Splash.render, minimum: SizeGuard.minimum)(language, terminal.size))
    let loaded = FlowLoader.load(directory: flowsDirectory)
    guard let flows = loaded.flows else {
        terminal.stop()
        for d in loaded.errors { printError(d.description) }
        printError("lotr: the flows in \(flowsDirectory) have \(loaded.errors.count) error(s); run `lotr check \(flowsDirectory)` for details.")
        throw ExitCode(1)
    }
    // A kiosk never opens the session store: nothing personal may touch the disk.
    let keeper = settings.kiosk || settings.noSave ? nil : SessionKeeper(flowVersion: flows.version, language: language)
    let host = InterviewHost(flows: flows, kioskExportDir: settings.kiosk ? (settings.exportDir ?? "") : nil, keeper: keeper)
    var initial = InterviewModel(flows: flows, today: day, language: language)
    if let ref = settings.resume, let keeper {
        do {
            try keeper.resume(ref, into: &initial)
        } catch {
            terminal.stop()
            printError("lotr: cannot resume \(ref): \(error)")
            throw ExitCode(2)
        }
    }
    if settings.kiosk {
        Kiosk.hardenProcess()
        let pin = ProcessInfo.processInfo.environment["LOTR_KIOSK_PIN"]
        let model = KioskModel(interview: initial, settings: .init(idleSeconds: settings.idleSeconds, pin: pin))
        _ = runApp(on: terminal, initial: model, update: { model, event in
            var (next, command) = KioskModel.update(model, event)
            host.perform(&next.interview)
            return (next, command)
        }, view: KioskModel.render)
    } else {
        _ = runApp(on: terminal, initial: initial, update: { model, event in
            var (next, command) = InterviewModel.update(model, event)
            host.perform(&next)
            return (next, command)
        }, view: InterviewView.render)
    }
}

/// The first frame, drawn before the flows are read.
enum Splash {
    static func render(_ language: String, _ size: Size) -> Screen {
        var s = Screen(size: size)
        s.fill(Rect(row: 0, col: 0, rows: 1, cols: size.cols), style: Style(.title, reverse: true))
        s.write(" lotr", row: 0, col: 0, style: Style(.title, bold: true, reverse: true))
        let zh = language == "zh-Hant"
        let title = zh ? "找出適合你的英國申請，以及需要準備的證明文件" : "Which UK application fits you, and what evidence to gather"
        let width = max(1, size.cols - 4)
        // The title fits on one line on any screen big enough to use; wrapping is only for
        // narrower ones (and costs type look-ups the first frame need not wait for).
        if DisplayWidth.of(title) <= width {
            s.write(title, row: 3, col: 2, style: Style(.title, bold: true))
        } else {
            s.writeWrapped(title, in: Rect(row: 3, col: 2, rows: 2, cols: width), style: Style(.title, bold: true))
        }
        s.write(zh ? "載入中……" : "Loading…", row: 6, col: 2, style: .dim)
        return s
    }
}

enum Kiosk {
    /// No core dumps (they would hold answers) and no job-control stops.
    static func hardenProcess() {
        var limit = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
        signal(SIGTSTP, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
    }
}

/// Carries out what the model asks for (files, printing), then reports back in the model's
/// message line. Nothing here prints to the terminal while curses owns it.
final class InterviewHost {
    let flows: FlowSet
    /// In kiosk mode, the only folder exports may go to ("" when exports are off).
    let kioskExportDir: String?

    let keeper: SessionKeeper?

    init(flows: FlowSet, kioskExportDir: String? = nil, keeper: SessionKeeper? = nil) {
        self.flows = flows
        self.kioskExportDir = kioskExportDir
        self.keeper = keeper
    }

    func fileNote(_ model: InterviewModel) -> FileNote {
        FileNote(flows: flows, reference: model.caseReference ?? "not saved", today: model.today, answers: model.answers,
                 notes: model.notes, ticks: model.ticks, language: model.language)
    }

    /// Where an export may really be written: anywhere normally; on a kiosk only inside the
    /// operator's folder, by file name alone.
    func exportPath(_ requested: String) -> Result<String, AnswerProblem> {
        guard let dir = kioskExportDir else { return .success(requested) }
        guard !dir.isEmpty else { return .failure(AnswerProblem("Saving files is turned off on this computer. Press p to print the checklist.")) }
        let name = URL(fileURLWithPath: requested).lastPathComponent
        guard !name.isEmpty, !name.hasPrefix(".") else { return .failure(AnswerProblem("Type a file name.")) }
        return .success(URL(fileURLWithPath: dir).appendingPathComponent(name).path)
    }

    func perform(_ model: inout InterviewModel) {
        keeper?.syncTicks(model)
        for effect in model.effects {
            switch effect {
            case .saveAnswer(let id): keeper?.save(id, in: &model)
            case .saveNote(let id): keeper?.saveNote(id, in: &model)
            case .newCase: keeper?.startNewCase()
            case .export(let format, let requested):
                let path: String
                switch exportPath(requested) {
                case .success(let p): path = p
                case .failure(let why):
                    model.message = why.message
                    model.messageIsError = true
                    continue
                }
                let note = fileNote(model)
                let text: String
                switch format {
                case .markdown: text = note.markdown()
                case .text: text = note.text()
                case .json: text = note.json().serialized() + "\n"
                }
                do {
                    try ExportFile.write(text, to: path)
                    model.message = TUIStrings.text(.savedFileNote, model.language, path)
                    model.messageIsError = false
                } catch {
                    model.message = TUIStrings.text(.couldNotSave, model.language, path, "\(error)")
                    model.messageIsError = true
                }
            case .print:
                // A kiosk prints only the result and checklist to take away; a desk prints the file note.
                let text = kioskExportDir != nil
                    ? Report(flows: flows, assessment: model.assessment, answers: model.answers, language: model.language).text()
                    : fileNote(model).text()
                (model.message, model.messageIsError) = Printer.print(text)
            }
        }
        model.effects = []
    }
}

enum Printer {
    /// Sends plain text to `lp` when the machine has it; says so plainly when it does not.
    static func print(_ text: String) -> (String, Bool) {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let lp = paths.map({ "\($0)/lp" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return ("No printer command (lp) on this computer. Use e to save a file note instead.", true)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: lp)
        let pipe = Pipe()
        p.standardInput = pipe
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try p.run()
            pipe.fileHandleForWriting.write(Data(text.utf8))
            try pipe.fileHandleForWriting.close()
            p.waitUntilExit()
            return p.terminationStatus == 0 ? ("Sent the checklist to the printer.", false) : ("The printer command failed (lp exit \(p.terminationStatus)).", true)
        } catch {
            return ("Could not run lp: \(error.localizedDescription)", true)
        }
    }
}

/// Saves the interview as it goes (one transaction per confirmed answer) in the session store,
/// and says so once, plainly, if saving is not possible: the interview always carries on.
final class SessionKeeper {
    let flowVersion: String
    let language: String
    private var opened = false
    private var storage: SessionStore?
    private(set) var reference: String?
    private var savedTicks: Set<String> = []
    private var failure: String?

    init(flowVersion: String, language: String) {
        self.flowVersion = flowVersion
        self.language = language
    }

    /// Opened at the first save, not at start-up: the first screen should not wait for disk.
    private var store: SessionStore? {
        get {
            if !opened {
                opened = true
                do {
                    storage = try SessionStore.openDefault()
                } catch let error as SessionStoreError {
                    failure = error.savingOffMessage
                } catch {
                    failure = "Saving is off."
                }
            }
            return storage
        }
        set { storage = newValue }
    }

    func resume(_ ref: String, into model: inout InterviewModel) throws {
        guard let store else { throw SessionStoreError.unavailable(path: "", reason: failure ?? "the session store cannot be opened") }
        let resumed = try store.resume(ref, flows: model.flows, today: model.today)
        reference = resumed.session.reference
        model.answers = resumed.answers
        model.ticks = resumed.saved.ticks
        model.notes = resumed.saved.notes
        model.caseReference = resumed.session.reference
        savedTicks = resumed.saved.ticks
        if let q = resumed.lastQuestion {
            model.page = .question(q)
        } else if model.assessment.outcome != nil {
            model.page = .outcome
        }
        var note = "Resumed case \(resumed.session.reference)."
        if !resumed.merged.isEmpty { note += " " + AnswerMigration.message(resumed.merged, flows: model.flows, language: model.language) }
        if !resumed.keptAside.isEmpty {
            note += " The questions have changed since: \(resumed.keptAside.count) earlier answer(s) no longer fit and were kept aside (\(resumed.keptAside.map(\.question).joined(separator: ", ")))."
        }
        model.message = note
        model.messageIsError = !resumed.keptAside.isEmpty || !resumed.merged.isEmpty
    }

    func save(_ question: String, in model: inout InterviewModel) {
        guard let store, let value = model.answers[question] else { reportFailure(in: &model); return }
        do {
            let isNew = reference == nil
            if reference == nil {
                reference = try store.create(flowVersion: flowVersion, language: language).reference
                model.caseReference = reference
            }
            var position: String?
            if case .question(let next) = model.page { position = next }
            try store.saveAnswer(reference!, question: question, value: value, position: position)
            if isNew && model.message == nil {
                model.message = TUIStrings.text(.savedAsCase, model.language, reference!)
                model.messageIsError = false
            }
        } catch let error as SessionStoreError {
            self.store = nil
            failure = error.savingOffMessage
            reportFailure(in: &model)
        } catch {
            self.store = nil
            failure = "Saving is off."
            reportFailure(in: &model)
        }
    }

    func saveNote(_ question: String, in model: inout InterviewModel) {
        guard let store else { reportFailure(in: &model); return }
        do {
            if reference == nil {
                reference = try store.create(flowVersion: flowVersion, language: language).reference
                model.caseReference = reference
            }
            try store.saveNote(reference!, question: question, text: model.notes[question])
        } catch {
            self.store = nil
            failure = (error as? SessionStoreError)?.savingOffMessage ?? "Saving is off."
            reportFailure(in: &model)
        }
    }

    /// Ticks on the checklist are saved as they change.
    func syncTicks(_ model: InterviewModel) {
        guard let store, let reference, model.ticks != savedTicks else { return }
        for item in model.ticks.symmetricDifference(savedTicks) {
            try? store.setTick(reference, item: item, ticked: model.ticks.contains(item))
        }
        savedTicks = model.ticks
    }

    func startNewCase() {
        // The model forgets its reference itself; the next answer starts a new saved session.
        reference = nil
        savedTicks = []
    }

    private var toldFailure = false
    private func reportFailure(in model: inout InterviewModel) {
        guard let failure, !toldFailure else { return }
        toldFailure = true
        model.message = failure + " " + TUIStrings.text(.answersKeptUntilQuit, model.language)
        model.messageIsError = true
    }
}
