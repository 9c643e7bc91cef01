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

    @Option(help: ArgumentHelp("Kiosk only: seconds without a key press before asking whether the person is still there (default: 120).", valueName: "n"))
    var idleSeconds: Int?

    @Option(help: ArgumentHelp("The folder file notes are saved to when a bare name is typed (default: the current folder). With --kiosk: the only folder they may be saved to (none by default).", valueName: "dir"))
    var exportDir: String?

    @Option(help: ArgumentHelp("Start with the answers in this file (a `decide` answers file), to check and finish them.", valueName: "file"))
    var answers: String?

    var settings: InterviewSettings {
        InterviewSettings(flows: flowOptions.directory, today: today, lang: lang, resume: resume, noSave: noSave,
                          plain: plain, kiosk: kiosk, idleSeconds: idleSeconds ?? 120, exportDir: exportDir,
                          answers: answers, idleSecondsGiven: idleSeconds != nil)
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
    /// A `decide` answers file to start from.
    var answers: String?

    /// Set when `--idle-seconds` was given at all: outside a kiosk it would do nothing.
    var idleSecondsGiven = false

    /// Why these settings cannot run, in the words ArgumentParser shows under "Error:".
    var problem: String? {
        if idleSeconds < 5 { return "--idle-seconds must be at least 5" }
        if idleSecondsGiven && !kiosk { return "--idle-seconds only applies with --kiosk (nothing is wiped outside a kiosk)" }
        if let l = lang, !LocalizedText.known.contains(l) { return "--lang must be one of: \(LocalizedText.known.joined(separator: ", "))" }
        if let raw = today, CivilDate(iso: raw) == nil { return "--today must be a real date written YYYY-MM-DD, not '\(raw)'" }
        if kiosk && resume != nil { return "--resume cannot be used with --kiosk: a kiosk keeps nothing" }
        if resume != nil && noSave { return "--resume needs saving on (drop --no-save)" }
        if kiosk && answers != nil { return "--answers cannot be used with --kiosk: a kiosk starts every person afresh" }
        if resume != nil && answers != nil { return "--answers cannot be used with --resume: choose one to start from" }
        return nil
    }
}

func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

