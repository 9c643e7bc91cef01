import LotrEngine
import LotrFlow

/// A list of date ranges (trips abroad, gaps between visas) cannot be typed on one line in a
/// way a person would get right, so it has its own small dialogue: add, list, delete, done.
extension PlainSession {
    func itemName(_ q: Question) -> String {
        q.itemName?.text(language) ?? t(.absence)
    }

    /// "a trip abroad", "an absence"; Chinese has no article.
    func withArticle(_ noun: String) -> String {
        guard language != "zh-Hant", let first = noun.lowercased().first else { return noun }
        return ("aeio".contains(first) ? "an " : "a ") + noun
    }

    /// What the two dates of one range are called. Absences are the day the person left and the
    /// day they came back; other lists (such as gaps between visas) say in their help which
    /// dates to give, so they are only the first and second date. Which kind of list it is
    /// shows in the English item name, whatever the language.
    func rangeLabels(_ q: Question) -> (from: String, to: String) {
        let item = (q.itemName?.text("en") ?? "absence").lowercased()
        if q.itemName == nil || item.contains("trip") || item.contains("absence") {
            return (t(.leftUK), t(.cameBack))
        }
        return (t(.firstDateOf, itemName(q)), t(.secondDateOf, itemName(q)))
    }

    func rangeInstruction(_ q: Question) -> String {
        t(.rangeInstruction, withArticle(itemName(q)))
    }

    func rangeCommandsHelp(_ q: Question) -> String {
        let labels = rangeLabels(q)
        return t(.rangeHelp, labels.from, labels.to)
    }

    func span(_ from: CivilDate, _ to: CivilDate) -> String {
        t(.span, Strings.date(from, language), Strings.date(to, language))
    }

    func wholeDays(_ n: Int) -> String { t(n == 1 ? .wholeDay : .wholeDays, n) }

    func describe(_ r: DateRange, _ q: Question) -> String {
        let s = span(r.from, r.to)
        guard q.showTotals else { return s }
        return t(.spanWithDays, s, wholeDays(Calculations.absenceDays(r)))
    }

    func sayTotals(_ items: [DateRange], _ q: Question) {
        guard q.showTotals, !items.isEmpty else { return }
        let total = Calculations.totalDays(items)
        let window = Calculations.maxDaysInAny12Months(items)
        say(t(.totals, wholeDays(total), t(window == 1 ? .day : .days, window)))
    }

    func sayList(_ items: [DateRange], _ q: Question) {
        if items.isEmpty {
            say(t(.listEmpty))
        } else {
            say(items.count == 1 ? t(.listHasOne) : t(.listHasMany, items.count))
            for (i, r) in items.enumerated() { say(t(.listItem, i + 1, describe(r, q))) }
        }
        sayTotals(items, q)
    }

    mutating func askRanges(_ q: Question, current: Value?) throws -> Step {
        var items: [DateRange] = []
        if case .ranges(let rs)? = current { items = rs }
        sayList(items, q)
        let fullPrompt = rangeInstruction(q) + (current != nil ? t(.keepList) : "") + t(.forHelp)
        // The whole instruction once; after an entry, a short reminder (? repeats the whole).
        var prompt = fullPrompt
        while true {
            let line: String
            switch try promptForLine(prompt, q) {
            case .step(let step): return step
            case .line(let l): line = l
            }
            prompt = t(.rangeNextPrompt)
            let words = PlainCommand.splitWords(normalized(line))
            let first = words.first
            if let first, PlainCommand.none.matches(first), words.count == 1 {
                guard items.isEmpty else {
                    say(t(.notUnderstood, rangeInstruction(q)))
                    continue
                }
                say(t(.listNone))
                return .answered(.ranges([]))
            }
            if let first, PlainCommand.importFile.matches(first) {
                importTrips(Self.afterFirstWord(line), into: &items, q)
                continue
            }
            if first == nil || PlainCommand.done.matches(first!) {
                if first == nil && current == nil {
                    say(t(.nothingToAdd, withArticle(itemName(q))))
                    continue
                }
                if let problem = TypedInput.ranges(items, for: q, today: today) {
                    say(localized(problem).message)
                    continue
                }
                return .answered(.ranges(items))
            } else if PlainCommand.add.matches(first!) {
                if let range = try readRange(q, typed: Array(words.dropFirst())) { add(range, to: &items, q) }
            } else if PlainCommand.list.matches(first!) {
                sayList(items, q)
            } else if PlainCommand.delete.matches(first!) {
                guard words.count == 2, let n = Int(words[1]) else {
                    say(items.isEmpty ? t(.nothingToDelete) : t(.deleteHow))
                    continue
                }
                guard n >= 1, n <= items.count else {
                    say(items.isEmpty ? t(.nothingToDelete) : t(.noEntry, n, items.count))
                    continue
                }
                let removed = items.remove(at: n - 1)
                say(t(.deleted, span(removed.from, removed.to)))
                sayTotals(items, q)
            } else {
                say(t(.notUnderstood, rangeInstruction(q)))
            }
        }
    }

