import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow
import LotrPlain
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

    @Flag(help: "Ask one question per line, without full-screen drawing (screen readers, scripts). Chosen automatically when input or output is not a terminal, or TERM=dumb.")
    var plain = false

    @Flag(help: "Public kiosk: nothing personal is written to disk, idle sessions are wiped, only staff can exit (Ctrl-X, then LOTR_KIOSK_PIN).")
    var kiosk = false

    @Option(help: ArgumentHelp("Kiosk: seconds without a key press before asking whether the person is still there.", valueName: "n"))
    var idleSeconds: Int = 120

    @Option(help: ArgumentHelp("Kiosk: the only folder file notes may be saved to (none by default).", valueName: "dir"))
    var exportDir: String?

    func validate() throws {
        if idleSeconds < 5 { throw ValidationError("--idle-seconds must be at least 5") }
        if let l = lang, !LocalizedText.known.contains(l) { throw ValidationError("--lang must be one of: \(LocalizedText.known.joined(separator: ", "))") }
    }

    func run() throws {
        let flows = try flowOptions.load()
        let day = try parseToday(today)
        let language = lang ?? Strings.language(fromEnvironment: ProcessInfo.processInfo.environment)
        let host = InterviewHost(flows: flows, kioskExportDir: kiosk ? (exportDir ?? "") : nil)
        if !kiosk && (plain || plainModeIsPreferred()) {
            let status = runPlainMode(flows: flows, today: day, language: language)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let initial = InterviewModel(flows: flows, today: day, language: language)
        do {
            if kiosk {
                Kiosk.hardenProcess()
                let pin = ProcessInfo.processInfo.environment["LOTR_KIOSK_PIN"]
                let model = KioskModel(interview: initial, settings: .init(idleSeconds: idleSeconds, pin: pin))
                _ = try runApp(initial: model, update: { model, event in
                    var (next, command) = KioskModel.update(model, event)
                    host.perform(&next.interview)
                    return (next, command)
                }, view: KioskModel.render)
            } else {
                _ = try runApp(initial: initial, update: { model, event in
                    var (next, command) = InterviewModel.update(model, event)
                    host.perform(&next)
                    return (next, command)
                }, view: InterviewView.render)
            }
        } catch {
            printError("lotr: cannot start the full-screen mode (\(error)). Use `lotr decide`, or run it in a terminal.")
            throw ExitCode(1)
        }
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

    init(flows: FlowSet, kioskExportDir: String? = nil) {
        self.flows = flows
        self.kioskExportDir = kioskExportDir
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
        for effect in model.effects {
            switch effect {
            case .saveAnswer, .newCase: break
            case .export(let format, let requested):
                let path: String
                switch exportPath(requested) {
                case .success(let p): path = p
                case .failure(let why):
                    model.message = why.message
                    model.messageIsError = true
                    continue
                }
                let report = Report(flows: flows, assessment: model.assessment, answers: model.answers, language: model.language)
                let text: String
                switch format {
                case .markdown: text = report.markdown()
                case .text: text = report.text()
                case .json: text = report.json().serialized() + "\n"
                }
                do {
                    try AtomicFile.write(text, to: path)
                    model.message = "Saved the file note to \(path)."
                    model.messageIsError = false
                } catch {
                    model.message = "Could not save to \(path): \(error.localizedDescription)"
                    model.messageIsError = true
                }
            case .print:
                let report = Report(flows: flows, assessment: model.assessment, answers: model.answers, language: model.language)
                (model.message, model.messageIsError) = Printer.print(report.text())
            }
        }
        model.effects = []
    }
}

enum AtomicFile {
    /// Writes through a temporary file in the same folder and renames it, so a crash never
    /// leaves half a file; the file is readable by its owner only.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        if rename(temp.path, url.path) != 0 {
            let code = errno
            unlink(temp.path)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
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