func runInterview(_ settings: InterviewSettings) throws {
    if settings.kiosk, let problem = ProcessSafety.kioskPINProblem(ProcessSafety.kioskPIN) {
        printError("lotr: \(problem).")
        throw ExitCode(2)
    }
    if settings.kiosk { ProcessSafety.hardenKiosk() }
    let day = try parseToday(settings.today)
    // getenv, not ProcessInfo: copying the whole environment into a dictionary costs time
    // before the first frame.
    let language = settings.lang ?? Strings.language(localeVariables: ["LC_ALL", "LC_MESSAGES", "LANG"].map(environmentValue))
    let flowsDirectory = FlowOptions.resolve(settings.flows)
    if !settings.kiosk && (settings.plain || plainModeIsPreferred(term: environmentValue("TERM"))) {
        let flows = try FlowOptions.load(flowsDirectory)
        let status = try runPlainInterview(settings, flows: flows, today: day, language: language)
        if status != 0 { throw ExitCode(status) }
        return
    }
    if settings.kiosk, let dir = settings.exportDir, let problem = Kiosk.exportDirProblem(dir) {
        printError("lotr: --export-dir \(dir): \(problem)")
        throw ExitCode(2)
    }
    let terminal: Terminal
    do {
        terminal = try Terminal.start()
    } catch {
        // A kiosk must never fall back: the line mode has no staff exit and no idle wipe.
        if settings.kiosk {
            printError("lotr: cannot start the full-screen mode (\(error)). Use `lotr --plain` or `lotr decide`.")
            throw ExitCode(1)
        }
        // One line saying why, then the same interview one question per line.
        printError("lotr: cannot start the full-screen mode (\(error)); asking one question per line instead.")
        let flows = try FlowOptions.load(flowsDirectory)
        let status = runPlainMode(flows: flows, today: day, language: language)
        if status != 0 { throw ExitCode(status) }
        return
    }
    defer { terminal.stop() }
    // Something to read at once; the flows load behind it.
    terminal.paint(SizeGuard.guarded(Splash.render, minimum: SizeGuard.minimum)(language, terminal.size))
    let loaded = FlowSource.load(flowsDirectory)
    guard let flows = loaded.flows else {
        terminal.stop()
        for d in loaded.errors { printError(d.description) }
        printError("lotr: the flows in \(flowsDirectory) have \(loaded.errors.count) error(s); run `lotr check \(flowsDirectory)` for details.")
        throw ExitCode(1)
    }
    // A kiosk never opens the session store: nothing personal may touch the disk.
    let keeper = settings.kiosk || settings.noSave ? nil : SessionKeeper(flowVersion: flows.version, language: language)
    let host = InterviewHost(flows: flows, kioskExportDir: settings.kiosk ? (settings.exportDir ?? "") : nil, keeper: keeper,
                             defaultExportDir: settings.kiosk ? nil : settings.exportDir)
    var initial = InterviewModel(flows: flows, today: day, language: language)
    if let file = settings.answers {
        switch prefilledAnswers(file, flows: flows, today: day) {
        case .success(let answers): initial.answers = answers
        case .failure(let problem):
            // The terminal first, so that the message is not drawn over.
            terminal.stop()
            printError(problem.withoutValues)
            throw ExitCode(2)
        }
        initial.message = TUIStrings.text(.startedFromAnswers, language, file)
        // Saved as the case's first answers, so that quitting early loses none.
        initial.effects = savingOrder(initial.answers, path: initial.assessment.path).map { .saveAnswer($0) }
    }
    if !settings.kiosk && !settings.noSave, let report = Retention.apply() {
        initial.message = report.line
        initial.messageIsError = report.isProblem
    }
    host.perform(&initial)
    initial.canOpenCases = keeper != nil
    if let ref = settings.resume, let keeper {
        do {
            try keeper.check(ref)
        } catch {
            terminal.stop()
            printError("lotr: cannot resume \(ref): \(error)")
            throw ExitCode(2)
        }
        keeper.open(SessionReference.normalize(ref) ?? ref, mode: .normal, into: &initial)
    }
    defer { keeper?.release() }
    if settings.kiosk {
        initial.isKiosk = true
        initial.canExport = !(settings.exportDir ?? "").isEmpty
        initial.canPrint = Printer.available
        let model = KioskModel(interview: initial, settings: .init(idleSeconds: settings.idleSeconds, pin: ProcessSafety.kioskPIN))
        // Below the minimum size a kiosk still does not quit: only staff leave it.
        _ = runApp(on: terminal, initial: model, options: RunOptions(quitWhenTooSmall: false), update: { model, event in
            var stamped = model
            if event == .key(.character("e")) { stamped.interview.exportStamp = ExportStamp.now() }
            var (next, command) = KioskModel.update(stamped, event)
            host.perform(&next.interview)
            return (next, command)
        }, view: KioskModel.render)
    } else {
        let final = runApp(on: terminal, initial: initial, update: { model, event in
            var stamped = model
            if event == .key(.character("e")) { stamped.exportStamp = ExportStamp.now() }
            var (next, command) = InterviewModel.update(stamped, event)
            host.perform(&next)
            return (next, command)
        }, view: InterviewView.render)
        terminal.stop()
        // The reference to write on the file, and how to carry on.
        if let ref = final.caseReference, keeper != nil {
            print(final.language == "zh-Hant"
                  ? "個案 \(ref) 已儲存。之後繼續：lotr --resume \(ref)"
                  : "Case \(ref) is saved. To carry on later: lotr --resume \(ref)")
        }
    }
    host.stopPrinting()
    // Ended by SIGTERM, SIGHUP or SIGQUIT: say so in the exit status, as the shell does for a
    // program the signal killed (the answers were saved and the terminal restored first).
    if let signal = terminal.terminatingSignal { throw ExitCode(128 + signal) }
}

/// The local time for file-note names: `2026-11-23-1405`.
enum ExportStamp {
    static func now() -> String {
        UKTime.minute(Date()).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
    }
}

/// The order to save a set of answers in: as asked along the path, then any others by id, so
/// that a resumed case lists them as they were asked.
func savingOrder(_ answers: Answers, path: [String]) -> [String] {
    path.filter { answers[$0] != nil } + answers.keys.filter { !path.contains($0) }.sorted()
}

/// The answers of a `decide` answers file, or what is wrong with it (naming the answer at
/// fault, never its value).
func prefilledAnswers(_ path: String, flows: FlowSet, today: CivilDate) -> Result<Answers, AnswerProblem> {
    guard let data = FileManager.default.contents(atPath: path) else {
        return .failure(AnswerProblem("lotr: cannot read the answers file \(path)"))
    }
    return AnswersFile.parse(String(decoding: data, as: UTF8.self), flows: flows, today: today)
        .mapError { AnswerProblem("lotr: \(path): \($0.withoutValues)") }
}

