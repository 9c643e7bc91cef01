import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow
import LotrTUI

struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Ask the questions full-screen (the default when no subcommand is given).")

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: ArgumentHelp("Assess as if today were this date (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    @Option(help: "Language of the texts (en or zh-Hant).")
    var lang: String = "en"

    func run() throws {
        let flows = try flowOptions.load()
        let day = try parseToday(today)
        let host = InterviewHost(flows: flows)
        let initial = InterviewModel(flows: flows, today: day, language: lang)
        do {
            _ = try runApp(initial: initial, update: { model, event in
                var (next, command) = InterviewModel.update(model, event)
                host.perform(&next)
                return (next, command)
            }, view: InterviewView.render)
        } catch {
            printError("lotr: cannot start the full-screen mode (\(error)). Use `lotr decide`, or run it in a terminal.")
            throw ExitCode(1)
        }
    }
}

/// Carries out what the model asks for (files, printing), then reports back in the model's
/// message line. Nothing here prints to the terminal while curses owns it.
final class InterviewHost {
    let flows: FlowSet

    init(flows: FlowSet) { self.flows = flows }

    func perform(_ model: inout InterviewModel) {
        for effect in model.effects {
            switch effect {
            case .saveAnswer, .newCase: break
            case .export(let format, let path):
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
