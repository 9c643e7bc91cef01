import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow

@main
enum Main {
    static func main() {
        // Before anything else: no crash report or core file that could carry answers, and the
        // kiosk PIN out of the environment.
        ProcessSafety.atStart()
        // The everyday call, `lotr` with interview options only, skips building ArgumentParser's
        // command tree: that reflection was a third of the time to the first frame
        // (BENCHMARKS.md). Any other call, and any call the quick reader is unsure of, goes to
        // ArgumentParser, so help, errors and every subcommand read exactly as before.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let settings = InterviewSettings.quickRead(arguments) {
            runQuickly({ try runInterview(settings) }, otherwise: Interview.exit(withError:))
        }
        if arguments.first == "decide", let settings = DecideSettings.quickRead(Array(arguments.dropFirst())) {
            runQuickly({ try runDecide(settings) }, otherwise: Lotr.exit(withError:))
        }
        Lotr.main()
    }

    /// Runs a command read without ArgumentParser and exits as ArgumentParser would have:
    /// with the command's own status, or with `report` for any other error.
    static func runQuickly(_ command: () throws -> Void, otherwise report: (Error?) -> Never) -> Never {
        do {
            try command()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            report(error)
        }
        exit(0)
    }
}

struct Lotr: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lotr",
        abstract: "Find which UK immigration application to make when you may not fit the Immigration Rules, and what evidence to gather.",
        discussion: """
        With no subcommand, lotr asks its questions full-screen in the terminal. The stages run in a fixed \
        order: a route under the Immigration Rules, Article 8, Article 3 (medical), discretionary leave, and \
        leave outside the rules on compelling compassionate grounds. This is information, not legal advice.
        """,
        subcommands: [Interview.self, Check.self, Graph.self, Questions.self, Decide.self, Sessions.self, BookCommand.self],
        defaultSubcommand: Interview.self)
}

/// Options every command that reads flows shares.
struct FlowOptions: ParsableArguments {
    @Option(name: .customLong("flows"), help: ArgumentHelp("The folder of flow files.", valueName: "dir"))
    var directory: String?

    var resolved: String { FlowOptions.resolve(directory) }

    /// `--flows`, else $LOTR_FLOWS, else ./flows, else the installed copy beside the binary
    /// (`PREFIX/bin/lotr` → `PREFIX/share/lotr/flows`). Plain system calls: this runs before the
    /// first frame.
    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let env = getenv("LOTR_FLOWS"), env.pointee != 0 { return String(cString: env) }
        if access("flows", F_OK) == 0 { return "flows" }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard n > 0 else { return "flows" }
        let exe = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let binDirectory = exe.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let prefix = binDirectory.dropLast().joined(separator: "/")
        let installed = prefix + "/share/lotr/flows"
        return access(installed, F_OK) == 0 ? installed : "flows"
    }

    /// Loads the flows or exits with the problems listed, one per line, file:line first.
    func load() throws -> FlowSet {
        try FlowOptions.load(resolved)
    }

    static func load(_ directory: String) throws -> FlowSet {
        let result = FlowSource.load(directory)
        guard let flows = result.flows else {
            for d in result.errors { printError(d.description) }
            printError("lotr: the flows in \(directory) have \(result.errors.count) error(s); run `lotr check \(directory)` for details.")
            throw ExitCode(1)
        }
        return flows
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
}

func parseToday(_ raw: String?) throws -> CivilDate {
    if let raw {
        guard let d = CivilDate(iso: raw) else { throw ValidationError("--today must be a real date written YYYY-MM-DD, not '\(raw)'") }
        return d
    }
    return Clock.today()
}

enum Clock {
    /// Today's date in the UK: the Rules count UK calendar days.
    static func today() -> CivilDate {
        UKClock.date(unixSeconds: Int(time(nil)))
    }
}