/// The plain line mode with the session store, `--resume` and `--answers`, as the full screen has them.
func runPlainInterview(_ settings: InterviewSettings, flows: FlowSet, today: CivilDate, language: String) throws -> Int32 {
    let zh = language == "zh-Hant"
    var resume: PlainResume?
    if let file = settings.answers {
        let answers: Answers
        switch prefilledAnswers(file, flows: flows, today: today) {
        case .success(let a): answers = a
        case .failure(let problem): printError(problem.withoutValues); throw ExitCode(2)
        }
        resume = PlainResume(answers: answers, ticks: [], notes: [:], announcement: [
            zh ? "已從 \(file) 載入答案；請輸入「檢視」逐一檢查。" : "Started from the answers in \(file); type review to check them.",
        ])
    }
    if settings.noSave {
        let keeper = NotSaving(writer: PlainFiles.write, reader: PlainFiles.read)
        return runPlainMode(flows: flows, today: today, language: language, keeper: keeper, resume: resume)
    }
    var store: SessionStore?
    var opening: String?
    do {
        store = try SessionStore.openDefault()
    } catch {
        opening = (error as? SessionStoreError)?.savingOffMessage ?? "Saving is off."
    }
    if let store, let report = Retention.apply(to: store) { print(report.line) }
    let keeper = PlainStoreKeeper(store: store, flowVersion: flows.version, language: language)
    if let raw = settings.resume {
        guard let store else {
            printError("lotr: cannot resume \(raw): \(opening ?? "the saved-sessions file cannot be opened")")
            throw ExitCode(2)
        }
        guard let ref = SessionReference.normalize(raw) else {
            printError("lotr: '\(raw)' is not a case reference (six letters and digits, such as K7M-42Q)")
            throw ExitCode(2)
        }
        let resumed: ResumedSession
        do {
            resumed = try store.resume(ref, flows: flows, today: today)
        } catch {
            printError("lotr: cannot resume \(ref): \(error)")
            throw ExitCode(2)
        }
        var readOnly = false
        if case .heldBy(let other)? = try? store.lock(ref) {
            switch askAboutCaseInUse(ref, other, zh: zh) {
            case .readOnly: readOnly = true
            case .takeOver: try? store.takeOver(ref)
            case .stop: throw ExitCode(2)
            }
        }
        var lines = [zh ? "已繼續個案 \(ref)。" : "Resumed case \(ref)."]
        if readOnly {
            lines.append(zh ? "以唯讀開啟：你在這裏所作的更改不會儲存。輸入「匯出」可寫出檔案記錄。"
                            : "Opened read-only: nothing you change here is saved. Type export to write a file note.")
        }
        if !resumed.keptAside.isEmpty {
            lines.append("The questions have changed since: \(resumed.keptAside.count) earlier answer(s) no longer fit and were kept aside (\(resumed.keptAside.map(\.question).joined(separator: ", "))).")
        }
        resume = PlainResume(answers: resumed.answers, ticks: resumed.saved.ticks, notes: resumed.saved.notes, announcement: lines)
        if readOnly {
            let reader = NotSaving(writer: PlainFiles.write, reader: PlainFiles.read)
            return runPlainMode(flows: flows, today: today, language: language, keeper: reader, resume: resume)
        }
        keeper.resumed(ref, from: resumed.saved)
    } else if let opening {
        print(opening + " " + (zh ? "你的答案會保留至你離開為止。" : "Your answers are kept until you quit."))
    } else if let prefilled = resume?.answers, !prefilled.isEmpty {
        // The answers from the file are the case's first answers: saved now, so quitting early loses none.
        var news: [String] = []
        for id in savingOrder(prefilled, path: Engine.assess(flows, answers: prefilled, today: today, language: language).path) {
            switch keeper.saveAnswer(id, value: prefilled[id]!, position: nil) {
            case .startedCase(let ref)?: news.append(zh ? "已儲存為個案 \(ref)。" : "Saved as case \(ref). To come back to it: lotr --plain --resume \(ref)")
            case .savingOff(let why)?: news.append("Saving is off: \(why).")
            case .movedToNewCase?, nil: break
            }
        }
        resume?.announcement += news
    }
    defer { keeper.release() }
    return runPlainMode(flows: flows, today: today, language: language, keeper: keeper, resume: resume)
}

enum CaseInUseChoice { case readOnly, takeOver, stop }

