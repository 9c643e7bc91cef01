import LotrEngine
import LotrFlow

/// Every text the full-screen interview draws itself (the flows bring their own), so that a
/// person can use it entirely in their language. `{0}`, `{1}` … stand for values filled in.
public enum TUIText: String, CaseIterable, Sendable {
    // Header and progress line
    case title, welcome, questionNumber, result, reviewTitle, caseRef
    case stageRules, stageArticle8, stageArticle3, stageDiscretionary, stageCompassionate
    // Welcome
    case welcomeHeading, welcomeAbout, welcomeNotAdvice, welcomeKeys, welcomeKeysKiosk, welcomeReviewed, welcomeStart, welcomeLanguage
    // Key hints
    case hintStart, hintLanguage, hintHelp, hintQuit, hintChoose, hintChangeAnswer, hintReturn, hintCtrlCQuit
    case hintItem, hintTick, hintScroll, hintExport, hintPrint, hintNewCase, hintReview
    case hintYesNo, hintChoiceNumbers, hintMove, hintConfirm, hintBack, hintAdd, hintChange, hintDelete, hintContinue
    case hintOtherDate, hintSave, hintCancel, hintF1Help, hintType, hintCtrlRReview
    // Questions
    case underlinedTerms, dateLabel, dateExample, numberOf, number, amount, answer, moreAbove
    case rangeDays, totalsMany, moreBelow, rangeHint, confirmDelete, rangeOverlaps, rangeReturnsBefore, rangeInFuture, rangeTooOld, addA, addAn, done, changeRange, newRange, leftUK, cameBack, period
    // Review
    case reviewIntro, reviewAnswer, reviewNote
    // Outcome
    case form, noForm, why, granted, feesAsOf, noFee, feePerYear, feeFrom, ifRefused, warnings, checklist, source, footer
    // Help, note, quit, export
    case help, whyWeAsk, termSeparator, dateHelp, generalHelp, generalHelpKiosk, escToClose, helpLanguage
    case adviserNote, noteOn, noteKeys, quitTitle, quitText, quitKeys, wipeTitle, wipeText, wipeKeys
    case exportTitle, exportFormat, exportFile, exportKeys, formatText, replaceTitle, replaceText, replaceKeys
    // Messages the interview sets
    case noteRemoved, noteSaved, typeFileName, nothingAnswered, dateYouLeft, dateYouCameBack
    case savedFileNote, couldNotSave, savedAsCase, answersKeptUntilQuit
    case helpMoreBelow, helpMoreAbove, formPage, chooseAnswer, noneOfThese, noneClearsOthers, othersClearNone, pasteOnlyInFields
    // While saving is off
    case notSaved, quitNothingSavedSince, savingWorksAgain
    // Kiosk
    case startedFromAnswers
    case hintCaseNote, wholeCase, caseNoteLabel, hintLabel, labelTitle, labelExplain, labelKeys, labelSaved, labelRemoved
    case hintImport, hintOpenCase, importTitle, importExplain, importKeys, importNothingAdded
    case caseInUseTitle, caseInUseText, caseInUseKeys, readOnlyCase, takenOver, caseMovedAway, resumedCase, keptAsideOnResume
    case casesTitle, casesSearch, casesKeys, noSavedCases, noCaseMatches, casesNeedSaving
    case useExportInstead, usePrintInstead, noTakeAway, kioskExportStays, printedWithoutAnswers
    case kioskNoQuit, kioskStillThere, kioskCountdown, kioskStaff, kioskPin, kioskWrongPin, kioskPinWait, kioskLockedOut
}

