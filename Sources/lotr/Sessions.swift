import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow
import LotrStore

/// `lotr sessions …`: saved interviews, their file notes, and deleting them.
struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export or delete saved sessions.",
        discussion: """
        Sessions are saved in $XDG_DATA_HOME/lotr (default ~/.local/share/lotr), readable by you only. \
        Each has a short reference such as K7M-42Q. Exit status: 0 on success; 2 when the reference is \
        unknown; 1 when the saved-sessions file or the flows cannot be used.
        """,
        subcommands: [ListSessions.self, Show.self, Export.self, Delete.self])

    struct ListSessions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved sessions, most recent first.")

        func run() throws {
            guard let store = try openStoreForReading() else {
                print("No saved sessions in \(SessionStore.defaultDirectory() ?? "~/.local/share/lotr").")
                return
            }
            let all = try storeCall { try store.list() }
            guard !all.isEmpty else {
                print("No saved sessions in \(store.directory).")
                return
            }
            print(Sessions.table(all))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a session's file note as plain text.")
        @Argument(help: "The session's reference, e.g. K7M-42Q.") var reference: String
        @OptionGroup var flowOptions: FlowOptions
        @Option(help: ArgumentHelp("Assess as of this date (YYYY-MM-DD); default: today in the UK.", valueName: "date"))
        var today: String?

        func run() throws {
            let note = try Sessions.fileNote(reference, flowOptions: flowOptions, today: today)
            print(note.text(), terminator: "")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a session's file note as Markdown, plain text or JSON.",
            discussion: "With --output the file is written whole or not at all, readable by you only (0600).")
        enum Style: String, ExpressibleByArgument, CaseIterable { case markdown, text, json }

        @Argument(help: "The session's reference, e.g. K7M-42Q.") var reference: String
        @Option(help: "markdown, text or json.") var format: Style = .markdown
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path")) var output: String?
        @OptionGroup var flowOptions: FlowOptions
        @Option(help: ArgumentHelp("Assess as of this date (YYYY-MM-DD); default: today in the UK.", valueName: "date"))
        var today: String?

        func run() throws {
            let note = try Sessions.fileNote(reference, flowOptions: flowOptions, today: today)
            let text: String
            switch format {
            case .markdown: text = note.markdown()
            case .text: text = note.text()
            case .json: text = note.json().serialized() + "\n"
            }
            guard let output else {
                print(text, terminator: "")
                return
            }
            do {
                try ExportFile.write(text, to: output)
            } catch {
                printError("lotr sessions export: \(error)")
                throw ExitCode(1)
            }
            print("Wrote the file note for \(note.reference) to \(output).")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a saved session and everything in it, at once and for good.",
            discussion: "Asks nothing; prints what it deleted. The file is then rebuilt so that nothing of the session remains on disk.")
        @Argument(help: "The session's reference, e.g. K7M-42Q.") var reference: String

        func run() throws {
            let ref = try Sessions.normalized(reference)
            let store = try openStore()
            let gone = try storeCall { try store.delete(ref) }
            print("Deleted session \(gone.reference): started \(UKTime.minute(gone.session.created)), "
                  + "last saved \(UKTime.minute(gone.session.updated)), \(Sessions.count(gone.answerCount, "answer")), "
                  + "\(Sessions.count(gone.noteCount, "note")).")
        }
    }

    static func fileNote(_ reference: String, flowOptions: FlowOptions, today: String?) throws -> FileNote {
        let ref = try normalized(reference)
        guard let store = try openStoreForReading() else {
            printError("lotr sessions: \(SessionStoreError.notFound(reference: ref))")
            throw ExitCode(2)
        }
        let flows = try flowOptions.load()
        let day = try parseToday(today)
        let resumed = try storeCall { try store.resume(ref, flows: flows, today: day) }
        return resumed.fileNote(flows: flows, today: day)
    }

    static func normalized(_ raw: String) throws -> String {
        guard let ref = SessionReference.normalize(raw) else {
            printError("lotr sessions: '\(raw)' is not a session reference (six letters and digits, such as K7M-42Q)")
            throw ExitCode(2)
        }
        return ref
    }

    static func table(_ all: [SessionSummary]) -> String {
        var rows = [["REF", "LAST SAVED", "STARTED", "ANSWERS", "NOTES", "LANG"]]
        for s in all {
            rows.append([s.reference, UKTime.minute(s.session.updated), UKTime.civilDate(s.session.created).iso,
                         String(s.answerCount), String(s.noteCount), s.session.language])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return (3...4).contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

private func openStore() throws -> SessionStore {
    try storeCall { try SessionStore.openDefault() }
}

/// Reading never needs to write: this works on a full disk or a read-only file or filesystem.
private func openStoreForReading() throws -> SessionStore? {
    try storeCall { try SessionStore.openDefaultForReading() }
}

/// Runs a store call, turning its typed errors into a message and an exit status.
private func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as SessionStoreError {
        printError("lotr sessions: \(e)")
        if case .notFound = e { throw ExitCode(2) }
        throw ExitCode(1)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