/// The plain mode's question when the case is open in another window: read it without saving,
/// take it over (the other window keeps its answers as a new case), or stop.
func askAboutCaseInUse(_ ref: String, _ other: SessionLock, zh: Bool) -> CaseInUseChoice {
    let holder = "process \(other.pid) on \(other.host), since \(UKTime.minute(other.since))"
    print(zh ? "個案 \(ref) 已在另一個視窗開啟（\(holder)）。"
             : "Case \(ref) is open in another window (\(holder)).")
    while true {
        print(zh ? "請輸入 r 以唯讀開啟（不會儲存更改）、t 接手（另一個視窗會把它的答案另存為新個案），或 q 停止："
                 : "Type r to open it read-only (nothing is saved), t to take it over (the other window then saves its answers as a new case), or q to stop:")
        guard let line = readLine(strippingNewline: true) else { return .stop }
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "r", "read-only", "read": return .readOnly
        case "t", "take over", "take": return .takeOver
        case "q", "quit", "exit", "stop": return .stop
        default: continue
        }
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
    /// Why the kiosk's export folder cannot be used, nil when it can: it must exist, be a
    /// folder this program can write to, and not be readable by everyone on the machine.
    static func exportDirProblem(_ dir: String) -> String? {
        var st = stat()
        guard stat(dir, &st) == 0 else { return "the folder does not exist; create it (mkdir -m 700) or leave --export-dir out" }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return "it is not a folder" }
        guard access(dir, W_OK | X_OK) == 0 else { return "this program cannot write to it" }
        if st.st_mode & 0o004 != 0 {
            return "anyone on this computer can read it; make it private first (chmod o-rwx \(dir))"
        }
        return nil
    }
}

/// Carries out what the model asks for (files, printing), then reports back in the model's
/// message line. Nothing here prints to the terminal while curses owns it.
final class InterviewHost {
    let flows: FlowSet
    /// In kiosk mode, the only folder exports may go to ("" when exports are off).
    let kioskExportDir: String?

    let keeper: SessionKeeper?

    /// Outside a kiosk, the folder file notes go to when a bare name is typed (`--export-dir`).
    let defaultExportDir: String?

    init(flows: FlowSet, kioskExportDir: String? = nil, keeper: SessionKeeper? = nil, defaultExportDir: String? = nil) {
        self.flows = flows
        self.kioskExportDir = kioskExportDir
        self.keeper = keeper
        self.defaultExportDir = defaultExportDir
    }

    func fileNote(_ model: InterviewModel) -> FileNote {
        let saved = model.caseReference == nil ? nil : keeper?.savedSession()
        return FileNote(flows: flows, reference: model.caseReference ?? "not saved", today: model.today, answers: model.answers,
                        notes: model.notes, ticks: model.ticks, language: model.language,
                        started: saved.map { UKTime.civilDate($0.created) }, updated: saved.map { UKTime.civilDate($0.updated) },
                        savedFlowVersion: saved?.flowVersion)
    }

