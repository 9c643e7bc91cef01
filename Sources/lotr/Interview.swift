import ArgumentParser
import LotrEngine
import LotrFlow

struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Ask the questions full-screen (the default when no subcommand is given).")

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: ArgumentHelp("Assess as if today were this date (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    func run() throws {
        let flows = try flowOptions.load()
        let day = try parseToday(today)
        _ = (flows, day)
        print("The full-screen interview is not available in this build yet; use `lotr decide`.")
    }
}
