import LotrEngine
import LotrFlow

/// The commands that act on the case rather than on a question, as on the full screen:
/// `save`, `export [file]`, `label [text]`, and after the result `checklist`, `tick N`, `untick N`.
extension PlainSession {
    /// Saves a confirmed answer through the keeper; the reference is said once, when the case
    /// is first saved.
    mutating func record(_ id: String, _ value: Value) {
        guard let keeper else { return }
        let news = keeper.saveAnswer(id, value: value, position: assess().next?.id)
        tell(news)
        // Notes written before the case existed go with it now.
        if case .startedCase? = news {
            for (key, text) in notes.sorted(by: { $0.key < $1.key }) { tell(keeper.setNote(key, text: text)) }
        }
    }

    func tell(_ news: KeeperNews?) {
        switch news {
        case .startedCase(let ref)?: say(t(.savedAsCase, ref))
        case .savingOff(let why)?: say(t(.savingOff, why))
        case .movedToNewCase(let from, let to)?: say(t(.movedToNewCase, from, to))
        case nil: break
        }
    }

    /// Handles `typed` when it is a case command; false when it is not one.
    mutating func caseCommand(_ typed: String, raw: String, checklist: [ChecklistItem], question: String? = nil) throws -> Bool {
        let words = typed.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return false }
        let rest = Self.afterFirstWord(raw)
        if PlainCommand.save.matches(first) && words.count == 1 {
            if let ref = keeper?.reference {
                say(t(.savedAlready, ref))
            } else if keeper?.isSaving == true {
                say(t(.nothingToSaveYet))
            } else {
                say(t(.notSavingHere))
            }
            return true
        }
        if PlainCommand.export.matches(first) {
            export(to: rest)
            return true
        }
        if PlainCommand.label.matches(first) {
            guard let keeper, keeper.isSaving else { say(t(.notSavingHere)); return true }
            guard keeper.reference != nil else { say(t(.labelNeedsCase)); return true }
            let label = rest.isEmpty ? nil : rest
            tell(keeper.setLabel(label))
            say(label == nil ? t(.labelCleared) : t(.labelSet))
            return true
        }
        if PlainCommand.note.matches(first) {
            noteCommand(rest, on: question ?? FileNote.caseNoteKey)
            return true
        }
        guard question == nil else { return false }
        if PlainCommand.checklist.matches(first) && words.count == 1 {
            sayChecklist(checklist)
            return true
        }
        let tick = PlainCommand.tick.matches(first), untick = PlainCommand.untick.matches(first)
        if tick || untick {
            guard !checklist.isEmpty else { say(t(.noChecklist)); return true }
            guard words.count == 2, let n = Int(words[1]), (1...checklist.count).contains(n) else {
                say(t(.tickHow, checklist.count))
                return true
            }
            let item = checklist[n - 1]
            if tick { ticks.insert(item.id) } else { ticks.remove(item.id) }
            tell(keeper?.setTick(item.id, ticked: tick))
            say(t(tick ? .tickedItem : .untickedItem, n, item.text))
            return true
        }
        return false
    }

    /// `note` reads the note, `note TEXT` writes it, `note -` removes it: on the question asked,
    /// or after the result on the whole case.
    mutating func noteCommand(_ text: String, on key: String) {
        let onCase = key == FileNote.caseNoteKey
        if text.isEmpty {
            if let note = notes[key] { say(t(onCase ? .caseNoteIs : .noteIs, note)) } else { say(t(.noteHow)) }
            return
        }
        let value: String? = text == "-" ? nil : String(text.prefix(500))
        notes[key] = value
        if let keeper, keeper.reference != nil { tell(keeper.setNote(key, text: value)) }
        say(t(value == nil ? .noteRemoved : (onCase ? .caseNoteSaved : .noteSaved)))
        if keeper?.reference == nil && keeper?.isSaving == true { say(t(.noteNotSavedYet)) }
    }

    /// The words after the first one, as typed (a file name or label keeps its case and spaces).
    static func afterFirstWord(_ raw: String) -> String {
        let trimmed = raw.foldingFullWidth.trimmingSpaces
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return "" }
        return String(trimmed[space...]).trimmingSpaces
    }

    func sayChecklist(_ items: [ChecklistItem]) {
        guard !items.isEmpty else { say(t(.noChecklist)); return }
        let done = items.filter { ticks.contains($0.id) }.count
        say(t(.checklistHeading, done, items.count))
        for (i, item) in items.enumerated() {
            let state = Strings.text(ticks.contains(item.id) ? .gathered : .notYetGathered, language)
            say(t(.checklistItem, i + 1, item.text, state))
        }
    }

    /// Writes the file note (answers, notes, ticks, the result) to `path`, by its extension
    /// Markdown, text or JSON; without a path, `lotr-REFERENCE.md` or `lotr-DATE.md` here.
    func export(to requested: String) {
        guard let keeper else { say(t(.exportUnavailable)); return }
        let path = requested.isEmpty ? "lotr-\(keeper.reference ?? today.iso).md" : requested
        let note = FileNote(flows: flows, reference: keeper.reference ?? t(.notSavedReference), today: today,
                            answers: answers, notes: notes, ticks: ticks, language: language)
        let text: String
        if path.hasSuffix(".json") {
            text = note.json().serialized() + "\n"
        } else if path.hasSuffix(".txt") {
            text = note.text()
        } else {
            text = note.markdown()
        }
        switch keeper.write(text, to: path) {
        case .success(let written): say(t(.exported, written))
        case .failure(let why): say(t(.exportFailed, why.message))
        }
    }
}