    /// `import FILE`: every row of a CSV file added at once, or none of them.
    func importTrips(_ path: String, into items: inout [DateRange], _ q: Question) {
        guard !path.isEmpty else { say(t(.importHow)); return }
        guard let keeper else { say(t(.exportUnavailable)); return }
        let text: String
        switch keeper.read(path) {
        case .success(let t): text = t
        case .failure(let why): say(t(.importFailed, why.message)); return
        }
        switch TripsCSV.merge(text, into: items, for: q, today: today) {
        case .success(let result):
            items = result.ranges
            say(t(.imported, TripsCSV.addedMessage(result.added, total: items.count, language: language)))
            sayTotals(items, q)
        case .failure(let problem):
            say(t(.importFailed, problem.description(in: language)))
        }
    }

    func add(_ range: DateRange, to items: inout [DateRange], _ q: Question) {
        let candidate = items + [range]
        // The items already listed do not overlap each other, so an overlap found involves the new one.
        if case .overlap(let a, let b)? = Calculations.firstProblem(candidate), b == items.count || a == items.count {
            let other = a == items.count ? b : a
            say(t(.overlap, other + 1, span(items[other].from, items[other].to)))
            return
        }
        if let problem = TypedInput.ranges(candidate, for: q, today: today) {
            say(t(.notAdded, localized(problem).message))
            return
        }
        items = candidate.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        say(t(.added, describe(range, q)))
        sayTotals(items, q)
    }

    /// Both dates of one range, from the `add` line or asked one at a time; nil if cancelled.
    func readRange(_ q: Question, typed: [String]) throws -> DateRange? {
        let labels = rangeLabels(q)
        if !typed.isEmpty {
            guard typed.count == 2 else {
                say(t(.addUsage))
                return nil
            }
            var dates: [CivilDate] = []
            for text in typed {
                switch TypedInput.date(text, for: q, today: today) {
                case .success(let d): dates.append(d)
                case .failure(let problem): say(t(.notAdded, localized(problem).message)); return nil
                }
            }
            guard dates[1] >= dates[0] else { say(t(.notAddedReversed, capitalized(labels.to), labels.from)); return nil }
            return DateRange(from: dates[0], to: dates[1])
        }
        guard let from = try readDate(q, label: labels.from) else { return nil }
        while true {
            guard let to = try readDate(q, label: labels.to) else { return nil }
            if to >= from { return DateRange(from: from, to: to) }
            say(t(.reversed, capitalized(labels.to), labels.from, Strings.date(from, language)))
        }
    }

    func readDate(_ q: Question, label: String) throws -> CivilDate? {
        while true {
            output.prompt(t(.readDatePrompt, label))
            let line = try read()
            let typed = normalized(line)
            if PlainCommand.cancel.matches(typed) { say(t(.nothingAdded)); return nil }
            if PlainCommand.quit.matches(typed) { throw Stop.quit }
            if PlainCommand.help.matches(typed) {
                say(t(.readDateHelp, label))
                continue
            }
            switch TypedInput.date(line.foldingFullWidth, for: q, today: today) {
            case .success(let d): return d
            case .failure(let problem): say(localized(problem).message)
            }
        }
    }

    func capitalized(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}