public enum TUIStrings {
    static let en: [TUIText: String] = [
        .title: " lotr · which application, what evidence",
        .welcome: "Welcome",
        .questionNumber: "Question {0}",
        .result: "Result",
        .reviewTitle: "Review your answers",
        .caseRef: "Case {0} · ",
        .stageRules: "Rules route",
        .stageArticle8: "Article 8",
        .stageArticle3: "Article 3",
        .stageDiscretionary: "Discretionary",
        .stageCompassionate: "Compassionate",

        .welcomeHeading: "Which UK application fits you, and what evidence to gather",
        .welcomeAbout: "This tool asks you questions, one at a time, about your situation in the UK. It checks five kinds of application in order — a route under the Immigration Rules, family and private life (Article 8), serious illness (Article 3), discretionary leave, and compassionate grounds — and tells you which form to use, why, and what evidence to collect.",
        .welcomeNotAdvice: "It gives information, not legal advice. It usually takes 10 to 20 minutes. You can go back and change any answer.",
        .welcomeKeys: "Keys: Enter to confirm, Esc to go back, ? for help on a question, r to review your answers, Ctrl-C to quit.",
        .welcomeKeysKiosk: "Keys: Enter to confirm, Esc to go back, ? for help on a question, r to review your answers. When you finish, n on the result wipes your answers.",
        .welcomeReviewed: "Flows reviewed {0}. {1}",
        .welcomeStart: "Press Enter to start.",
        .welcomeLanguage: "l: 中文 — 按 l 改用繁體中文 (press l for Traditional Chinese)",

        .hintStart: "Enter start",
        .hintLanguage: "l 中文",
        .hintHelp: "? help",
        .hintQuit: "q quit",
        .hintChoose: "↑↓ choose",
        .hintChangeAnswer: "Enter change this answer",
        .hintReturn: "Esc return",
        .hintCtrlCQuit: "Ctrl-C quit",
        .hintItem: "↑↓ item",
        .hintTick: "Space tick",
        .hintScroll: "PgUp/PgDn scroll",
        .hintExport: "e export",
        .hintPrint: "p print",
        .hintNewCase: "n new case",
        .hintReview: "r review",
        .hintYesNo: "y/n or ↑↓ choose",
        .hintChoiceNumbers: "↑↓ or 1-{0} choose",
        .hintMove: "↑↓ move",
        .hintConfirm: "Enter confirm",
        .hintBack: "Esc back",
        .hintAdd: "a add",
        .hintChange: "Enter change",
        .hintDelete: "d delete",
        .hintContinue: "c continue",
        .hintOtherDate: "Tab other date",
        .hintSave: "Enter save",
        .hintCancel: "Esc cancel",
        .hintF1Help: "F1 help",
        .hintType: "Type your answer",
        .hintCtrlRReview: "Ctrl-R review",

        .underlinedTerms: "Underlined words are explained in help ({0}).",
        .dateLabel: "Date (DD/MM/YYYY):",
        .dateExample: "For example 09/04/2025 (the / is put in for you), 2025-04-09 or 9 April 2025.",
        .numberOf: "Number of {0}:",
        .number: "Number:",
        .amount: "Amount: £",
        .answer: "Answer:",
        .moreAbove: "↑ more",
        .rangeDays: "{0} → {1}   {2}",
        .totalsMany: "{0}{1} · {2} in all · most in any 12 months: {3}",
        .moreBelow: "↓ more",
        .rangeHint: "Dates as DD/MM/YYYY, e.g. 01/03/2019 · Tab: the other date",
        .confirmDelete: "Delete the {0} {1} → {2}? Press y to delete it, any other key to keep it.",
        .rangeOverlaps: "This overlaps {0} → {1}: you cannot leave again before coming back.",
        .rangeReturnsBefore: "The date you came back is before the date you left.",
        .rangeInFuture: "{0} → {1} ends in the future; only periods that have ended count.",
        .rangeTooOld: "{0} → {1} starts too long ago; check the year.",
        .addA: "+ Add a {0}",
        .addAn: "+ Add an {0}",
        .done: "✓ Done — continue",
        .changeRange: "Change {0} {1}:",
        .newRange: "New {0}:",
        .leftUK: "Left the UK ",
        .cameBack: "  Came back ",
        .period: "period",

        .reviewIntro: "Your answers, in the order asked. Enter on one to change it.",
        .reviewAnswer: "Answer: ",
        .reviewNote: "Adviser note: ",

        .form: "Form: {0} – {1}",
        .noForm: "No form: no route found",
        .why: "Why",
        .granted: "What you may be granted",
        .feesAsOf: "Fees (as of {0})",
        .noFee: "No fee is listed for this outcome.",
        .feePerYear: "{0} a year × {1} years = {2}",
        .feeFrom: "{0}: {1} (from {2})",
        .ifRefused: "If you are refused",
        .warnings: "Warnings",
        .checklist: "Evidence checklist (Space ticks what you have)",
        .source: "Source: ",
        .footer: "Flows reviewed {0}. {1} This is information, not legal advice.",

        .help: "Help",
        .whyWeAsk: "Why we ask: ",
        .termSeparator: ": ",
        .dateHelp: "Type the date as day/month/year, for example 09/04/2025. You can also write 2025-04-09 or 9 April 2025 (the month in English).",
        .generalHelp: "Enter confirms, Esc goes back, ? shows help, r lists your answers so you can change one, Ctrl-C quits. On the result, Space ticks an item you have, e saves a file note, p prints the checklist.",
        .generalHelpKiosk: "Enter confirms, Esc goes back, ? shows help, r lists your answers so you can change one. On the result, Space ticks an item you have, and n wipes your answers and starts again.",
        .useExportInstead: "This computer cannot print. Press e to save the result as a file instead.",
        .usePrintInstead: "This computer cannot save files. Press p to print the result instead.",
        .startedFromAnswers: "Started from the answers in {0}: check each one, then finish the interview.",
        .hintCaseNote: "F2 case note",
        .hintLabel: "F3 label",
        .labelTitle: "Case label",
        .labelExplain: "Your own label for this case, such as initials or your file number. It is kept and deleted with the answers.",
        .labelKeys: "Enter save   Esc cancel   (empty removes it)",
        .labelSaved: "Label saved.",
        .labelRemoved: "Label removed.",
        .wholeCase: "the whole case",
        .caseNoteLabel: "Case note",
        .hintImport: "i import",
        .hintOpenCase: "o open a case",
        .importTitle: "Trips from a file",
        .importExplain: "A CSV file, one trip a line: the day you left, the day you came back (DD/MM/YYYY or YYYY-MM-DD). A header line is fine. Nothing is added unless every line is right.",
        .importKeys: "Enter read the file   Esc cancel",
        .importNothingAdded: "Nothing added. ",
        .caseInUseTitle: "Open in another window",
        .caseInUseText: "Case {0} is open in another window ({1}). Open it read-only to look without changing it, or take it over: this window saves from now on, and the other window keeps what it has by saving it as a new case.",
        .caseInUseKeys: "r read-only   t take over   Esc cancel",
        .readOnlyCase: "Case {0} is open read-only: nothing you change here is saved. Press e to export.",
        .takenOver: "You took over case {0}; this window saves it from now on.",
        .caseMovedAway: "Case {0} was taken over in another window. So that nothing is lost, this window's answers are now saved as a new case, {1}.",
        .resumedCase: "Resumed case {0}.",
        .keptAsideOnResume: "The questions have changed since: {0} earlier answer(s) no longer fit and were kept aside ({1}).",
        .casesTitle: "Saved cases",
        .casesSearch: "Search (reference or label): ",
        .casesKeys: "Type to search   ↑↓ choose   Enter open   Esc close",
        .noSavedCases: "There are no saved cases on this computer.",
        .noCaseMatches: "No saved case matches.",
        .casesNeedSaving: "Saving is off, so there are no saved cases to open.",
        .printedWithoutAnswers: "The print-out has the form and checklist, not your answers; press P to print it with your answers.",
        .noTakeAway: "This computer cannot save or print the result. Write down the form name and the checklist, or ask a member of staff.",
        .kioskExportStays: "Saved as {0}. The file stays on this computer, not with you: ask staff for a copy.",
        .escToClose: "Esc to close",
        .helpLanguage: "Esc to close · l: 中文",
        .adviserNote: "Adviser note",
        .noteOn: "On: ",
        .noteKeys: "Enter save · Esc cancel · an empty note removes it",
        .quitTitle: "Quit?",
        .quitText: "Do you want to quit? Answers that were not saved will be lost.",
        .quitKeys: "y  quit      n  keep going",
        .wipeTitle: "Start again?",
        .wipeText: "Everything you entered will be wiped and the first screen shown.",
        .wipeKeys: "y  wipe and start again      n  keep going",
        .exportTitle: "Save a file note",
        .exportFormat: "Format: ",
        .exportFile: "File: ",
        .exportKeys: "Tab format · Enter save · Esc cancel",
        .formatText: "text",

        .noteRemoved: "Note removed.",
        .noteSaved: "Note saved.",
        .typeFileName: "Type a file name to export to.",
        .nothingAnswered: "Nothing answered yet.",
        .dateYouLeft: "Date you left: ",
        .dateYouCameBack: "Date you came back: ",
        .savedFileNote: "Saved the file note to {0}.",
        .couldNotSave: "Could not save to {0}: {1}",
        .savedAsCase: "Saved as case {0}. To come back later: lotr --resume {0}",
        .answersKeptUntilQuit: "Your answers are kept only until you quit.",
        .formPage: "GOV.UK page: ",
        .replaceTitle: "The file exists",
        .replaceText: "There is already a file {0}. Replace it with this file note?",
        .replaceKeys: "y replace · n choose another name",
        .helpMoreBelow: "↓ more: ↑↓ PgDn Space",
        .helpMoreAbove: "↑ more above: ↑ PgUp Home",
        .chooseAnswer: "Choose an answer: use ↑ ↓ or the option's number, then press Enter.",
        .noneOfThese: "None of these",
        .noneClearsOthers: "\"None of these\" stands alone, so the other ticks were taken off.",
        .othersClearNone: "\"None of these\" was taken off, since you ticked an answer.",
        .pasteOnlyInFields: "Pasted text goes only into a box you type in. Choose an answer with the keys.",
        .notSaved: "NOT SAVED · ",
        .quitNothingSavedSince: "Do you want to quit? Nothing since question {0} is saved: if you quit now, those answers are lost. {1}",
        .savingWorksAgain: "Saving works again: {0} answer(s) kept while it was off are now saved.",

        .kioskNoQuit: "Ctrl-C does nothing here. When you have finished, press n on the result to wipe your answers and start again; if you leave, everything is wiped after a while.",
        .kioskStillThere: "Are you still there?",
        .kioskCountdown: "Press any key to carry on. Otherwise everything you entered will be wiped in {0} seconds.",
        .kioskStaff: "Staff",
        .kioskPin: "PIN: ",
        .kioskWrongPin: "Wrong PIN.",
        .kioskPinWait: "Wrong PIN. Wait {0} seconds before trying again.",
        .kioskLockedOut: "Too many wrong PINs: the staff exit is locked for {0} minutes.",
    ]