    /// A typed name as a full path: relative names are in the folder lotr was started in
    /// (or the default folder for file notes, `--export-dir`, outside a kiosk).
    func fullPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = defaultExportDir ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }

    /// Where an export may really be written: anywhere normally; on a kiosk only inside the
    /// operator's folder, by file name alone.
    func exportPath(_ requested: String) -> Result<String, AnswerProblem> {
        guard let dir = kioskExportDir else { return .success(requested) }
        guard !dir.isEmpty else { return .failure(AnswerProblem(TUIStrings.text(.usePrintInstead, "en"))) }
        let name = URL(fileURLWithPath: requested).lastPathComponent
        guard !name.isEmpty, !name.hasPrefix(".") else { return .failure(AnswerProblem("Type a file name.")) }
        return .success(URL(fileURLWithPath: dir).appendingPathComponent(name).path)
    }

    /// `lp` running in the background, if any; looked at after every event (the run loop's
    /// one-second tick included).
    private var printJob: PrintJob?

    /// Ends a print job still running (the program is leaving).
    func stopPrinting() {
        printJob?.stop()
        printJob = nil
    }

    private func checkPrintJob(_ model: inout InterviewModel) {
        guard let job = printJob else { return }
        if let status = job.exitStatus {
            printJob = nil
            (model.message, model.messageIsError) = status == 0
                ? ("Sent the checklist to the printer.", false)
                : ("The printer command failed (lp exit \(status)).", true)
        } else if job.isOverTime {
            job.stop()
            printJob = nil
            model.message = "The printer did not answer within \(Int(job.limit)) seconds; printing was stopped. Check the printer, then press p again."
            model.messageIsError = true
        }
    }

    func perform(_ model: inout InterviewModel) {
        checkPrintJob(&model)
        keeper?.syncTicks(model)
        for effect in model.effects {
            switch effect {
            case .saveAnswer(let id): keeper?.save(id, in: &model)
            case .saveNote(let id): keeper?.saveNote(id, in: &model)
            case .newCase: keeper?.startNewCase()
            case .saveLabel: keeper?.saveLabel(in: &model)
            case .importTrips(let question, let path):
                switch PlainFiles.read(path) {
                case .success(let text): model.importTrips(text, into: question)
                case .failure(let why):
                    model.message = TUIStrings.text(.importNothingAdded, model.language) + why.message.prefix(1).uppercased() + why.message.dropFirst() + "."
                    model.messageIsError = true
                }
            case .loadCases:
                model.savedCases = keeper?.caseRows(flows: flows, today: model.today, language: model.language, into: &model) ?? []
            case .openCase(let ref): keeper?.open(ref, mode: .normal, into: &model)
            case .openReadOnly(let ref): keeper?.open(ref, mode: .readOnly, into: &model)
            case .takeOver(let ref): keeper?.open(ref, mode: .takeOver, into: &model)
            case .export(let format, let requested), .exportReplacing(let format, let requested):
                var replacing = false
                if case .exportReplacing = effect { replacing = true }
                let path: String
                switch exportPath(requested) {
                case .success(let p): path = fullPath(p)
                case .failure(let why):
                    // The dialog stays open with the name typed, so it can be corrected.
                    model.overlay = .export(format, path: requested)
                    model.message = why.message
                    model.messageIsError = true
                    continue
                }
                var info = stat()
                if !replacing, lstat(path, &info) == 0 {
                    // Never over another file without asking.
                    model.overlay = .confirmReplace(format, path: requested, fullPath: path)
                    continue
                }
                let note = fileNote(model)
                var text: String
                // The rendered note is overwritten once written, so it does not outlive a
                // kiosk's wipe in memory this program holds (README, "What stays in memory").
                defer { Scrub.overwrite(&text) }
                switch format {
                case .markdown: text = note.markdown()
                case .text: text = note.text()
                case .json: text = note.json().serialized() + "\n"
                }
                do {
                    try ExportFile.write(text, to: path)
                    // On a kiosk the folder is the operator's business; the person needs the file's name.
                    model.message = kioskExportDir != nil
                        ? TUIStrings.text(.kioskExportStays, model.language, URL(fileURLWithPath: path).lastPathComponent)
                        : TUIStrings.text(.savedFileNote, model.language, path)
                    model.messageIsError = false
                } catch {
                    let reason = (error as? ExportFile.Failure)?.reason ?? "\(error)"
                    model.overlay = .export(format, path: requested)
                    model.message = TUIStrings.text(.couldNotSave, model.language, path, reason)
                    model.messageIsError = true
                }
            case .print, .printWithAnswers:
                guard printJob == nil else {
                    model.message = "Still printing the last one; wait for it to finish."
                    model.messageIsError = true
                    continue
                }
                // A kiosk prints the form and checklist to take away, without the person's answers
                // unless they ask (P); a desk prints the file note.
                let report = Report(flows: flows, assessment: model.assessment, answers: model.answers, language: model.language)
                var text = kioskExportDir == nil ? fileNote(model).text() : (effect == .print ? report.takeAway() : report.text())
                switch PrintJob.start(text) {
                case .success(let job):
                    printJob = job
                    model.message = "Printing…"
                    if kioskExportDir != nil && effect == .print {
                        model.message! += " " + TUIStrings.text(.printedWithoutAnswers, model.language)
                    }
                    model.messageIsError = false
                case .failure(let why):
                    model.message = why.message
                    model.messageIsError = true
                }
                Scrub.overwrite(&text)
            }
        }
        model.effects = []
    }
}

/// Whether this computer can print: `lp` on the PATH.
enum Printer {
    static var available: Bool { lpPath != nil }

