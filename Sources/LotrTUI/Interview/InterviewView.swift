import LotrEngine
import LotrFlow

/// Draws the interview into a cell grid. Pure: the same model and size always give the same
/// screen, so every screen is tested as text.
public enum InterviewView {
    public static func render(_ m: InterviewModel, _ size: Size) -> Screen {
        var s = Screen(size: size)
        let a = m.assessment
        drawHeader(&s, m, a)
        let body = bodyRect(size)
        switch m.page {
        case .welcome: drawWelcome(&s, m, body)
        case .question(let id):
            if let q = m.flows.questions[id] { drawQuestion(&s, m, q, body) }
        case .review: drawReview(&s, m, a, body)
        case .outcome:
            if let o = a.outcome { drawOutcome(&s, m, o, body) }
        }
        // Every key that works is listed: on a second line when one is not enough.
        let keyLines = wrapHints(hints(m), width: size.cols - 2)
        var messageInDialog = false
        if case .export? = m.overlay { messageInDialog = true }
        var bottom = size.rows - keyLines.count
        if let text = m.message, !messageShownAtField(m), !messageInDialog {
            // Wrapped upwards from the line above the keys, never cut.
            let lines = TextLayout.wrap(text, width: max(1, size.cols - 4))
            let top = max(body.row, bottom - lines.count)
            for (i, line) in lines.prefix(bottom - top).enumerated() {
                s.fill(Rect(row: top + i, col: 0, rows: 1, cols: size.cols))
                s.write(line, row: top + i, col: 2, style: m.messageIsError ? .error : .accent)
            }
            bottom = top
        }
        // The adviser's note on this question, just above the message (or the keys).
        if let note = shownNote(m), bottom - 1 > body.row {
            s.fill(Rect(row: bottom - 1, col: 0, rows: 1, cols: size.cols))
            s.writeTruncated("✎ " + note, row: bottom - 1, col: 2, width: size.cols - 4, style: .dim)
        }
        for (i, line) in keyLines.enumerated() {
            s.fill(Rect(row: size.rows - keyLines.count + i, col: 0, rows: 1, cols: size.cols))
            s.write(line, row: size.rows - keyLines.count + i, col: 1, style: .dim)
        }
        switch m.overlay {
        case .help?: drawHelp(&s, m)
        case .confirmQuit?: drawConfirmQuit(&s, m.language, savingOff: m.savingOff, kiosk: m.isKiosk)
        case .export(let format, let path)?: drawExport(&s, format, path, m.language, message: m.message, isError: m.messageIsError)
        case .confirmReplace(_, _, let fullPath)?: drawConfirmReplace(&s, fullPath, m.language)
        case .note(let question, let text)?: drawNote(&s, m, question, text)
        case .importFile(_, let path)?: drawImport(&s, path, m.language)
        case .label(let text)?: drawLabel(&s, text, m.language)
        case .cases(let search, let row)?: CaseListView.draw(&s, m, search: search, row: row)
        case .caseInUse(let reference, let holder)?: CaseListView.drawInUse(&s, reference, holder, m.language)
        case nil: break
        }
        return s
    }

    /// The note shown below the page: a question's own note on its question; the case note on
    /// the result and review screens.
    static func shownNote(_ m: InterviewModel) -> String? {
        switch m.page {
        case .question(let id):
            return m.notes[id].map { t(m, .adviserNote) + ": " + $0 }
        case .outcome, .review:
            return m.notes[FileNote.caseNoteKey].map { t(m, .caseNoteLabel) + ": " + $0 }
        case .welcome:
            return nil
        }
    }

    // MARK: Geometry (shared with the model, which pages by a screenful)

    static func bodyRect(_ size: Size) -> Rect {
        Rect(row: 3, col: 2, rows: max(0, size.rows - 6), cols: max(0, size.cols - 4))
    }

    /// The scrolling part of the outcome page: below the title and form (`headerRows` lines
    /// once wrapped) and the rule under them.
    static func outcomeBody(_ size: Size, headerRows: Int = 2) -> (rows: Int, cols: Int) {
        let b = bodyRect(size)
        return (max(1, b.rows - headerRows - 1), max(1, b.cols))
    }

    static func reviewListRows(_ size: Size) -> Int { max(1, bodyRect(size).rows - 2) }

    // MARK: Chrome

    static func stageShortName(_ stage: Stage, _ language: String = "en") -> String {
        TUIStrings.stageShortName(stage, language)
    }

    /// The interview's own words in the model's language.
    static func t(_ m: InterviewModel, _ key: TUIText, _ args: String...) -> String {
        var s = TUIStrings.text(key, m.language)
        for (i, a) in args.enumerated().reversed() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }

    static func drawHeader(_ s: inout Screen, _ m: InterviewModel, _ a: Assessment) {
        s.fill(Rect(row: 0, col: 0, rows: 1, cols: s.cols), style: Style(.title, reverse: true))
        let title = t(m, .title)
        s.write(title, row: 0, col: 0, style: Style(.title, bold: true, reverse: true))
        var right = ""
        var current: Stage?
        switch m.page {
        case .welcome: right = t(m, .welcome)
        case .question(let id):
            right = t(m, .questionNumber, String((a.path.firstIndex(of: id) ?? a.path.count) + 1))
            current = m.flows.questions[id]?.stage
        case .review: right = t(m, .reviewTitle)
        case .outcome:
            right = t(m, .result)
            current = a.outcome.flatMap { Stage(rawValue: $0.stage) }
        }
        if case .question(let id) = m.page, m.notes[id] != nil { right = "✎ " + right }
        // While saving is off the header says so, whatever the width: a case reference there
        // would read as if the answers were safe. Otherwise the reference, where there is room.
        if m.savingOff != nil {
            right = t(m, .notSaved) + right
            if s.cols <= DisplayWidth.of(right) + DisplayWidth.of(title) + 2 {
                right = String(t(m, .notSaved).prefix { $0 != "·" })
                while right.last == " " { right.removeLast() }
            }
        } else if let ref = m.caseReference, s.cols > DisplayWidth.of(right) + 56 {
            let withLabel = m.caseLabel.map { t(m, .caseRef, ref + " " + TextLayout.truncate($0, width: 16)) + right }
            right = withLabel.flatMap { s.cols > DisplayWidth.of($0) + 42 ? $0 : nil } ?? (t(m, .caseRef, ref) + right)
        }
        let rw = DisplayWidth.of(right)
        if s.cols > rw + DisplayWidth.of(title) + 2 { s.write(right + " ", row: 0, col: s.cols - rw - 1, style: Style(.title, bold: true, reverse: true)) }
        // The five stages in order, with the current one marked, so a person always knows where they are.
        var col = 1
        for (i, stage) in Stage.allCases.enumerated() {
            let name = "\(i + 1) \(stageShortName(stage, m.language))"
            let isCurrent = stage == current
            let past = current.map { stage < $0 } ?? false
            let style: Style = isCurrent ? Style(.highlight, bold: true) : (past ? .dim : .normal)
            col = s.write(isCurrent ? "[\(name)]" : name, row: 1, col: col, style: style)
            if i < 4 { col = s.write(" › ", row: 1, col: col, style: .dim) }
        }
        s.horizontalLine(row: 2, col: 0, width: s.cols, style: .dim)
    }

    /// The key hints as separate parts, most needed first: a narrow window drops the last ones
    /// whole rather than cutting one in half.
    static func hints(_ m: InterviewModel) -> [String] {
        if m.overlay != nil { return [] }
        let keys: [TUIText]
        switch m.page {
        case .welcome: keys = [.hintStart, .hintOpenCase, .hintLanguage, .hintHelp, .hintQuit, .hintLabel]
        case .review: keys = [.hintChoose, .hintChangeAnswer, .hintReturn, .hintCtrlCQuit, .hintCaseNote]
        case .outcome: keys = [.hintItem, .hintTick, .hintScroll, .hintExport, .hintPrint, .hintNewCase, .hintReview, .hintQuit, .hintCaseNote, .hintLabel]
        case .question(let id):
            guard let q = m.flows.questions[id] else { return [] }
            let f = m.field(id)
            switch q.kind {
            case .yesNo: keys = [.hintYesNo, .hintConfirm, .hintBack, .hintHelp, .hintReview, .hintCtrlCQuit]
            case .choice:
                return [t(m, .hintChoiceNumbers, String(min(9, q.options.count)))]
                    + [TUIText.hintConfirm, .hintBack, .hintHelp, .hintReview, .hintCtrlCQuit].filter { !(m.isKiosk && $0 == .hintCtrlCQuit) }.map { t(m, $0) }
            case .multiChoice: keys = [.hintMove, .hintTick, .hintConfirm, .hintBack, .hintHelp, .hintReview, .hintCtrlCQuit]
            case .dateRanges:
                keys = f.edit == nil ? [.hintMove, .hintAdd, .hintChange, .hintDelete, .hintContinue, .hintBack, .hintHelp, .hintImport, .hintReview]
                    : [.hintOtherDate, .hintSave, .hintCancel, .hintF1Help]
            case .text, .date: keys = [.hintType, .hintConfirm, .hintBack, .hintF1Help, .hintCtrlRReview, .hintCtrlCQuit]
            default: keys = [.hintType, .hintConfirm, .hintBack, .hintHelp, .hintReview, .hintCtrlCQuit]
            }
        }
        return keys.filter { key in
            if m.isKiosk && (key == .hintQuit || key == .hintCtrlCQuit) { return false }
            if key == .hintExport { return m.canExport }
            if key == .hintPrint { return m.canPrint }
            if key == .hintImport || key == .hintCaseNote || key == .hintLabel { return !m.isKiosk }
            if key == .hintOpenCase { return !m.isKiosk && m.canOpenCases }
            return true
        }.map { t(m, $0) }
    }