    static let zhHant: [TUIText: String] = [
        .title: " lotr · 該提出哪種申請、要準備甚麼證明",
        .welcome: "歡迎",
        .questionNumber: "第 {0} 題",
        .result: "結果",
        .reviewTitle: "檢查你的答案",
        .caseRef: "個案 {0} · ",
        .stageRules: "規則途徑",
        .stageArticle8: "第 8 條",
        .stageArticle3: "第 3 條",
        .stageDiscretionary: "酌情許可",
        .stageCompassionate: "恩恤理由",

        .welcomeHeading: "哪一種英國申請適合你，以及要準備甚麼證明文件",
        .welcomeAbout: "這個工具會逐條問你有關你在英國情況的問題。它會按次序檢查五類申請——《移民規則》（Immigration Rules）下的途徑、家庭及私人生活（第 8 條，Article 8）、嚴重疾病（第 3 條，Article 3）、酌情許可，以及恩恤理由（compassionate grounds）——然後告訴你應該用哪一份表格、原因，以及要收集甚麼證明文件。",
        .welcomeNotAdvice: "這裡提供的是資訊，不是法律意見。通常需要 10 至 20 分鐘。你可以返回修改任何答案。",
        .welcomeKeys: "按鍵：Enter 確認，Esc 返回，? 查看問題說明，r 檢查你的答案，Ctrl-C 離開。",
        .welcomeKeysKiosk: "按鍵：Enter 確認，Esc 返回，? 查看問題說明，r 檢查你的答案。完成後，在結果頁按 n 會清除你的答案。",
        .welcomeReviewed: "問題內容最後審閱日期：{0}。{1}",
        .welcomeStart: "按 Enter 開始。",
        .welcomeLanguage: "l: English — 按 l 改用英文 (press l for English)",

        .hintStart: "Enter 開始",
        .hintLanguage: "l English",
        .hintHelp: "? 說明",
        .hintQuit: "q 離開",
        .hintChoose: "↑↓ 選擇",
        .hintChangeAnswer: "Enter 修改這個答案",
        .hintReturn: "Esc 返回",
        .hintCtrlCQuit: "Ctrl-C 離開",
        .hintItem: "↑↓ 項目",
        .hintTick: "空白鍵 剔選",
        .hintScroll: "PgUp/PgDn 捲動",
        .hintExport: "e 匯出",
        .hintPrint: "p 列印",
        .hintNewCase: "n 新個案",
        .hintReview: "r 檢查",
        .hintYesNo: "y/n 或 ↑↓ 選擇",
        .hintChoiceNumbers: "↑↓ 或 1-{0} 選擇",
        .hintMove: "↑↓ 移動",
        .hintConfirm: "Enter 確認",
        .hintBack: "Esc 返回",
        .hintAdd: "a 新增",
        .hintChange: "Enter 修改",
        .hintDelete: "d 刪除",
        .hintContinue: "c 繼續",
        .hintOtherDate: "Tab 另一個日期",
        .hintSave: "Enter 儲存",
        .hintCancel: "Esc 取消",
        .hintF1Help: "F1 說明",
        .hintType: "輸入你的答案",
        .hintCtrlRReview: "Ctrl-R 檢查",

        .underlinedTerms: "有底線的詞語在說明（{0}）中有解釋。",
        .dateLabel: "日期（日/月/年）：",
        .dateExample: "例如 09/04/2025（/ 會自動加上）或 2025-04-09。",
        .numberOf: "{0}數目：",
        .number: "數目：",
        .amount: "金額：£",
        .answer: "答案：",
        .moreAbove: "↑ 更多",
        .rangeDays: "{0} → {1}   {2} 日",
        .totalsMany: "{0} 段{1} · 合共 {2} 整日 · 任何 12 個月內最多：{3} 日",
        .moreBelow: "↓ 更多",
        .rangeHint: "日期按日/月/年（DD/MM/YYYY），例如 01/03/2019 · Tab：另一個日期",
        .confirmDelete: "刪除{0} {1} → {2}？按 y 刪除，按其他鍵保留。",
        .rangeOverlaps: "這段與 {0} → {1} 重疊：你不能在回來之前再次離開。",
        .rangeReturnsBefore: "回來的日期早於離開的日期。",
        .rangeInFuture: "{0} → {1} 在將來才結束；只計算已經結束的期間。",
        .rangeTooOld: "{0} → {1} 的開始日期太久以前；請檢查年份。",
        .addA: "+ 新增{0}",
        .addAn: "+ 新增{0}",
        .done: "✓ 完成 — 繼續",
        .changeRange: "修改第 {1} 段{0}：",
        .newRange: "新增{0}：",
        .leftUK: "離開英國 ",
        .cameBack: "  回到英國 ",
        .period: "期間",

        .reviewIntro: "你的答案，按提問次序排列。在答案上按 Enter 可以修改。",
        .reviewAnswer: "答案：",
        .reviewNote: "顧問備註：",

        .form: "表格：{0} – {1}",
        .noForm: "沒有表格：找不到合適的途徑",
        .why: "原因",
        .granted: "你可能獲批的居留",
        .feesAsOf: "費用（截至 {0}）",
        .noFee: "這個結果沒有列出費用。",
        .feePerYear: "每年 {0} × {1} 年 = {2}",
        .feeFrom: "{0}：{1}（由 {2} 起）",
        .ifRefused: "如果申請被拒",
        .warnings: "注意事項",
        .checklist: "證明文件清單（按空白鍵剔選你已有的文件）",
        .source: "資料來源：",
        .footer: "問題內容最後審閱日期：{0}。{1} 這是資訊，不是法律意見。",

        .help: "說明",
        .whyWeAsk: "為甚麼要問：",
        .termSeparator: "：",
        .dateHelp: "請按日/月/年輸入日期，例如 09/04/2025。也可以寫成 2025-04-09，或用英文月份名稱寫出月份。",
        .generalHelp: "Enter 確認，Esc 返回，? 顯示說明，r 列出你的答案讓你修改，Ctrl-C 離開。在結果頁，空白鍵剔選你已有的項目，e 儲存檔案記錄，p 列印清單。",
        .generalHelpKiosk: "Enter 確認，Esc 返回，? 顯示說明，r 列出你的答案讓你修改。在結果頁，空白鍵剔選你已有的項目，n 清除你的答案並重新開始。",
        .useExportInstead: "這部電腦不能列印。請按 e 把結果儲存為檔案。",
        .usePrintInstead: "這部電腦不能儲存檔案。請按 p 列印結果。",
        .startedFromAnswers: "已從 {0} 載入答案：請逐一檢查，然後完成面談。",
        .hintCaseNote: "F2 個案備註",
        .hintLabel: "F3 標籤",
        .labelTitle: "個案標籤",
        .labelExplain: "你為這個個案定的標籤，例如姓名縮寫或你的檔案編號。標籤會與答案一同保存及刪除。",
        .labelKeys: "Enter 儲存   Esc 取消   （留空即刪除）",
        .labelSaved: "已儲存標籤。",
        .labelRemoved: "已刪除標籤。",
        .wholeCase: "整個個案",
        .caseNoteLabel: "個案備註",
        .hintImport: "i 匯入",
        .hintOpenCase: "o 開啟個案",
        .importTitle: "從檔案匯入行程",
        .importExplain: "逗號分隔（CSV）檔案，每行一次行程：離開英國的日期、回到英國的日期（DD/MM/YYYY 或 YYYY-MM-DD）。可以有標題行。只要有一行不正確，便不會加入任何項目。",
        .importKeys: "Enter 讀取檔案   Esc 取消",
        .importNothingAdded: "沒有加入任何項目。",
        .caseInUseTitle: "已在另一個視窗開啟",
        .caseInUseText: "個案 {0} 已在另一個視窗開啟（{1}）。你可以唯讀開啟，只查看不更改；或接手：由這個視窗儲存，另一個視窗會把它已有的內容另存為新個案。",
        .caseInUseKeys: "r 唯讀   t 接手   Esc 取消",
        .readOnlyCase: "個案 {0} 以唯讀開啟：你在這裏所作的更改不會儲存。按 e 可匯出。",
        .takenOver: "你已接手個案 {0}；之後由這個視窗儲存。",
        .caseMovedAway: "個案 {0} 已在另一個視窗被接手。為免遺失資料，這個視窗的答案現已另存為新個案 {1}。",
        .resumedCase: "已繼續個案 {0}。",
        .keptAsideOnResume: "問題自那時起已有改變：{0} 個較早的答案已不再適用，已另行保存（{1}）。",
        .casesTitle: "已儲存的個案",
        .casesSearch: "搜尋（編號或標籤）：",
        .casesKeys: "輸入文字搜尋   ↑↓ 選擇   Enter 開啟   Esc 關閉",
        .noSavedCases: "這部電腦沒有已儲存的個案。",
        .noCaseMatches: "沒有符合的個案。",
        .casesNeedSaving: "儲存功能已關閉，所以沒有可開啟的個案。",
        .printedWithoutAnswers: "列印本只有表格和證明文件清單，沒有你的答案；按 P 可連同你的答案列印。",
        .noTakeAway: "這部電腦不能儲存或列印結果。請抄下表格名稱和證明文件清單，或向職員查詢。",
        .kioskExportStays: "已儲存為 {0}。檔案會留在這部電腦上，不會跟你一起離開：請向職員索取副本。",
        .escToClose: "按 Esc 關閉",
        .helpLanguage: "按 Esc 關閉 · l: English",
        .adviserNote: "顧問備註",
        .noteOn: "問題：",
        .noteKeys: "Enter 儲存 · Esc 取消 · 留空會刪除備註",
        .quitTitle: "離開？",
        .quitText: "你想離開嗎？未儲存的答案會遺失。",
        .quitKeys: "y  離開      n  繼續",
        .wipeTitle: "重新開始？",
        .wipeText: "你輸入的所有資料會被清除，並回到第一頁。",
        .wipeKeys: "y  清除並重新開始      n  繼續",
        .exportTitle: "儲存檔案記錄",
        .exportFormat: "格式：",
        .exportFile: "檔案：",
        .exportKeys: "Tab 格式 · Enter 儲存 · Esc 取消",
        .formatText: "純文字",

        .noteRemoved: "已刪除備註。",
        .noteSaved: "已儲存備註。",
        .typeFileName: "請輸入要匯出的檔案名稱。",
        .nothingAnswered: "還未回答任何問題。",
        .dateYouLeft: "離開日期：",
        .dateYouCameBack: "回來日期：",
        .savedFileNote: "已把檔案記錄儲存到 {0}。",
        .couldNotSave: "無法儲存到 {0}：{1}",
        .savedAsCase: "已儲存為個案 {0}。之後要繼續：lotr --resume {0}",
        .answersKeptUntilQuit: "你的答案只會保留到你離開為止。",
        .formPage: "GOV.UK 網頁：",
        .replaceTitle: "檔案已存在",
        .replaceText: "已經有檔案 {0}。要用這份檔案記錄取代它嗎？",
        .replaceKeys: "y 取代 · n 另選名稱",
        .helpMoreBelow: "↓ 下面還有：↑↓ PgDn 空白鍵",
        .helpMoreAbove: "↑ 上面還有：↑ PgUp",
        .chooseAnswer: "請選擇一個答案：用 ↑ ↓ 或選項的編號，然後按 Enter。",
        .noneOfThese: "以上皆不是",
        .noneClearsOthers: "「以上皆不是」要單獨選擇，所以已取消其他剔選。",
        .othersClearNone: "你剔選了一個答案，所以已取消「以上皆不是」。",
        .pasteOnlyInFields: "貼上的文字只會放進輸入欄。請用按鍵選擇答案。",
        .notSaved: "未儲存 · ",
        .quitNothingSavedSince: "你想離開嗎？第 {0} 題起的答案都沒有儲存：如果你現在離開，這些答案會遺失。{1}",
        .savingWorksAgain: "已恢復儲存：儲存關閉期間保留的 {0} 個答案現已儲存。",

        .kioskNoQuit: "Ctrl-C 在這裏沒有作用。完成後，請在結果頁按 n，清除你的答案並重新開始；如果你離開，所有資料會在一段時間後自動清除。",
        .kioskStillThere: "你還在嗎？",
        .kioskCountdown: "按任何鍵繼續。否則你輸入的所有資料會在 {0} 秒後清除。",
        .kioskStaff: "職員",
        .kioskPin: "密碼：",
        .kioskWrongPin: "密碼錯誤。",
        .kioskPinWait: "密碼錯誤。請等 {0} 秒再試。",
        .kioskLockedOut: "密碼錯誤次數太多：職員離開功能已鎖定 {0} 分鐘。",
    ]