    static var lpPath: String? {
        let paths = (environmentValue("PATH") ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map({ "\($0)/lp" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    }
}

/// One run of `lp`, in the background: the interface keeps answering keys, the kiosk's idle
/// wipe and signals keep working, and a printer that never answers is stopped after a time limit.
final class PrintJob: @unchecked Sendable {
    /// Seconds `lp` may take; `LOTR_PRINT_SECONDS` changes it (README, "Printing").
    static var timeLimit: TimeInterval {
        if let raw = environmentValue("LOTR_PRINT_SECONDS"), let n = Double(raw), n > 0 { return n }
        return 60
    }

    let process: Process
    let started = Date()
    let limit: TimeInterval
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `lp` with `text` on its standard input, or says why it cannot.
    struct Problem: Error { var message: String }

    /// The text on its way to lp, owned by the writing thread alone once handed over.
    private final class Bytes: @unchecked Sendable {
        var data: Data
        init(_ data: Data) { self.data = data }
    }

    static func start(_ text: String, limit: TimeInterval = PrintJob.timeLimit) -> Result<PrintJob, Problem> {
        let paths = (environmentValue("PATH") ?? "/usr/bin:/bin").split(separator: ":")
        guard let lp = paths.map({ "\($0)/lp" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(Problem(message: "No printer command (lp) on this computer. Use e to save a file note instead."))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: lp)
        let pipe = Pipe()
        p.standardInput = pipe
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let job = PrintJob(process: p, limit: limit)
        p.terminationHandler = { finished in job.finish(finished.terminationStatus) }
        do {
            try p.run()
        } catch {
            return .failure(Problem(message: "Could not run lp: \(error.localizedDescription)"))
        }
        // Written from another thread: a printer that reads slowly (or not at all) must not
        // hold up the interface once the pipe is full. The bytes are overwritten once written.
        let bytes = Bytes(Data(text.utf8))
        let writer = pipe.fileHandleForWriting
        signal(SIGPIPE, SIG_IGN)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: bytes.data)
            try? writer.close()
            bytes.data.resetBytes(in: 0..<bytes.data.count)
        }
        return .success(job)
    }

    init(process: Process, limit: TimeInterval) {
        self.process = process
        self.limit = limit
    }

    private func finish(_ code: Int32) {
        lock.lock()
        status = code
        lock.unlock()
    }

    /// lp's exit status once it has ended.
    var exitStatus: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return status
    }

    var isOverTime: Bool { Date().timeIntervalSince(started) > limit }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }
}

/// Saves the interview as it goes (one transaction per confirmed answer) in the session store.
/// When saving fails (full disk, a locked or unusable file) the interview carries on: the
/// answers not yet saved are remembered, the model says so (header, quit question, the full
/// reason), every later answer tries again, and the first save that works writes them all at once.
final class SessionKeeper {
    let flowVersion: String
    let language: String
    private var storage: SessionStore?
    private(set) var reference: String?
    private var savedTicks: Set<String> = []
    /// Why saving is off, in full; nil while it works.
    private var failure: String?
    /// Question ids whose answers (and notes) are not saved yet, in the order confirmed.
    private var unsavedAnswers: [String] = []
    private var unsavedNotes: [String] = []
    private var toldFailure = false
    private let opener: (_ retry: Bool) throws -> SessionStore
    /// Whether this window only reads its case (another window has it).
    private(set) var readOnly = false
    /// The lock generation this window holds its case at (see `SessionLock.generation`).
    private var generation: Int?

    init(flowVersion: String, language: String,
         open: @escaping (_ retry: Bool) throws -> SessionStore = { retry in
             // A retry waits less for a lock: it happens on a key press.
             guard let directory = SessionStore.defaultDirectory() else {
                 throw SessionStoreError.unavailable(path: "~/.local/share/lotr", reason: "neither HOME nor XDG_DATA_HOME is set")
             }
             return try SessionStore.open(directory: directory, busyTimeout: retry ? 0.5 : 2)
         }) {
        self.flowVersion = flowVersion
        self.language = language
        self.opener = open
    }

    /// Opened at the first save, not at start-up (the first screen should not wait for disk),
    /// and opened again after a failure.
    private func currentStore() -> SessionStore? {
        if let storage { return storage }
        do {
            storage = try opener(failure != nil)
        } catch {
            failure = (error as? SessionStoreError)?.savingOffMessage ?? "Saving is off."
        }
        return storage
    }

    /// Throws when `ref` cannot be opened (no store, no such case).
    func check(_ raw: String) throws {
        guard let store = currentStore() else { throw SessionStoreError.unavailable(path: "", reason: failure ?? "the session store cannot be opened") }
        guard let ref = SessionReference.normalize(raw) else { throw SessionStoreError.notFound(reference: raw) }
        _ = try store.load(ref)
    }

    enum OpenMode { case normal, readOnly, takeOver }

    /// Takes the lock on `ref` and remembers its generation.
    private func hold(_ store: SessionStore, _ ref: String) throws {
        _ = try store.lock(ref)
        generation = try store.currentLock(ref)?.generation
    }