    /// The hints on one line, or two when one cannot hold them all; each part stays whole.
    static func wrapHints(_ parts: [String], width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for p in parts {
            let next = current.isEmpty ? p : current + " · " + p
            if DisplayWidth.of(next) > width && !current.isEmpty {
                lines.append(current)
                current = p
            } else {
                current = next
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.count <= 2 ? lines : [lines[0], fitHints(Array(parts.dropFirst(lines[0].components(separatedBy: " · ").count)), width: width)]
    }

    static func fitHints(_ parts: [String], width: Int) -> String {
        var out = ""
        for p in parts {
            let next = out.isEmpty ? p : out + " · " + p
            if DisplayWidth.of(next) > width { break }
            out = next
        }
        return out
    }

    // MARK: Pages

    static func drawWelcome(_ s: inout Screen, _ m: InterviewModel, _ r: Rect) {
        var row = r.row
        row += s.writeWrapped(t(m, .welcomeHeading), in: Rect(row: row, col: r.col, rows: 2, cols: r.cols), style: Style(.title, bold: true))
        row += 1
        let paragraphs = [
            t(m, .welcomeAbout),
            t(m, .welcomeNotAdvice),
            t(m, m.isKiosk ? .welcomeKeysKiosk : .welcomeKeys),
            t(m, .welcomeReviewed, TUIStrings.date(m.flows.reviewed, m.language), m.flows.rulesVersions(m.language).first ?? ""),
        ]
        for (i, p) in paragraphs.enumerated() {
            guard row < r.bottom else { break }
            row += s.writeWrapped(p, in: Rect(row: row, col: r.col, rows: r.bottom - row, cols: r.cols), style: i == 3 ? .dim : .normal) + 1
        }
        if row <= r.bottom { s.write(t(m, .welcomeStart), row: min(row, r.bottom), col: r.col, style: Style(.accent, bold: true)) }
        // The way to the other language, written in that language, so a person who cannot read
        // this one still finds it.
        if row + 1 < r.bottom { s.writeTruncated(t(m, .welcomeLanguage), row: row + 1, col: r.col, width: r.cols, style: .accent) }
    }

    static func drawQuestion(_ s: inout Screen, _ m: InterviewModel, _ q: Question, _ r: Rect) {
        let terms = q.terms.compactMap { m.flows.glossary[$0]?.term.text(m.language) }.map(glossaryWord)
        let lines = TextLayout.wrap(q.text.text(m.language), width: r.cols)
        var row = r.row
        for line in lines.prefix(max(1, r.rows - 4)) {
            writeHighlighting(&s, line, row: row, col: r.col, terms: terms)
            row += 1
        }
        // The note promises underlined words, so it appears only when one is on screen.
        let shownLower = lines.prefix(max(1, r.rows - 4)).joined(separator: " ").lowercased()
        if terms.contains(where: { !$0.isEmpty && shownLower.contains($0.lowercased()) }), row < r.bottom {
            s.writeTruncated(t(m, .underlinedTerms, FieldState.isTyping(q.kind, m.field(q.id)) ? "F1" : "?"), row: row, col: r.col, width: r.cols, style: .dim)
            row += 1
        }
        row += 1
        let area = Rect(row: row, col: r.col, rows: max(0, r.bottom - row), cols: r.cols)
        let f = m.field(q.id)
        switch q.kind {
        // Nothing is shown as chosen until the person chooses: no highlight on a fresh question.
        case .yesNo: drawOptions(&s, [Strings.text(.yes, m.language), Strings.text(.no, m.language)], cursor: f.picked ? f.cursor : -1, chosen: nil, multi: nil, in: area, more: t(m, .moreAbove))
        case .choice: drawOptions(&s, q.options.map { $0.text.text(m.language) }, cursor: f.picked ? f.cursor : -1, chosen: nil, multi: nil, in: area, more: t(m, .moreAbove))
        case .multiChoice:
            let none = FieldState.hasNoneRow(q)
            var ticked = f.toggled
            if none && f.noneTicked { ticked.insert(q.options.count) }
            drawOptions(&s, q.options.map { $0.text.text(m.language) } + (none ? [t(m, .noneOfThese)] : []), cursor: f.cursor, chosen: nil, multi: ticked, in: area, more: t(m, .moreAbove))
        case .date:
            drawField(&s, label: t(m, .dateLabel), text: f.text, width: InterviewModel.dateFieldLength + 1, in: area)
            let used = drawFieldMessage(&s, m, row: area.row + 1, in: area)
            if area.rows > 2 + used {
                s.writeWrapped(t(m, .dateExample), in: Rect(row: area.row + 2 + used, col: area.col, rows: max(0, area.bottom - area.row - 2 - used), cols: area.cols), style: .dim)
            }
        case .number:
            drawField(&s, label: (q.unit?.text(m.language)).map { t(m, .numberOf, $0) } ?? t(m, .number), text: f.text, width: 10, in: area)
            drawFieldMessage(&s, m, row: area.row + 1, in: area)
        case .money:
            drawField(&s, label: t(m, .amount), text: f.text, width: 14, in: area)
            drawFieldMessage(&s, m, row: area.row + 1, in: area)
        case .text:
            drawField(&s, label: t(m, .answer), text: f.text, width: min(area.cols - 10, q.maxLength ?? 60), in: area)
            drawFieldMessage(&s, m, row: area.row + 1, in: area)
        case .dateRanges: drawRanges(&s, m, q, f, in: area)
        }
    }

    /// The word to underline for a glossary term: "permission (leave)" is found as "permission",
    /// "居留許可（leave）" as "居留許可".
    static func glossaryWord(_ term: String) -> String {
        String(String(term.split(whereSeparator: { $0 == "(" || $0 == "（" }).first ?? Substring(term)).drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    static func writeHighlighting(_ s: inout Screen, _ line: String, row: Int, col: Int, terms: [String]) {
        s.write(line, row: row, col: col, style: Style(.normal, bold: true))
        let lower = line.lowercased()
        for term in terms where !term.isEmpty {
            let needle = term.lowercased()
            var searchStart = lower.startIndex
            while let found = lower[searchStart...].firstRange(ofExactly: needle) {
                let startCol = col + DisplayWidth.of(lower[lower.startIndex..<found.lowerBound])
                let width = DisplayWidth.of(lower[found])
                s.restyle(Rect(row: row, col: startCol, rows: 1, cols: width), style: Style(.term, bold: true, underline: true))
                searchStart = found.upperBound
            }
        }
    }

    static func drawOptions(_ s: inout Screen, _ options: [String], cursor: Int, chosen: Int?, multi: Set<Int>?, in r: Rect, more: String = "↑ more") {
        guard r.rows > 0 else { return }
        // Keep the highlighted option in view when there are more options than rows.
        var heights = options.map { min(3, TextLayout.wrap($0, width: max(1, r.cols - 9)).count) }
        if heights.isEmpty { heights = [1] }
        var first = 0
        while first < cursor && cursor < heights.count && heights[first...cursor].reduce(0, +) > r.rows { first += 1 }
        var row = r.row
        for i in first..<options.count {
            let lines = TextLayout.wrap(options[i], width: max(1, r.cols - 9))
            guard row + min(lines.count, 3) <= r.bottom else { break }
            let isCursor = i == cursor
            let mark: String
            if let multi { mark = multi.contains(i) ? "[x]" : "[ ]" } else { mark = isCursor ? "(•)" : "( )" }
            let number = i < 9 ? "\(i + 1)." : "  "
            let style: Style = isCursor ? Style(.selected, reverse: true) : .normal
            for (j, line) in lines.prefix(3).enumerated() {
                let prefix = j == 0 ? "\(isCursor ? "▸" : " ") \(mark) \(number) " : String(repeating: " ", count: 9)
                let text = TextLayout.pad(prefix + line, width: r.cols)
                s.write(text, row: row, col: r.col, style: style)
                row += 1
            }
        }
        if first > 0 { s.write(more, row: r.row, col: r.right - DisplayWidth.of(more), style: .dim) }
    }

    /// Whether the message belongs to a typed field and is drawn under it (`drawQuestion`).
    static func messageShownAtField(_ m: InterviewModel) -> Bool {
        guard m.overlay == nil, m.message != nil, let q = m.currentQuestion else { return false }
        switch q.kind {
        case .date, .number, .money, .text: return true
        case .dateRanges: return m.field(q.id).edit != nil
        default: return false
        }
    }

    /// The message under a field, wrapped; returns the rows used.
    @discardableResult
    static func drawFieldMessage(_ s: inout Screen, _ m: InterviewModel, row: Int, in r: Rect) -> Int {
        guard messageShownAtField(m), let text = m.message, row < r.bottom else { return 0 }
        return s.writeWrapped(text, in: Rect(row: row, col: r.col, rows: r.bottom - row, cols: r.cols), style: m.messageIsError ? .error : .accent)
    }

    static func drawField(_ s: inout Screen, label: String, text: String, width: Int, in r: Rect) {
        guard r.rows > 0 else { return }
        let col = s.write(label + " ", row: r.row, col: r.col, style: .normal)
        let shown = TextLayout.truncate(String(text.suffix(max(1, width - 1))), width: max(1, width))
        let w = max(width, DisplayWidth.of(shown) + 1)
        s.write(TextLayout.pad(shown, width: w), row: r.row, col: col, style: Style(.selected, underline: true))
        s.cursor = Position(row: r.row, col: min(s.cols - 1, col + DisplayWidth.of(shown)))
    }

    /// "1 trip abroad", "3 trips abroad": English puts the first word of an item name in the
    /// plural; Chinese counts with a measure word in the text around it, so the number alone.
    static func counted(_ n: Int, _ noun: String, _ language: String) -> String {
        language == "zh-Hant" ? String(n) : "\(n) \(n == 1 ? noun : Strings.plural(noun))"
    }

    static func drawRanges(_ s: inout Screen, _ m: InterviewModel, _ q: Question, _ f: FieldState, in r: Rect) {
        guard r.rows > 0 else { return }
        var row = r.row
        let item = q.itemName?.text(m.language) ?? t(m, .period)
        let zh = m.language == "zh-Hant"
        if q.showTotals {
            let total = Calculations.totalDays(f.ranges), most = Calculations.maxDaysInAny12Months(f.ranges)
            let items = zh ? String(f.ranges.count) : counted(f.ranges.count, item, m.language)
            s.writeTruncated(t(m, .totalsMany, items, zh ? item : "", zh ? String(total) : (total == 1 ? "1 whole day" : "\(total) whole days"),
                               zh ? String(most) : (most == 1 ? "1 day" : "\(most) days")),
                             row: row, col: r.col, width: r.cols, style: .accent)
            row += 1
        }
        // Room for the form below the list: its title, the two dates, and a hint or message.
        let formRows = f.edit == nil ? 0 : 3 + max(0, (m.message.map { TextLayout.wrap($0, width: r.cols).count } ?? 1) - 1)
        let listRows = max(1, r.bottom - row - formRows)
        let entries = f.ranges.map { rg in t(m, .rangeDays, rg.from.uk, rg.to.uk, zh ? String(Calculations.absenceDays(rg)) : (Calculations.absenceDays(rg) == 1 ? "1 day" : "\(Calculations.absenceDays(rg)) days")) }
            + [t(m, item.first.map { "aeiou".contains($0) } == true ? .addAn : .addA, item), t(m, .done)]
        var first = 0
        let focus = f.edit?.index ?? (f.edit != nil ? f.ranges.count : f.row)
        if focus >= listRows { first = focus - listRows + 1 }
        let listTop = row
        for i in first..<entries.count where row < listTop + listRows && row < r.bottom {
            let isCursor = i == f.row && f.edit == nil
            let label = i < f.ranges.count ? "\(i + 1). " + entries[i] : entries[i]
            s.write(TextLayout.pad((isCursor ? "▸ " : "  ") + label, width: r.cols), row: row, col: r.col,
                    style: isCursor ? Style(.selected, reverse: true) : (f.pendingDelete == i ? .error : .normal))
            row += 1
        }
        // A long list says what is out of view.
        if first > 0 { s.write(t(m, .moreAbove), row: listTop, col: r.right - DisplayWidth.of(t(m, .moreAbove)), style: .dim) }
        if first + listRows < entries.count {
            let more = t(m, .moreBelow)
            s.write(more, row: listTop + listRows - 1, col: r.right - DisplayWidth.of(more), style: .dim)
        }
        if let edit = f.edit, row < r.bottom {
            let titleRow = row
            s.write(edit.index.map { t(m, .changeRange, item, String($0 + 1)) } ?? t(m, .newRange, item), row: titleRow, col: r.col, style: Style(.accent, bold: true))
            let editRow = min(titleRow + 1, r.bottom - 1)
            var col = s.write(t(m, .leftUK), row: editRow, col: r.col)
            // Only the date being typed is highlighted; the other is a plain underlined box.
            col = s.write(TextLayout.pad(edit.from, width: 11), row: editRow, col: col, style: edit.onTo ? Style(.normal, underline: true) : Style(.selected, reverse: true, underline: true))
            let fromEnd = col
            col = s.write(t(m, .cameBack), row: editRow, col: col)
            s.write(TextLayout.pad(edit.to, width: 11), row: editRow, col: col, style: edit.onTo ? Style(.selected, reverse: true, underline: true) : Style(.normal, underline: true))
            s.cursor = Position(row: editRow, col: edit.onTo ? col + DisplayWidth.of(edit.to) : fromEnd - 11 + DisplayWidth.of(edit.from))
            if editRow + 1 < r.bottom {
                if drawFieldMessage(&s, m, row: editRow + 1, in: r) == 0 {
                    s.writeTruncated(t(m, .rangeHint), row: editRow + 1, col: r.col, width: r.cols, style: .dim)
                }
            }
        } else if let pending = f.pendingDelete, pending < f.ranges.count, row < r.bottom {
            let rg = f.ranges[pending]
            s.writeWrapped(t(m, .confirmDelete, item, rg.from.uk, rg.to.uk), in: Rect(row: row, col: r.col, rows: r.bottom - row, cols: r.cols), style: Style(.error, bold: true))
        }
    }

    /// The review as lines: each question in full, its answer under it, and the adviser's
    /// note marked ✎, every line knowing which answer (row of the review) it belongs to.
    static func reviewLines(_ m: InterviewModel, _ a: Assessment, width: Int) -> [(text: String, row: Int, style: Style)] {
        var out: [(text: String, row: Int, style: Style)] = []
        for (offset, id) in a.path.enumerated() {
            guard let q = m.flows.questions[id], let v = m.answers[id] else { continue }
            let number = "\(offset + 1). "
            let indent = String(repeating: " ", count: DisplayWidth.of(number) + 2)
            let question = TextLayout.wrap(q.text.text(m.language), width: max(1, width - indent.count))
            for (i, line) in question.enumerated() {
                out.append(((i == 0 ? "  " + number : indent) + line, offset, Style(.normal, bold: true)))
            }
            let answer = TextLayout.wrap(t(m, .reviewAnswer) + Format.value(v, question: q, language: m.language), width: max(1, width - indent.count))
            for line in answer { out.append((indent + line, offset, .accent)) }
            if let note = m.notes[id] {
                for line in TextLayout.wrap("✎ " + t(m, .reviewNote) + note, width: max(1, width - indent.count)) { out.append((indent + line, offset, .dim)) }
            }
        }
        return out
    }

    static func drawReview(_ s: inout Screen, _ m: InterviewModel, _ a: Assessment, _ r: Rect) {
        s.writeTruncated(t(m, .reviewIntro), row: r.row, col: r.col, width: r.cols, style: .dim)
        let listTop = r.row + 2, height = max(1, r.bottom - listTop)
        let lines = reviewLines(m, a, width: r.cols)
        // The chosen answer is kept wholly in view.
        let first = lines.firstIndex { $0.row == m.reviewRow } ?? 0
        let last = lines.lastIndex { $0.row == m.reviewRow } ?? 0
        var top = 0
        if last >= height { top = last - height + 1 }
        if first < top { top = first }
        for (i, line) in lines.dropFirst(top).prefix(height).enumerated() {
            let isCursor = line.row == m.reviewRow
            var text = line.text
            if isCursor, i == 0 || lines[top + i - 1].row != line.row, text.hasPrefix("  ") { text = "▸ " + text.dropFirst(2) }
            s.write(TextLayout.pad(text, width: r.cols), row: listTop + i, col: r.col,
                    style: isCursor ? Style(.selected, reverse: true) : line.style)
        }
        if top > 0 { s.write("↑", row: listTop, col: r.right, style: .dim) }
        if top + height < lines.count { s.write("↓", row: listTop + height - 1, col: r.right, style: .dim) }
    }

    /// The outcome page: a fixed heading, then a scrolling body with the checklist.
    static func drawOutcome(_ s: inout Screen, _ m: InterviewModel, _ o: OutcomeResult, _ r: Rect) {
        var row = r.row
        // The title and the form are the answer: wrapped in full, never cut.
        for line in OutcomeLayout.header(o, width: r.cols, language: m.language) where row < r.bottom {
            s.write(line.text, row: row, col: r.col, style: line.style, maxWidth: r.cols)
            row += 1
        }
        s.horizontalLine(row: row, col: r.col, width: r.cols, style: .dim)
        row += 1
        let body = OutcomeLayout.body(o, ticks: m.ticks, selected: m.outcomeItem, width: r.cols, language: m.language)
        let height = max(1, r.bottom - row)
        var top = min(max(0, m.outcomeScroll), max(0, body.count - height))
        if m.viewSize != s.size, let selectedLine = body.firstIndex(where: { $0.item == m.outcomeItem }) {
            // The model has not been told this size yet, so its scroll may not show the choice.
            if selectedLine < top { top = selectedLine } else if selectedLine >= top + height { top = selectedLine - height + 1 }
        }
        for (i, line) in body.dropFirst(top).prefix(height).enumerated() {
            s.write(line.text, row: row + i, col: r.col, style: line.style, maxWidth: r.cols)
        }
        if top > 0 { s.write("↑", row: row, col: r.right, style: .dim) }
        if top + height < body.count { s.write("↓", row: row + height - 1, col: r.right, style: .dim) }
    }

    // MARK: Overlays

    static func overlayRect(_ s: Screen, rows: Int, cols: Int) -> Rect {
        let w = min(s.cols - 4, cols), h = min(s.rows - 2, rows)
        return Rect(row: max(1, (s.rows - h) / 2), col: (s.cols - w) / 2, rows: h, cols: w)
    }

    /// The help text for the page, wrapped to `width`: help, why, terms, the date forms, and the
    /// source with its address, a blank line between parts.
    static func helpLines(_ m: InterviewModel, width: Int) -> [(String, Style)] {
        var parts: [(String, Style)] = []
        if let q = m.currentQuestion {
            if let help = q.help?.text(m.language) { parts.append((help, .normal)) }
            if let why = q.why?.text(m.language) { parts.append((t(m, .whyWeAsk) + why, .normal)) }
            for id in q.terms {
                if let t = m.flows.glossary[id] { parts.append((t.term.text(m.language) + TUIStrings.text(.termSeparator, m.language) + t.text.text(m.language), .term)) }
            }
            if q.kind == .date || q.kind == .dateRanges { parts.append((t(m, .dateHelp), .dim)) }
            parts.append((t(m, .source) + q.source.text(m.language) + (q.source.document.url.map { " – " + $0 } ?? ""), .dim))
        } else {
            parts.append((t(m, m.isKiosk ? .generalHelpKiosk : .generalHelp), .normal))
        }
        var lines: [(String, Style)] = []
        for (i, (text, style)) in parts.enumerated() {
            if i > 0 { lines.append(("", .normal)) }
            lines += TextLayout.wrap(text, width: max(1, width)).map { ($0, style) }
        }
        return lines
    }

    /// Where the help text goes, for a window of `size`: its rows (above the keys line) and width.
    static func helpArea(_ size: Size) -> (rows: Int, cols: Int) {
        let w = min(size.cols - 4, 72), h = min(size.rows - 2, size.rows - 4)
        return (max(1, h - 3), max(1, w - 4))
    }

    static func drawHelp(_ s: inout Screen, _ m: InterviewModel) {
        let rect = overlayRect(s, rows: s.rows - 4, cols: 72)
        s.fill(rect)
        s.box(rect, style: .accent, title: t(m, .help))
        let inner = rect.inset(rows: 1, cols: 2)
        let area = helpArea(s.size)
        let lines = helpLines(m, width: inner.cols)
        let top = max(0, min(m.helpScroll, lines.count - area.rows))
        for (i, (text, style)) in lines.dropFirst(top).prefix(area.rows).enumerated() {
            s.write(text, row: inner.row + i, col: inner.col, style: style, maxWidth: inner.cols)
        }
        // Where there is more, say so, and how to see it.
        var keys = t(m, .helpLanguage)
        if top > 0 || top + area.rows < lines.count {
            keys = t(m, top + area.rows < lines.count ? .helpMoreBelow : .helpMoreAbove) + " · " + keys
        }
        s.writeTruncated(keys, row: inner.bottom - 1, col: inner.col, width: inner.cols, style: .dim)
    }

    static func drawNote(_ s: inout Screen, _ m: InterviewModel, _ question: String, _ text: String) {
        let rect = overlayRect(s, rows: 10, cols: 70)
        s.fill(rect)
        s.box(rect, style: .accent, title: t(m, .adviserNote))
        let inner = rect.inset(rows: 1, cols: 2)
        let q = question == FileNote.caseNoteKey ? t(m, .wholeCase) : (m.flows.questions[question]?.text.text(m.language) ?? question)
        s.writeTruncated(t(m, .noteOn) + q, row: inner.row, col: inner.col, width: inner.cols, style: .dim)
        let lines = TextLayout.wrap(text.isEmpty ? " " : text, width: inner.cols)
        let shown = lines.suffix(max(1, inner.rows - 3))
        for (i, line) in shown.enumerated() {
            s.write(line, row: inner.row + 2 + i, col: inner.col, style: Style(.selected, underline: true))
        }
        let lastRow = inner.row + 2 + shown.count - 1
        s.cursor = Position(row: lastRow, col: min(inner.right - 1, inner.col + DisplayWidth.of(text.isEmpty ? "" : shown.last ?? "")))
        s.writeTruncated(t(m, .noteKeys), row: inner.bottom - 1, col: inner.col, width: inner.cols, style: .dim)
    }

    /// In a kiosk nobody quits: the same question starts again with everything wiped.
    static func drawConfirmQuit(_ s: inout Screen, _ language: String = "en", savingOff: SavingOff? = nil, kiosk: Bool = false) {
        guard let off = savingOff, !kiosk else {
            let rect = overlayRect(s, rows: 6, cols: 52)
            s.fill(rect)
            s.box(rect, style: .error, title: TUIStrings.text(kiosk ? .wipeTitle : .quitTitle, language))
            s.writeWrapped(TUIStrings.text(kiosk ? .wipeText : .quitText, language), in: rect.inset(rows: 1, cols: 2), style: .normal)
            s.write(TUIStrings.text(kiosk ? .wipeKeys : .quitKeys, language), row: rect.bottom - 2, col: rect.col + 2, style: Style(.accent, bold: true))
            return
        }
        // The whole reason, wrapped: the person must know what is lost before saying yes.
        let text = TUIStrings.text(.quitNothingSavedSince, language)
            .replacingOccurrences(of: "{0}", with: String(off.sinceQuestion))
            .replacingOccurrences(of: "{1}", with: off.reason)
        let cols = min(s.cols - 4, 72)
        let lines = TextLayout.wrap(text, width: max(1, cols - 4)).count
        let rect = overlayRect(s, rows: lines + 5, cols: cols)
        s.fill(rect)
        s.box(rect, style: .error, title: TUIStrings.text(.quitTitle, language))
        s.writeWrapped(text, in: Rect(row: rect.row + 1, col: rect.col + 2, rows: max(1, rect.rows - 4), cols: max(1, rect.cols - 4)), style: .normal)
        s.write(TUIStrings.text(.quitKeys, language), row: rect.bottom - 2, col: rect.col + 2, style: Style(.accent, bold: true))
    }

    static func drawLabel(_ s: inout Screen, _ text: String, _ language: String) {
        let rect = overlayRect(s, rows: 8, cols: 64)
        s.fill(rect)
        s.box(rect, style: .accent, title: TUIStrings.text(.labelTitle, language))
        s.writeWrapped(TUIStrings.text(.labelExplain, language), in: Rect(row: rect.row + 1, col: rect.col + 2, rows: 2, cols: rect.cols - 4), style: .normal)
        s.write(TextLayout.pad(TextLayout.truncate(text, width: rect.cols - 5), width: rect.cols - 4), row: rect.row + 4, col: rect.col + 2, style: Style(.selected, underline: true))
        s.cursor = Position(row: rect.row + 4, col: min(rect.right - 2, rect.col + 2 + DisplayWidth.of(text)))
        s.write(TUIStrings.text(.labelKeys, language), row: rect.bottom - 2, col: rect.col + 2, style: .dim)
    }

    static func drawImport(_ s: inout Screen, _ path: String, _ language: String) {
        let rect = overlayRect(s, rows: 9, cols: 68)
        s.fill(rect)
        s.box(rect, style: .accent, title: TUIStrings.text(.importTitle, language))
        s.writeWrapped(TUIStrings.text(.importExplain, language), in: Rect(row: rect.row + 1, col: rect.col + 2, rows: 3, cols: rect.cols - 4), style: .normal)
        let c = s.write(TUIStrings.text(.exportFile, language), row: rect.row + 5, col: rect.col + 2)
        s.write(TextLayout.pad(TextLayout.truncate(path, width: rect.cols - 11), width: rect.cols - 10), row: rect.row + 5, col: c, style: Style(.selected, underline: true))
        s.cursor = Position(row: rect.row + 5, col: min(rect.right - 2, c + DisplayWidth.of(path)))
        s.write(TUIStrings.text(.importKeys, language), row: rect.bottom - 2, col: rect.col + 2, style: .dim)
    }

    static func drawConfirmReplace(_ s: inout Screen, _ fullPath: String, _ language: String) {
        let rect = overlayRect(s, rows: 9, cols: 64)
        s.fill(rect)
        s.box(rect, style: .error, title: TUIStrings.text(.replaceTitle, language))
        let text = TUIStrings.text(.replaceText, language).replacingOccurrences(of: "{0}", with: fullPath)
        s.writeWrapped(text, in: Rect(row: rect.row + 1, col: rect.col + 2, rows: rect.rows - 4, cols: rect.cols - 4), style: .normal)
        s.writeTruncated(TUIStrings.text(.replaceKeys, language), row: rect.bottom - 2, col: rect.col + 2, width: rect.cols - 4, style: Style(.accent, bold: true))
    }

    static func drawExport(_ s: inout Screen, _ format: ExportFormat, _ path: String, _ language: String = "en",
                           message: String? = nil, isError: Bool = false) {
        let messageLines = message.map { TextLayout.wrap($0, width: min(s.cols - 4, 64) - 4) } ?? []
        let rect = overlayRect(s, rows: 8 + messageLines.count, cols: 64)
        s.fill(rect)
        s.box(rect, style: .accent, title: TUIStrings.text(.exportTitle, language))
        var col = s.write(TUIStrings.text(.exportFormat, language), row: rect.row + 2, col: rect.col + 2)
        for f in ExportFormat.allCases {
            // markdown and json are names of file formats; only plain text has a word in each language.
            let name = f == .text ? TUIStrings.text(.formatText, language) : f.rawValue
            col = s.write((f == format ? "(•) " : "( ) ") + name + "  ", row: rect.row + 2, col: col, style: f == format ? Style(.selected, bold: true) : .normal)
        }
        let c = s.write(TUIStrings.text(.exportFile, language), row: rect.row + 4, col: rect.col + 2)
        s.write(TextLayout.pad(TextLayout.truncate(path, width: rect.cols - 11), width: rect.cols - 10), row: rect.row + 4, col: c, style: Style(.selected, underline: true))
        s.cursor = Position(row: rect.row + 4, col: min(rect.right - 2, c + DisplayWidth.of(path)))
        // What went wrong with the last try, inside the dialog that is still open.
        for (i, line) in messageLines.enumerated() where rect.row + 6 + i < rect.bottom - 2 {
            s.write(line, row: rect.row + 6 + i, col: rect.col + 2, style: isError ? .error : .accent)
        }
        s.write(TUIStrings.text(.exportKeys, language), row: rect.bottom - 2, col: rect.col + 2, style: .dim)
    }
}

/// The outcome body as lines, each knowing which checklist item (if any) it belongs to.
public enum OutcomeLayout {
    public struct Line: Equatable {
        public var text: String
        public var style: Style
        public var item: Int?
    }

    /// The fixed top of the result: the title and the form, each wrapped to `width`.
    public static func header(_ o: OutcomeResult, width: Int, language: String) -> [Line] {
        func t(_ key: TUIText, _ args: String...) -> String {
            var s = TUIStrings.text(key, language)
            for (i, a) in args.enumerated().reversed() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
            return s
        }
        let form = o.form.map { t(.form, $0.code, $0.name) } ?? t(.noForm)
        return TextLayout.wrap(o.title, width: width).map { Line(text: $0, style: Style(.title, bold: true), item: nil) }
            + TextLayout.wrap(form, width: width).map { Line(text: $0, style: Style(.accent, bold: true), item: nil) }
    }

    /// The scrolling part: the form's GOV.UK page first, then `lines`.
    public static func body(_ o: OutcomeResult, ticks: Set<String>, selected: Int, width: Int, language: String) -> [Line] {
        var out: [Line] = []
        if let url = o.form?.url {
            out += TextLayout.wrap(TUIStrings.text(.formPage, language) + url, width: width).map { Line(text: $0, style: .accent, item: nil) }
        }
        return out + lines(o, ticks: ticks, selected: selected, width: width, language: language)
    }

    /// Any line still wider than `width` (a long heading, a long word) wrapped onto more lines,
    /// so that nothing on the result is ever cut.
    static func wrapped(_ lines: [Line], width: Int) -> [Line] {
        lines.flatMap { line -> [Line] in
            guard DisplayWidth.of(line.text) > width else { return [line] }
            let indent = String(line.text.prefix { $0 == " " })
            let rest = TextLayout.wrap(String(line.text.dropFirst(indent.count)), width: max(1, width - indent.count))
            return rest.map { Line(text: indent + $0, style: line.style, item: line.item) }
        }
    }

    public static func lines(_ o: OutcomeResult, ticks: Set<String>, selected: Int, width: Int, language: String) -> [Line] {
        var out: [Line] = []
        func t(_ key: TUIText, _ args: String...) -> String {
            var s = TUIStrings.text(key, language)
            for (i, a) in args.enumerated().reversed() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
            return s
        }
        func para(_ text: String, _ style: Style = .normal, indent: String = "", first: String? = nil, item: Int? = nil) {
            let lines = TextLayout.wrap(text, width: max(1, width - DisplayWidth.of(indent)))
            for (i, l) in lines.enumerated() { out.append(Line(text: (i == 0 ? (first ?? indent) : indent) + l, style: style, item: item)) }
        }
        func heading(_ text: String) { out.append(Line(text: "", style: .normal, item: nil)); out.append(Line(text: text, style: Style(.title, bold: true), item: nil)) }
        // Out-of-date guidance or fees first, so that nobody acts on the result without seeing them.
        out += staleLines(o, width: width, language: language)
        heading(t(.why))
        for reason in o.reasons { para(reason, indent: "  ", first: "• ") }
        // The dates to act on, right after why, well before the checklist.
        out += dateLines(o, width: width, language: language)
        if let g = o.grant { heading(t(.granted)); para(g) }
        if let c = o.conditions { para(c) }
        heading(t(.feesAsOf, Strings.date(o.feesAsOf, language)))
        if o.fees.isEmpty { para(t(.noFee)) }
        for f in o.fees {
            let amount = f.tenthsOfYears.map { t(.feePerYear, Format.money(f.amount), Format.years(tenths: $0), Format.money(f.total)) } ?? Format.money(f.amount)
            // An old figure is never shown as simply "in force".
            let from = Strings.date(f.inForceFrom, language) + (f.mayBeOutOfDate ? (language == "zh-Hant" ? "；" : "; ") + Strings.text(.mayBeOutOfDate, language) : "")
            para(t(.feeFrom, f.name, amount, from), f.mayBeOutOfDate ? Style(.error, bold: true) : .normal, indent: "  ", first: "• ")
        }
        if let w = o.feeWaiver { para(w, .dim) }
        if let a = o.appeal { heading(t(.ifRefused)); para(a) }
        if !o.warnings.isEmpty {
            heading(t(.warnings))
            for w in o.warnings { para(w, Style(.error, bold: true), indent: "  ", first: "! ") }
        }
        heading(t(.checklist))
        for (i, item) in o.checklist.enumerated() {
            let isSelected = i == selected
            let mark = ticks.contains(item.id) ? "[x] " : "[ ] "
            para(item.text, isSelected ? Style(.selected, reverse: true) : .normal, indent: "    ", first: mark, item: i)
            para(item.why, .dim, indent: "    ", item: i)
            para(t(.source) + item.source + (item.sourceURL.map { " – " + $0 } ?? ""), .dim, indent: "    ", item: i)
        }
        // After the checklist, which an adviser ticks first; "why not" for every stage.
        out += routeLines(o, width: width, language: language)
        out.append(Line(text: "", style: .normal, item: nil))
        para(t(.footer, Strings.date(o.reviewed, language), o.rulesVersions.joined(separator: "; ")), .dim)
        return wrapped(out, width: width)
    }

    static func wrapped(_ text: String, _ style: Style, indent: String, first: String? = nil, width: Int) -> [Line] {
        TextLayout.wrap(text, width: max(1, width - DisplayWidth.of(indent))).enumerated().map { i, l in
            Line(text: (i == 0 ? (first ?? indent) : indent) + l, style: style, item: nil)
        }
    }

    static func headingLines(_ text: String) -> [Line] {
        [Line(text: "", style: .normal, item: nil), Line(text: text, style: Style(.title, bold: true), item: nil)]
    }

    /// The out-of-date warnings, prominent.
    static func staleLines(_ o: OutcomeResult, width: Int, language: String) -> [Line] {
        var out: [Line] = []
        for w in o.staleWarnings {
            out.append(Line(text: "", style: .normal, item: nil))
            out += wrapped(w, Style(.error, bold: true), indent: "    ", first: "!!! ", width: width)
        }
        return out
    }

    /// "Dates that matter", each with its rule.
    static func dateLines(_ o: OutcomeResult, width: Int, language: String) -> [Line] {
        var out: [Line] = []
        guard !o.dates.isEmpty else { return out }
        let colon = language == "zh-Hant" ? "：" : ": "
        out += headingLines(Strings.text(.datesHeading, language))
        for d in o.dates {
            out += wrapped(Strings.date(d.date, language) + colon + d.text, Style(.normal, bold: true), indent: "  ", first: "• ", width: width)
            out += wrapped(TUIStrings.text(.source, language) + d.source, .dim, indent: "  ", width: width)
        }
        return out
    }

    /// "Routes checked": every stage, whether it fits, and if not why not, with its source.
    static func routeLines(_ o: OutcomeResult, width: Int, language: String) -> [Line] {
        let colon = language == "zh-Hant" ? "：" : ": "
        var out = headingLines(Strings.text(.routesChecked, language))
        for r in o.routes {
            let key: UIString
            switch r.status {
            case .fits: key = .fits
            case .doesNotFit: key = .doesNotFit
            case .notChecked: key = .notChecked
            case .notReached: key = .notReached
            }
            let headline = r.title + colon + Strings.text(key, language) + (r.status == .fits ? " — " + r.because : "")
            out += wrapped(headline, r.status == .fits ? Style(.normal, bold: true) : .normal, indent: "  ", first: "• ", width: width)
            if r.status != .fits, !r.because.isEmpty { out += wrapped(r.because, .normal, indent: "    ", width: width) }
            if r.status != .fits, !r.source.isEmpty { out += wrapped(TUIStrings.text(.source, language) + r.source, .dim, indent: "    ", width: width) }
        }
        return out
    }
}