    /// The languages the interview can be switched between, in the order `l` cycles them.
    public static let languages = ["en", "zh-Hant"]

    static func table(_ language: String) -> [TUIText: String] { language == "zh-Hant" ? zhHant : en }

    /// The text in the language (English where a language lacks it), with `{n}` filled in.
    public static func text(_ key: TUIText, _ language: String, _ args: String...) -> String {
        Strings.fill(table(language)[key] ?? en[key] ?? key.rawValue, args)
    }

    /// The `{n}` placeholders a text uses (a test checks both languages use the same ones).
    static func placeholders(_ s: String) -> Set<String> { Strings.placeholders(s) }

    /// A date as people write it in the language.
    static func date(_ d: CivilDate, _ language: String) -> String { Strings.date(d, language) }

    static func stageShortName(_ stage: Stage, _ language: String) -> String {
        switch stage {
        case .rules: return text(.stageRules, language)
        case .article8: return text(.stageArticle8, language)
        case .article3: return text(.stageArticle3, language)
        case .discretionary: return text(.stageDiscretionary, language)
        case .compassionate: return text(.stageCompassionate, language)
        }
    }
}

// MARK: Messages from the engine

extension TUIStrings {
    /// An engine message in the language, from the engine's one table, so that the interview
    /// and the plain mode say it in the same words.
    public static func problem(_ message: String, _ language: String) -> String {
        EngineMessages.translate(message, to: language)
    }
}