    /// Opens a saved case in the model. When another running lotr has it open, the person is
    /// asked first (read-only or take over) unless `mode` already says which.
    func open(_ ref: String, mode: OpenMode, into model: inout InterviewModel) {
        guard let store = currentStore() else { markSavingOff(&model); return }
        do {
            switch mode {
            case .normal:
                if case .heldBy(let other) = try store.lock(ref) {
                    model.overlay = .caseInUse(reference: ref, holder: SessionKeeper.describe(other))
                    return
                }
            case .takeOver: try store.takeOver(ref)
            case .readOnly: break
            }
            if reference != ref { release() }
            model.startNewCase()
            try resume(ref, into: &model)
            readOnly = mode == .readOnly
            generation = readOnly ? nil : try store.currentLock(ref)?.generation
            if mode == .readOnly {
                model.message = TUIStrings.text(.readOnlyCase, model.language, ref)
                model.messageIsError = false
            } else if mode == .takeOver {
                model.message = TUIStrings.text(.takenOver, model.language, ref)
                model.messageIsError = false
            }
        } catch {
            model.message = "Cannot open case \(ref): \(error)."
            model.messageIsError = true
        }
    }

    static func describe(_ lock: SessionLock) -> String {
        "process \(lock.pid) on \(lock.host), since \(UKTime.minute(lock.since))"
    }

    /// The case list rows, newest first.
    func caseRows(flows: FlowSet, today: CivilDate, language: String, into model: inout InterviewModel) -> [CaseRow] {
        guard let store = currentStore() else { markSavingOff(&model); return [] }
        do {
            return try store.cases(flows: flows, today: today, language: language).map { c in
                let summary = c.outcome.map { o in TUIStrings.text(.result, language) + ": " + o.title + (o.form.map { " (\($0))" } ?? "") }
                    ?? c.question?.text ?? ""
                return CaseRow(reference: c.reference, label: c.label, summary: summary, updated: UKTime.minute(c.updated))
            }
        } catch {
            model.message = "The saved cases cannot be read: \(error)."
            model.messageIsError = true
            return []
        }
    }

    /// Gives up this window's lock on its case, so that another window can have it.
    func release() {
        if let reference, !readOnly, let store = storage { try? store.unlock(reference) }
    }

    /// Before saving: when another window has taken the case over, this window's answers go
    /// to a new case instead, so that neither window's work is lost.
    private func keepOwnCase(_ store: SessionStore, in model: inout InterviewModel) throws {
        guard let ref = reference else { return }
        guard let lock = try store.currentLock(ref) else { try hold(store, ref); return }
        let takenOver = (generation != nil && lock.generation != generation) || (!lock.isMine && !lock.isStale)
        guard takenOver else {
            if !lock.isMine { try hold(store, ref) }
            return
        }
        let fresh = try store.create(flowVersion: flowVersion, language: language).reference
        try hold(store, fresh)
        for id in savingOrder(model.answers, path: model.assessment.path) {
            try store.saveAnswer(fresh, question: id, value: model.answers[id]!, position: nil)
        }
        for (question, text) in model.notes { try store.saveNote(fresh, question: question, text: text) }
        for item in model.ticks { try store.setTick(fresh, item: item, ticked: true) }
        if let label = model.caseLabel { try store.setLabel(fresh, label: label) }
        reference = fresh
        savedTicks = model.ticks
        model.caseReference = fresh
        // Everything is in the new case now.
        unsavedAnswers = []
        unsavedNotes = []
        model.message = TUIStrings.text(.caseMovedAway, model.language, ref, fresh)
        model.messageIsError = true
    }

    func resume(_ typed: String, into model: inout InterviewModel) throws {
        guard let store = currentStore() else { throw SessionStoreError.unavailable(path: "", reason: failure ?? "the session store cannot be opened") }
        // As people write it: k7m42q, K7M 42Q, k7m-42q.
        let ref = SessionReference.normalize(typed) ?? typed
        let resumed = try store.resume(ref, flows: model.flows, today: model.today)
        reference = resumed.session.reference
        model.answers = resumed.answers
        model.ticks = resumed.saved.ticks
        model.notes = resumed.saved.notes
        model.caseReference = resumed.session.reference
        model.caseLabel = resumed.session.label
        savedTicks = resumed.saved.ticks
        let assessment = model.assessment
        if assessment.next == nil && assessment.outcome != nil {
            // A finished case opens on its result.
            model.page = .outcome
        } else if let q = resumed.lastQuestion {
            model.page = .question(q)
        }
        var note = TUIStrings.text(.resumedCase, model.language, resumed.session.reference)
        if !resumed.merged.isEmpty { note += " " + AnswerMigration.message(resumed.merged, flows: model.flows, language: model.language) }
        if !resumed.keptAside.isEmpty {
            note += " " + TUIStrings.text(.keptAsideOnResume, model.language, String(resumed.keptAside.count),
                                          resumed.keptAside.map(\.question).joined(separator: ", "))
        }
        model.message = note
        model.messageIsError = !resumed.keptAside.isEmpty || !resumed.merged.isEmpty
    }

