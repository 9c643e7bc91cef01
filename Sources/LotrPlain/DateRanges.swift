import LotrEngine
import LotrFlow

/// A list of date ranges (trips abroad, gaps between visas) cannot be typed on one line in a
/// way a person would get right, so it has its own small dialogue: add, list, delete, done.
extension PlainSession {
    func itemName(_ q: Question) -> String {
        q.itemName?.text(language) ?? "absence"
    }

    /// "a trip abroad", "an absence".
    func withArticle(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return noun }
        return ("aeio".contains(first) ? "an " : "a ") + noun
    }

    /// What the two dates of one range are called. Absences are the day the person left and the
    /// day they came back; other lists (such as gaps between visas) say in their help which
    /// dates to give, so they are only the first and second date.
    func rangeLabels(_ q: Question) -> (from: String, to: String) {
        let item = itemName(q).lowercased()
        if q.itemName == nil || item.contains("trip") || item.contains("absence") {
            return ("the day you left the UK", "the day you came back")
        }
        return ("the first date of the \(itemName(q))", "the second date of the \(itemName(q))")
    }

    func rangeInstruction(_ q: Question) -> String {
        "Type add to add \(withArticle(itemName(q))), list, delete and a number, or done when the list is complete"
    }

    func rangeCommandsHelp(_ q: Question) -> String {
        let labels = rangeLabels(q)
        return "To build the list: add asks for \(labels.from) and \(labels.to), as DD/MM/YYYY (or type both on one line: add 01/05/2024 05/05/2024); list reads the list; delete and a number removes one; done finishes. An empty list is a valid answer."
    }

    func describe(_ r: DateRange, _ q: Question) -> String {
        var s = "\(r.from.long) to \(r.to.long)"
        if q.showTotals {
            let days = Calculations.absenceDays(r)
            s += ": \(days) whole \(days == 1 ? "day" : "days")"
        }
        return s
    }

    func sayTotals(_ items: [DateRange], _ q: Question) {
        guard q.showTotals, !items.isEmpty else { return }
        let total = Calculations.totalDays(items)
        let window = Calculations.maxDaysInAny12Months(items)
        say("Total so far: \(total) whole \(total == 1 ? "day" : "days"). Most in any 12 months: \(window) \(window == 1 ? "day" : "days").")
    }

    func sayList(_ items: [DateRange], _ q: Question) {
        if items.isEmpty {
            say("The list is empty.")
        } else {
            say("The list has \(items.count) \(items.count == 1 ? "entry" : "entries"):")
            for (i, r) in items.enumerated() { say("  \(i + 1). \(describe(r, q))") }
        }
        sayTotals(items, q)
    }

    mutating func askRanges(_ q: Question, current: Value?) throws -> Step {
        var items: [DateRange] = []
        if case .ranges(let rs)? = current { items = rs }
        sayList(items, q)
        let prompt = rangeInstruction(q) + (current != nil ? ", Enter to keep the list" : "") + ", ? for help:"
        while true {
            output.prompt(prompt)
            let line = try read()
            switch command(line) {
            case .help?: showHelp(q); continue
            case .back?: return .back
            case .review?: return .review
            case .quit?: throw Stop.quit
            case nil: break
            }
            let words = normalized(line).split(whereSeparator: \.isWhitespace).map(String.init)
            switch words.first {
            case nil where current != nil, "done":
                if let problem = TypedInput.ranges(items, for: q, today: today) {
                    say(problem.message)
                    continue
                }
                return .answered(.ranges(items))
            case nil:
                say("Type add to add \(withArticle(itemName(q))), or done if there is nothing to add.")
            case "add":
                if let range = try readRange(q, typed: Array(words.dropFirst())) { add(range, to: &items, q) }
            case "list":
                sayList(items, q)
            case "delete":
                guard words.count == 2, let n = Int(words[1]) else {
                    say(items.isEmpty ? "The list is empty; there is nothing to delete."
                                      : "Type delete and the number of the entry, such as delete 1.")
                    continue
                }
                guard n >= 1, n <= items.count else {
                    say(items.isEmpty ? "The list is empty; there is nothing to delete."
                                      : "There is no entry \(n); the list has \(items.count).")
                    continue
                }
                let removed = items.remove(at: n - 1)
                say("Deleted \(removed.from.long) to \(removed.to.long).")
                sayTotals(items, q)
            default:
                say("That is not something this list understands. \(rangeInstruction(q)).")
            }
        }
    }

    func add(_ range: DateRange, to items: inout [DateRange], _ q: Question) {
        let candidate = items + [range]
        for problem in Calculations.validate(candidate) {
            if case .overlap(let a, let b) = problem, b == items.count || a == items.count {
                let other = a == items.count ? b : a
                say("Not added: it overlaps entry \(other + 1), \(items[other].from.long) to \(items[other].to.long). Check the dates: one cannot start before the other ends.")
                return
            }
        }
        if let problem = TypedInput.ranges(candidate, for: q, today: today) {
            say("Not added. \(problem.message)")
            return
        }
        items = candidate.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        say("Added: \(describe(range, q)).")
        sayTotals(items, q)
    }

    /// Both dates of one range, from the `add` line or asked one at a time; nil if cancelled.
    func readRange(_ q: Question, typed: [String]) throws -> DateRange? {
        let labels = rangeLabels(q)
        if !typed.isEmpty {
            guard typed.count == 2 else {
                say("Type add on its own, or add and two dates such as add 01/05/2024 05/05/2024.")
                return nil
            }
            var dates: [CivilDate] = []
            for text in typed {
                switch TypedInput.date(text, for: q, today: today) {
                case .success(let d): dates.append(d)
                case .failure(let problem): say("Not added. \(problem.message)"); return nil
                }
            }
            guard dates[1] >= dates[0] else { say("Not added. \(capitalized(labels.to)) is before \(labels.from)."); return nil }
            return DateRange(from: dates[0], to: dates[1])
        }
        guard let from = try readDate(q, label: labels.from) else { return nil }
        while true {
            guard let to = try readDate(q, label: labels.to) else { return nil }
            if to >= from { return DateRange(from: from, to: to) }
            say("\(capitalized(labels.to)) is before \(labels.from) (\(from.long)).")
        }
    }

    func readDate(_ q: Question, label: String) throws -> CivilDate? {
        while true {
            output.prompt("Type \(label) as DD/MM/YYYY, or cancel:")
            let line = try read()
            switch normalized(line) {
            case "cancel": say("Nothing added."); return nil
            case "quit": throw Stop.quit
            case "?", "help":
                say("Type \(label) as day, month and year, for example 09/04/2025. Type cancel to stop adding this one.")
                continue
            default: break
            }
            switch TypedInput.date(line, for: q, today: today) {
            case .success(let d): return d
            case .failure(let problem): say(problem.message)
            }
        }
    }

    func capitalized(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}
