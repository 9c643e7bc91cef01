import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow

@main
struct Lotr: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lotr",
        abstract: "Find which UK immigration application to make when you may not fit the Immigration Rules, and what evidence to gather.",
        discussion: """
        With no subcommand, lotr asks its questions full-screen in the terminal. The stages run in a fixed \
        order: a route under the Immigration Rules, Article 8, Article 3 (medical), discretionary leave, and \
        leave outside the rules on compelling compassionate grounds. This is information, not legal advice.
        """,
        subcommands: [Interview.self, Check.self, Graph.self, Questions.self, Decide.self, Sessions.self],
        defaultSubcommand: Interview.self)
}

/// Options every command that reads flows shares.
struct FlowOptions: ParsableArguments {
    @Option(name: .customLong("flows"), help: ArgumentHelp("The folder of flow files.", valueName: "dir"))
    var directory: String?

    /// `--flows`, else $LOTR_FLOWS, else ./flows, else the installed copy beside the binary.
    var resolved: String {
        if let directory { return directory }
        if let env = ProcessInfo.processInfo.environment["LOTR_FLOWS"], !env.isEmpty { return env }
        if FileManager.default.fileExists(atPath: "flows") { return "flows" }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let installed = exe.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/lotr/flows").path
        return FileManager.default.fileExists(atPath: installed) ? installed : "flows"
    }

    /// Loads the flows or exits with the problems listed, one per line, file:line first.
    func load() throws -> FlowSet {
        let result = FlowLoader.load(directory: resolved)
        guard let flows = result.flows else {
            for d in result.errors { printError(d.description) }
            printError("lotr: the flows in \(resolved) have \(result.errors.count) error(s); run `lotr check \(resolved)` for details.")
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