    func save(_ question: String, in model: inout InterviewModel) {
        if readOnly { return }
        if !unsavedAnswers.contains(question) { unsavedAnswers.append(question) }
        flush(&model)
    }

    func saveNote(_ question: String, in model: inout InterviewModel) {
        if readOnly { return }
        if !unsavedNotes.contains(question) { unsavedNotes.append(question) }
        flush(&model)
    }

    /// Writes everything not yet saved in one transaction, or records why it cannot.
    private func flush(_ model: inout InterviewModel) {
        guard let store = currentStore() else { markSavingOff(&model); return }
        do {
            let isNew = reference == nil
            if reference == nil {
                reference = try store.create(flowVersion: flowVersion, language: language).reference
                try hold(store, reference!)
                if let label = model.caseLabel { try store.setLabel(reference!, label: label) }
            } else {
                try keepOwnCase(store, in: &model)
            }
            model.caseReference = reference
            var position: String?
            if case .question(let next) = model.page { position = next }
            // An answer confirmed and then removed (a new path) has nothing left to save.
            let answers = unsavedAnswers.compactMap { q in model.answers[q].map { (question: q, value: $0) } }
            let notes = unsavedNotes.map { (question: $0, text: model.notes[$0]) }
            try store.saveAll(reference!, answers: answers, notes: notes, position: position ?? unsavedAnswers.last)
            let recovered = failure != nil
            unsavedAnswers = []
            unsavedNotes = []
            failure = nil
            toldFailure = false
            model.savingOff = nil
            if recovered {
                model.message = TUIStrings.text(.savingWorksAgain, model.language, String(answers.count))
                model.messageIsError = false
            } else if isNew && model.message == nil {
                model.message = TUIStrings.text(.savedAsCase, model.language, reference!)
                model.messageIsError = false
            }
        } catch {
            storage = nil
            failure = (error as? SessionStoreError)?.savingOffMessage ?? "Saving is off."
            markSavingOff(&model)
        }
    }

    /// The label is saved with the case; before the first answer it waits in the model and is
    /// saved when the case is created.
    func saveLabel(in model: inout InterviewModel) {
        guard !readOnly, let reference, let store = currentStore() else { return }
        do {
            try keepOwnCase(store, in: &model)
            try store.setLabel(self.reference ?? reference, label: model.caseLabel)
        } catch {
            storage = nil
            failure = (error as? SessionStoreError)?.savingOffMessage ?? "Saving is off."
            markSavingOff(&model)
        }
    }

    /// The header and the quit question say what is not saved; the full reason is shown once
    /// for each new failure (and is in the quit question for as long as it lasts).
    private func markSavingOff(_ model: inout InterviewModel) {
        guard let failure else { return }
        let path = model.assessment.path
        let first = unsavedAnswers.first.map { q in (path.firstIndex(of: q) ?? path.count) + 1 } ?? path.count + 1
        model.savingOff = SavingOff(sinceQuestion: first, reason: failure)
        if !toldFailure {
            toldFailure = true
            model.message = failure + " " + TUIStrings.text(.answersKeptUntilQuit, model.language)
            model.messageIsError = true
        }
    }

    /// Ticks on the checklist are saved as they change.
    func syncTicks(_ model: InterviewModel) {
        guard !readOnly, let store = storage, let reference, model.ticks != savedTicks else { return }
        for item in model.ticks.symmetricDifference(savedTicks) {
            try? store.setTick(reference, item: item, ticked: model.ticks.contains(item))
        }
        savedTicks = model.ticks
    }

    /// When the saved case was started and last changed, and the flows it was started on, for
    /// file notes written from inside the program (the same fields as `lotr sessions export`).
    func savedSession() -> Session? {
        guard let reference, let store = storage else { return nil }
        return try? store.load(reference).session
    }

    func startNewCase() {
        // The model forgets its reference itself; the next answer starts a new saved session.
        release()
        readOnly = false
        generation = nil
        reference = nil
        savedTicks = []
        unsavedAnswers = []
        unsavedNotes = []
    }
}
