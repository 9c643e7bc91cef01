import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow
import LotrStore

/// `lotr sessions …`: saved interviews, their file notes, and deleting them.
struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export, label, delete or purge saved sessions.",
        discussion: """
        Sessions are saved in $XDG_DATA_HOME/lotr (default ~/.local/share/lotr), readable by you only. \
        Each has a short reference such as K7M-42Q. Exit status: 0 on success; 2 when the reference is \
        unknown; 1 when the saved-sessions file or the flows cannot be used.
        """,
        subcommands: [ListSessions.self, Show.self, Export.self, Label.self, Delete.self, Purge.self])

    struct ListSessions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List saved cases, last saved first.",
            discussion: """
            Each case: reference, label, status (in progress or result), the result (title and form) or the \
            question reached, when it was started and last saved, and how many notes it has. --format json \
            prints an array of {reference, label, status, outcome, question, started, updated, notes} (README.md, \
            "The case list").
            """)
        enum Style: String, ExpressibleByArgument, CaseIterable { case table, json }
        enum StatusFilter: String, ExpressibleByArgument, CaseIterable {
            case inProgress = "in_progress", outcome, all
        }

        @Option(help: ArgumentHelp("Only cases whose reference or label contains this text (any case).", valueName: "text"))
        var search: String?
        @Option(help: "in_progress, outcome or all.") var status: StatusFilter = .all
        @Option(help: "table or json.") var format: Style = .table
        @OptionGroup var flowOptions: FlowOptions
        @Option(help: ArgumentHelp("Assess as of this date (YYYY-MM-DD); default: today in the UK.", valueName: "date"))
        var today: String?

        func run() throws {
            // The retention period is applied where the file can be written; on a full disk, a
            // read-only file or filesystem the list is still read.
            let store: SessionStore
            if let writable = try? SessionStore.openDefault() {
                Retention.applyConfigured(to: writable)
                store = writable
            } else {
                guard let readable = try openStoreForReading() else {
                    if format == .json { print("[]") } else {
                        print("No saved cases in \(SessionStore.defaultDirectory() ?? "~/.local/share/lotr").")
                    }
                    return
                }
                store = readable
            }
            let flows = try flowOptions.load()
            let day = try parseToday(today)
            let all = try storeCall { try store.cases(flows: flows, today: day) }
            let shown = all.filter { c in
                (search.map(c.matches) ?? true) && (status == .all || c.status.rawValue == status.rawValue)
            }
            switch format {
            case .json:
                print(JSON.array(shown.map { $0.json() }).serialized())
            case .table:
                if all.isEmpty {
                    print("No saved cases in \(store.directory).")
                } else if shown.isEmpty {
                    print("No saved case matches; \(Sessions.count(all.count, "case")) in all.")
                } else {
                    print(Sessions.table(shown))
                }
            }
        }
    }

    struct Label: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "label",
            abstract: "Set or clear a case's label (initials, your own file number).",
            discussion: "The label is personal data: it is stored with the answers, deleted with them, and never logged.")
        @Argument(help: "The session's reference, e.g. K7M-42Q.") var reference: String
        @Argument(help: "The label; leave it out to clear it.") var label: String?

        func run() throws {
            let ref = try Sessions.normalized(reference)
            let store = try openStore()
            try storeCall { try store.setLabel(ref, label: label) }
            let cleaned = label.map(SessionStore.cleanLabel) ?? ""
            print(cleaned.isEmpty ? "Cleared the label of \(ref)." : "Labelled \(ref).")
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete every case last saved longer ago than a period, for good.",
            discussion: """
            --older-than 90d deletes the cases last saved more than 90 days ago; 0d deletes every case. Prints \
            what it deleted. The file is then rebuilt and its write-ahead log emptied, so that nothing of those \
            cases remains on disk. A case open in a running lotr is left alone (and listed).
            """)
        @Option(help: ArgumentHelp("A number of days, such as 90d.", valueName: "days")) var olderThan: String

        func validate() throws {
            guard RetentionPeriod.days(olderThan) != nil else {
                throw ValidationError("--older-than must be a number of days such as 90d, not '\(olderThan)'")
            }
        }

        func run() throws {
            let store = try openStore()
            let result = try storeCall { try store.purge(olderThanDays: RetentionPeriod.days(olderThan)!) }
            print(Sessions.purgeReport(result))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a session's file note as plain text.")
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
            commandName: "export",
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
            commandName: "delete",
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

    /// Free-text columns last, so that a script can still split the fixed ones on spaces.
    static func table(_ all: [CaseListing]) -> String {
        var rows = [["REF", "LAST SAVED", "STARTED", "ANSWERS", "NOTES", "STATUS", "LABEL", "RESULT OR QUESTION REACHED"]]
        for c in all {
            let reached: String
            if let o = c.outcome {
                reached = o.title + (o.form.map { " (\($0))" } ?? "")
            } else {
                reached = c.question.map { $0.text } ?? "not started"
            }
            rows.append([c.reference, UKTime.minute(c.updated), UKTime.civilDate(c.started).iso, String(c.answers),
                         String(c.notes), c.status == .outcome ? "result" : "in progress", c.label ?? "-",
                         String(reached.prefix(60)) + (reached.count > 60 ? "…" : "")])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return (3...4).contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }

    static func purgeReport(_ result: (deleted: [SessionSummary], skipped: [SessionSummary])) -> String {
        var lines: [String] = []
        if result.deleted.isEmpty {
            lines.append("Deleted nothing: no case is that old.")
        } else {
            lines.append("Deleted \(count(result.deleted.count, "case")):")
            for s in result.deleted {
                lines.append("  \(s.reference): started \(UKTime.minute(s.session.created)), last saved \(UKTime.minute(s.session.updated)), "
                             + "\(count(s.answerCount, "answer")), \(count(s.noteCount, "note")).")
            }
        }
        for s in result.skipped {
            lines.append("Kept \(s.reference): it is open in another lotr; close it and purge again.")
        }
        return lines.joined(separator: "\n")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

func openStore() throws -> SessionStore {
    let store = try storeCall { try SessionStore.openDefault() }
    Retention.applyConfigured(to: store)
    return store
}

/// Reading never needs to write: this works on a full disk or a read-only file or filesystem.
private func openStoreForReading() throws -> SessionStore? {
    try storeCall { try SessionStore.openDefaultForReading() }
}

/// Runs a store call, turning its typed errors into a message and an exit status.
func storeCall<T>(_ body: () throws -> T) throws -> T {
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
