import LotrEngine

/// The case list opened from the welcome screen (`o`): a search line, then the saved cases that
/// match, newest first. Typing narrows the list; Enter opens the chosen case.
enum CaseListView {
    static func draw(_ s: inout Screen, _ m: InterviewModel, search: String, row: Int) {
        let language = m.language
        let rect = InterviewView.overlayRect(s, rows: s.rows - 4, cols: 76)
        s.fill(rect)
        s.box(rect, style: .accent, title: TUIStrings.text(.casesTitle, language))
        let c = s.write(TUIStrings.text(.casesSearch, language), row: rect.row + 1, col: rect.col + 2)
        s.write(TextLayout.pad(TextLayout.truncate(search, width: rect.cols - (c - rect.col) - 3), width: rect.cols - (c - rect.col) - 2),
                row: rect.row + 1, col: c, style: Style(.selected, underline: true))
        let shown = m.casesShown(search)
        let listTop = rect.row + 3, listRows = max(1, rect.rows - 6)
        if m.savedCases.isEmpty {
            s.write(TUIStrings.text(.noSavedCases, language), row: listTop, col: rect.col + 2, style: .dim)
        } else if shown.isEmpty {
            s.write(TUIStrings.text(.noCaseMatches, language), row: listTop, col: rect.col + 2, style: .dim)
        }
        let first = max(0, min(row - listRows + 1, shown.count - listRows))
        for (i, case_) in shown.enumerated().dropFirst(first).prefix(listRows) {
            let label = case_.label.map { " " + $0 } ?? ""
            let line = "\(case_.reference)  \(case_.updated)\(label) · \(case_.summary)"
            let style = i == row ? Style(.selected, bold: true, reverse: true) : Style.normal
            s.writeTruncated(TextLayout.pad(TextLayout.truncate(line, width: rect.cols - 4), width: rect.cols - 4),
                             row: listTop + i - first, col: rect.col + 2, width: rect.cols - 4, style: style)
        }
        s.writeTruncated(TUIStrings.text(.casesKeys, language), row: rect.bottom - 2, col: rect.col + 2, width: rect.cols - 4, style: .dim)
        s.cursor = Position(row: rect.row + 1, col: min(rect.right - 2, c + DisplayWidth.of(search)))
    }

    static func drawInUse(_ s: inout Screen, _ reference: String, _ holder: String, _ language: String) {
        let rect = InterviewView.overlayRect(s, rows: 10, cols: 64)
        s.fill(rect)
        s.box(rect, style: .error, title: TUIStrings.text(.caseInUseTitle, language))
        s.writeWrapped(TUIStrings.text(.caseInUseText, language, reference, holder),
                       in: Rect(row: rect.row + 1, col: rect.col + 2, rows: rect.rows - 4, cols: rect.cols - 4), style: .normal)
        s.write(TUIStrings.text(.caseInUseKeys, language), row: rect.bottom - 2, col: rect.col + 2, style: Style(.accent, bold: true))
    }
}
