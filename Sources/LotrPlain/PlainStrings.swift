import Foundation
import LotrEngine
import LotrFlow

/// Every line the plain mode writes in its own words. Placeholders are `{0}`, `{1}` …; both
/// languages must use the same ones (a test checks). Chinese lines put command words in 「」 so
/// that they stand apart from the sentence, and keep English only inside brackets, where a
/// reader meets it on the keyboard (Enter) or in a date format (DD/MM/YYYY).
enum PlainText: String, CaseIterable, Sendable {
    // Start and end
    case intro, introCommands, introLists, introAnswers
    case endedIncomplete, stoppedIncomplete, flowsBroken
    // Interview
    case stageHeading, stageOnly, questionLine, yourAnswerWas, keepAnswer, keepList, forHelp
    case answerKept, answerChanged, firstQuestion, startingAgain
    // After the outcome
    case result, afterOutcomePrompt, afterOutcomeHelp, afterOutcomeRetry, noAnswersToGoBack
    // Help
    case helpLine, whyLine, aboutOptions, optionHelp, wordsUsed, glossaryLine, noMoreHelp, sourceLine, alsoType
    case secondarySource, notVerified
    // Review
    case noAnswersYet, answersSoFar, reviewItem, reviewPrompt, reviewOne, reviewMany
    // What to type
    case yesNo, chooseOne, chooseNumber, multiChoice, date, wholeNumber, numberUnit, numberRange, numberAtLeast, numberUpTo
    case money, textUpTo, textAny
    // Answers that cannot be taken
    case yesNoRetry, multiEmpty, noneAlone, chooseOption, noOption, notAnOption
    // Lists of date ranges
    case absence, leftUK, cameBack, firstDateOf, secondDateOf
    case rangeInstruction, rangeHelp, span, spanWithDays, wholeDay, wholeDays, day, days, totals
    case listEmpty, listHasOne, listHasMany, listItem, nothingToAdd, nothingToDelete, deleteHow, noEntry, deleted
    case notUnderstood, overlap, notAdded, added, addUsage, notAddedReversed, reversed
    case readDatePrompt, nothingAdded, readDateHelp, rangeNextPrompt, listNone
    // The case: saving, files, the checklist
    case movedToNewCase, noteIs, caseNoteIs, noteHow, noteSaved, caseNoteSaved, noteRemoved, noteNotSavedYet
    case introCase, savedAsCase, savingOff, savedAlready, nothingToSaveYet, notSavingHere, labelNeedsCase, labelSet, labelCleared
    case noChecklist, tickHow, tickedItem, untickedItem, checklistHeading, checklistItem
    case exportUnavailable, notSavedReference, exported, exportFailed
    // Trips from a file
    case importHow, imported, importFailed
}

enum PlainStrings {
    static let en: [PlainText: String] = [
        .intro: "lotr: find which UK immigration application to make, and what evidence to gather.",
        .introCommands: "Questions come one at a time. At any question, type ? for help, back to go to the previous question, review to see or change your answers, or quit (also q or exit) to stop.",
        .introLists: "For a list of dates, type add, import and a file name, list, delete and a number, or done (none when the list is empty); while typing a date, cancel. At any time, save says the case reference, export writes a file note, label names the case and note writes a note (on the question, or after the result on the case). After the result, new starts again; checklist reads the evidence list, tick and untick and a number mark an item.",
        .introAnswers: "Answer yes or no questions with 1 or yes, 2 or no; type none when nothing applies.",
        .endedIncomplete: "Input ended before an outcome: the answers are incomplete.",
        .stoppedIncomplete: "Stopped before an outcome: the answers are incomplete.",
        .flowsBroken: "The questions ended without a result. The flow files have a mistake; run `lotr check` on them.",

        .stageHeading: "Stage {0} of {1}: {2}",
        .stageOnly: "Stage: {0}",
        .questionLine: "Question {0}: {1}",
        .yourAnswerWas: "Your answer was: {0}.",
        .keepAnswer: ", Enter to keep your answer",
        .keepList: ", Enter to keep the list",
        .forHelp: ", ? for help:",
        .answerKept: "Answer kept.",
        .answerChanged: "Answer changed.",
        .firstQuestion: "This is the first question; there is nothing before it.",
        .startingAgain: "Starting again. The previous answers have been cleared.",

        .result: "Result",
        .afterOutcomePrompt: "Type new to start again, review to see or change your answers, back to change your last answer, or quit to finish:",
        .afterOutcomeHelp: "The result is above. new clears every answer and starts again; review lists your answers so you can change one; back goes to your last answer; quit ends lotr.",
        .afterOutcomeRetry: "Please type new, review, back or quit.",
        .noAnswersToGoBack: "There are no answers to go back to.",

        .helpLine: "Help: {0}",
        .whyLine: "Why we ask: {0}",
        .aboutOptions: "About the options:",
        .optionHelp: "  {0}. {1}: {2}",
        .wordsUsed: "Words used here:",
        .glossaryLine: "  {0}: {1}",
        .noMoreHelp: "There is no more help for this question.",
        .sourceLine: "Source: {0}",
        .alsoType: "You can also type back to go to the previous question, review to see or change your answers, or quit to stop.",
        .secondarySource: " [secondary source]",
        .notVerified: " [not verified]",

        .noAnswersYet: "You have not answered any questions yet.",
        .answersSoFar: "Your answers so far:",
        .reviewItem: "  {0}. {1} Answer: {2}.",
        .reviewPrompt: "Type the number of an answer to change it, or press Enter to go on:",
        .reviewOne: "There is one answer: type 1 to change it, or press Enter to go on.",
        .reviewMany: "Type a number from 1 to {0}, or press Enter to go on.",

        .yesNo: "Type 1 for Yes or 2 for No",
        .chooseOne: "Type 1",
        .chooseNumber: "Type a number from 1 to {0}",
        .multiChoice: "Type the numbers of all that apply, such as 1 3, or none",
        .date: "Type a date as DD/MM/YYYY (or 2025-04-09, or 9 April 2025)",
        .wholeNumber: "Type a whole number",
        .numberUnit: " of {0}",
        .numberRange: " from {0} to {1}",
        .numberAtLeast: " of at least {0}",
        .numberUpTo: " up to {0}",
        .money: "Type an amount in pounds, for example 1258.50",
        .textUpTo: "Type your answer in up to {0} characters",
        .textAny: "Type your answer",

        .yesNoRetry: "Please type 1 for Yes or 2 for No.",
        .multiEmpty: "Please type the numbers of all that apply, such as 1 3, or none if none of them apply.",
        .noneAlone: "Type none on its own, or only the numbers that apply.",
        .chooseOption: "Please choose an option. {0}.",
        .noOption: "There is no option {0}. {1}.",
        .notAnOption: "\"{0}\" is not one of the options. {1}.",

        .absence: "absence",
        .leftUK: "the day you left the UK",
        .cameBack: "the day you came back",
        .firstDateOf: "the first date of the {0}",
        .secondDateOf: "the second date of the {0}",
        .rangeInstruction: "Type add to add {0}, list, delete and a number, or done when the list is complete",
        .rangeHelp: "To build the list: add asks for {0} and {1}, as DD/MM/YYYY (or type both on one line: add 01/05/2024 05/05/2024); list reads the list; delete and a number removes one; done finishes. An empty list is a valid answer.",
        .span: "{0} to {1}",
        .spanWithDays: "{0}: {1}",
        .wholeDay: "{0} whole day",
        .wholeDays: "{0} whole days",
        .day: "{0} day",
        .days: "{0} days",
        .totals: "Total so far: {0}. Most in any 12 months: {1}.",
        .listEmpty: "The list is empty.",
        .listHasOne: "The list has 1 entry:",
        .listHasMany: "The list has {0} entries:",
        .listItem: "  {0}. {1}",
        .nothingToAdd: "Type add to add {0}, or done if there is nothing to add.",
        .nothingToDelete: "The list is empty; there is nothing to delete.",
        .deleteHow: "Type delete and the number of the entry, such as delete 1.",
        .noEntry: "There is no entry {0}; the list has {1}.",
        .deleted: "Deleted {0}.",
        .notUnderstood: "That is not something this list understands. {0}.",
        .overlap: "Not added: it overlaps entry {0}, {1}. Check the dates: one cannot start before the other ends.",
        .notAdded: "Not added. {0}",
        .added: "Added: {0}.",
        .addUsage: "Type add on its own, or add and two dates such as add 01/05/2024 05/05/2024.",
        .notAddedReversed: "Not added. {0} is before {1}.",
        .reversed: "{0} is before {1} ({2}).",
        .readDatePrompt: "Type {0} as DD/MM/YYYY, or cancel:",
        .nothingAdded: "Nothing added.",
        .readDateHelp: "Type {0} as day, month and year, for example 09/04/2025. Type cancel to stop adding this one.",
        .rangeNextPrompt: "Type add, import, list, delete, or done:",
        .listNone: "No entries: the list is empty.",

        .introCase: "Your answers are saved on this computer as you go; the case reference is said at the first answer.",
        .savedAsCase: "Saved as case {0}. To come back to it: lotr --plain --resume {0}",
        .noteIs: "Note: {0}",
        .caseNoteIs: "Case note: {0}",
        .noteHow: "There is no note. Type note and the text to write one; note - removes it. At a question the note is on that question, after the result on the whole case.",
        .noteSaved: "Note saved on this question.",
        .caseNoteSaved: "Case note saved.",
        .noteRemoved: "Note removed.",
        .noteNotSavedYet: "It is kept with the case from the first answer.",
        .movedToNewCase: "Case {0} was taken over in another window. So that nothing is lost, your answers are now saved as a new case, {1}.",
        .savingOff: "Saving is off: {0}. Your answers are kept until you quit.",
        .savedAlready: "Your answers are saved as case {0}: every answer is saved as soon as you give it.",
        .nothingToSaveYet: "Nothing to save yet: the case is saved at the first answer.",
        .notSavingHere: "Saving is off for this interview; nothing is kept on this computer. Type export to write a file note.",
        .labelNeedsCase: "Answer the first question before giving the case a label.",
        .labelSet: "Label saved.",
        .labelCleared: "Label removed.",
        .noChecklist: "There is no checklist until there is a result.",
        .tickHow: "Type tick or untick and the number of a checklist item, from 1 to {0}. Type checklist to hear the list.",
        .tickedItem: "Item {0} marked as gathered: {1}",
        .untickedItem: "Item {0} marked as not yet gathered: {1}",
        .checklistHeading: "Evidence checklist: {0} of {1} gathered.",
        .checklistItem: "  {0}. {1} ({2})",
        .exportUnavailable: "Writing files is not available here.",
        .notSavedReference: "not saved",
        .exported: "Wrote the file note to {0}.",
        .exportFailed: "The file note was not written: {0}.",
        .importHow: "Type import and the name of a CSV file, one trip a line: the day you left, the day you came back (DD/MM/YYYY or YYYY-MM-DD).",
        .imported: "{0}",
        .importFailed: "Nothing added. {0}",
    ]

    static let zhHant: [PlainText: String] = [
        .intro: "lotr：找出你在英國應該提出哪一種移民申請，以及要準備哪些證明文件。",
        .introCommands: "問題會逐條出現。在任何問題，你都可以輸入：? 或「說明」查看說明；「返回」回到上一條問題；「檢視」查看或更改答案；「離開」停止。",
        .introLists: "填寫日期清單時，可輸入「新增」、「匯入」加檔案名稱、「清單」、「刪除」加編號，或「完成」（清單是空的可輸入「沒有」）；輸入日期時可輸入「取消」。任何時候，「儲存」會告訴你個案編號，「匯出」會寫出檔案記錄，「標籤」可為個案命名，「備註」可寫備註（在問題時屬於該問題，看到結果後屬於整個個案）。看到結果後，輸入「重新開始」可以由頭再做；「證明清單」會讀出證明文件清單，「剔選」或「取消剔選」加編號可標示一項。",
        .introAnswers: "是非題可輸入 1 或「是」，2 或「否」；全部不適用時輸入「沒有」。英文指令同樣有效（help、back、review、quit、exit、new、add、import、list、delete、done、cancel、none、yes、no、save、export、label、note、checklist、tick、untick）。",
        .endedIncomplete: "輸入已結束，但仍未得出結果：答案並不完整。",
        .stoppedIncomplete: "已停止，但仍未得出結果：答案並不完整。",
        .flowsBroken: "問題已經完結，但沒有得出結果。問題檔案有錯誤，請用檢查指令（lotr check）檢查。",

        .stageHeading: "第 {0} 階段（共 {1} 個）：{2}",
        .stageOnly: "階段：{0}",
        .questionLine: "問題 {0}：{1}",
        .yourAnswerWas: "你之前的答案：{0}。",
        .keepAnswer: "；按輸入鍵（Enter）保留原有答案",
        .keepList: "；按輸入鍵（Enter）保留現有清單",
        .forHelp: "；輸入 ? 查看說明：",
        .answerKept: "已保留答案。",
        .answerChanged: "已更改答案。",
        .firstQuestion: "這是第一條問題，之前沒有其他問題。",
        .startingAgain: "重新開始。之前的答案已經全部清除。",

        .result: "結果",
        .afterOutcomePrompt: "請輸入「重新開始」由頭再做、「檢視」查看或更改答案、「返回」更改最後一個答案，或「離開」結束：",
        .afterOutcomeHelp: "結果在上面。「重新開始」會清除所有答案並由頭開始；「檢視」會列出你的答案，讓你更改其中一個；「返回」會回到你最後一個答案；「離開」會結束程式。",
        .afterOutcomeRetry: "請輸入「重新開始」、「檢視」、「返回」或「離開」。",
        .noAnswersToGoBack: "沒有可以返回的答案。",

        .helpLine: "說明：{0}",
        .whyLine: "為甚麼要問：{0}",
        .aboutOptions: "關於各個選項：",
        .optionHelp: "  {0}. {1}：{2}",
        .wordsUsed: "這裏用到的詞語：",
        .glossaryLine: "  {0}：{1}",
        .noMoreHelp: "這條問題沒有更多說明。",
        .sourceLine: "資料來源：{0}",
        .alsoType: "你亦可以輸入「返回」回到上一條問題、「檢視」查看或更改答案，或「離開」停止。",
        .secondarySource: "［次要資料來源］",
        .notVerified: "［未經核實］",

        .noAnswersYet: "你還未回答任何問題。",
        .answersSoFar: "你目前的答案：",
        .reviewItem: "  {0}. {1} 答案：{2}。",
        .reviewPrompt: "請輸入要更改的答案編號，或按輸入鍵（Enter）繼續：",
        .reviewOne: "只有一個答案：輸入 1 可以更改，或按輸入鍵（Enter）繼續。",
        .reviewMany: "請輸入 1 至 {0} 的數字，或按輸入鍵（Enter）繼續。",

        .yesNo: "請輸入 1 代表是、2 代表否（亦可輸入「是」或「否」）",
        .chooseOne: "請輸入 1",
        .chooseNumber: "請輸入 1 至 {0} 的數字",
        .multiChoice: "請輸入所有適用選項的編號，例如 1 3；全部不適用請輸入「沒有」",
        .date: "請輸入日期，按日/月/年（DD/MM/YYYY，或 2025-04-09）",
        .wholeNumber: "請輸入整數",
        .numberUnit: "，單位是{0}",
        .numberRange: "，由 {0} 至 {1}",
        .numberAtLeast: "，最少 {0}",
        .numberUpTo: "，最多 {0}",
        .money: "請輸入以英鎊計的金額，例如 1258.50",
        .textUpTo: "請輸入你的答案，最多 {0} 個字",
        .textAny: "請輸入你的答案",

        .yesNoRetry: "請輸入 1 代表是，或 2 代表否。",
        .multiEmpty: "請輸入所有適用選項的編號，例如 1 3；如果全部都不適用，請輸入「沒有」。",
        .noneAlone: "「沒有」要單獨輸入；否則只輸入適用選項的編號。",
        .chooseOption: "請選擇一個選項。{0}。",
        .noOption: "沒有第 {0} 個選項。{1}。",
        .notAnOption: "「{0}」不是其中一個選項。{1}。",

        .absence: "離開英國的期間",
        .leftUK: "你離開英國的日期",
        .cameBack: "你回到英國的日期",
        .firstDateOf: "{0}的第一個日期",
        .secondDateOf: "{0}的第二個日期",
        .rangeInstruction: "請輸入「新增」加入一項{0}、「清單」查看清單、「刪除」加編號刪除一項，或在清單完成後輸入「完成」",
        .rangeHelp: "建立清單的方法：輸入「新增」後，會逐一問你{0}和{1}，請按日/月/年輸入（DD/MM/YYYY）；亦可在同一行輸入兩個日期，例如：新增 01/05/2024 05/05/2024。「清單」會讀出整個清單；「刪除」加編號會刪除一項；「完成」表示清單已經完成。空白清單也是有效的答案。",
        .span: "{0}至{1}",
        .spanWithDays: "{0}：{1}",
        .wholeDay: "{0} 個完整日",
        .wholeDays: "{0} 個完整日",
        .day: "{0} 日",
        .days: "{0} 日",
        .totals: "目前合計：{0}。任何 12 個月內最多：{1}。",
        .listEmpty: "清單是空的。",
        .listHasOne: "清單有 1 項：",
        .listHasMany: "清單有 {0} 項：",
        .listItem: "  {0}. {1}",
        .nothingToAdd: "請輸入「新增」加入一項{0}；如果沒有需要加入的，請輸入「完成」。",
        .nothingToDelete: "清單是空的，沒有可以刪除的項目。",
        .deleteHow: "請輸入「刪除」和項目編號，例如：刪除 1。",
        .noEntry: "沒有第 {0} 項；清單只有 {1} 項。",
        .deleted: "已刪除：{0}。",
        .notUnderstood: "不明白你輸入的內容。{0}。",
        .overlap: "未有加入：這項與第 {0} 項（{1}）重疊。請檢查日期：一段期間不可以在另一段結束之前開始。",
        .notAdded: "未有加入。{0}",
        .added: "已加入：{0}。",
        .addUsage: "請只輸入「新增」，或輸入「新增」加兩個日期，例如：新增 01/05/2024 05/05/2024。",
        .notAddedReversed: "未有加入。{0}早於{1}。",
        .reversed: "{0}早於{1}（{2}）。",
        .readDatePrompt: "請輸入{0}，按日/月/年（DD/MM/YYYY），或輸入「取消」：",
        .nothingAdded: "沒有加入任何項目。",
        .readDateHelp: "請按日、月、年的次序輸入{0}，例如 09/04/2025。輸入「取消」可停止加入這一項。",
        .rangeNextPrompt: "請輸入「新增」、「匯入」、「清單」、「刪除」或「完成」：",
        .listNone: "沒有項目：清單是空的。",

        .introCase: "你的答案會一邊回答一邊儲存在這部電腦上；回答第一條問題時會告訴你個案編號。",
        .savedAsCase: "已儲存為個案 {0}。之後要繼續，請執行（lotr --plain --resume {0}）。",
        .noteIs: "備註：{0}",
        .caseNoteIs: "個案備註：{0}",
        .noteHow: "沒有備註。輸入「備註」加文字可寫備註；輸入「備註 -」可刪除。在問題時，備註屬於該問題；看到結果後，備註屬於整個個案。",
        .noteSaved: "已儲存這條問題的備註。",
        .caseNoteSaved: "已儲存個案備註。",
        .noteRemoved: "已刪除備註。",
        .noteNotSavedYet: "回答第一條問題後，備註會與個案一同儲存。",
        .movedToNewCase: "個案 {0} 已在另一個視窗被接手。為免遺失資料，你的答案現已另存為新個案 {1}。",
        .savingOff: "未能儲存：{0}。你的答案會保留至你離開為止。",
        .savedAlready: "你的答案已儲存為個案 {0}：每個答案一經回答便會儲存。",
        .nothingToSaveYet: "暫時沒有需要儲存的內容：回答第一條問題時便會儲存個案。",
        .notSavingHere: "這次面談不會儲存；這部電腦不會保留任何資料。輸入「匯出」可寫出檔案記錄。",
        .labelNeedsCase: "請先回答第一條問題，然後才為個案加上標籤。",
        .labelSet: "已儲存標籤。",
        .labelCleared: "已刪除標籤。",
        .noChecklist: "得出結果之前沒有證明文件清單。",
        .tickHow: "請輸入「剔選」或「取消剔選」加清單項目編號（1 至 {0}）。輸入「證明清單」可聽整個清單。",
        .tickedItem: "第 {0} 項已標示為已準備：{1}",
        .untickedItem: "第 {0} 項已標示為尚未準備：{1}",
        .checklistHeading: "證明文件清單：已準備 {0} 項，共 {1} 項。",
        .checklistItem: "  {0}. {1}（{2}）",
        .exportUnavailable: "這裏不能寫出檔案。",
        .notSavedReference: "未儲存",
        .exported: "已把檔案記錄寫到 {0}。",
        .exportFailed: "未能寫出檔案記錄：{0}。",
        .importHow: "請輸入「匯入」和逗號分隔（CSV）檔案的名稱，每行一次行程：離開英國的日期、回到英國的日期（DD/MM/YYYY 或 YYYY-MM-DD）。",
        .imported: "{0}",
        .importFailed: "沒有加入任何項目。{0}",
    ]

    static func table(_ language: String) -> [PlainText: String] {
        language == "zh-Hant" ? zhHant : en
    }

    /// A line in the language, with `{0}`, `{1}` … filled in.
    static func text(_ key: PlainText, _ language: String, _ args: [String] = []) -> String {
        Strings.fill(table(language)[key] ?? en[key] ?? key.rawValue, args)
    }

    /// The placeholders a text uses, to check that a translation fills in the same things.
    static func placeholders(_ s: String) -> Set<String> { Strings.placeholders(s) }
}

// MARK: Command words

/// Words the plain mode accepts besides answers. Every word works in every language, so a person
/// who reads Chinese but types English (or a script written for one language) is never stuck;
/// the first Chinese word is the one the Chinese prompts show.
enum PlainCommand: CaseIterable, Sendable {
    case help, back, review, quit, new, add, list, delete, done, cancel, none, yes, no
    case save, export, label, note, checklist, tick, untick, importFile

    var words: [String] {
        switch self {
        case .help: return ["?", "help", "說明", "幫助"]
        case .back: return ["back", "返回"]
        case .review: return ["review", "檢視"]
        case .quit: return ["quit", "離開", "q", "exit"]
        case .new: return ["new", "重新開始"]
        case .add: return ["add", "新增"]
        case .list: return ["list", "清單"]
        case .delete: return ["delete", "刪除"]
        case .done: return ["done", "完成"]
        case .cancel: return ["cancel", "取消"]
        case .none: return ["none", "沒有", "無", "都沒有", "全部都沒有"]
        case .yes: return ["1", "yes", "y", "是"]
        case .no: return ["2", "no", "n", "否"]
        case .save: return ["save", "儲存"]
        case .export: return ["export", "匯出"]
        case .label: return ["label", "標籤"]
        case .note: return ["note", "備註"]
        case .checklist: return ["checklist", "證明清單"]
        case .tick: return ["tick", "剔選"]
        case .untick: return ["untick", "取消剔選"]
        case .importFile: return ["import", "匯入"]
        }
    }

    /// The word the Chinese prompts and the introduction show.
    var chinese: String { words.first { !$0.unicodeScalars.allSatisfy(\.isASCII) }! }

    /// Whether `t` (already normalised) is this command.
    func matches(_ t: String) -> Bool { words.contains(t) }

    /// Chinese is typed without spaces, so `刪除1` and `新增01/05/2024 05/05/2024` are split into
    /// the word and the rest.
    static func splitWords(_ t: String) -> [String] {
        var words = t.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return words }
        for command in [PlainCommand.add, .list, .delete, .done] {
            let word = command.chinese
            if first.hasPrefix(word), first.count > word.count {
                words[0] = String(first.dropFirst(word.count))
                words.insert(word, at: 0)
                break
            }
        }
        return words
    }
}

extension String {
    /// Full-width letters, digits and punctuation (as a Chinese input method types them) and
    /// the ideographic space, as the ASCII the parsers expect: `３１／０４／２０２５` is a date.
    var foldingFullWidth: String {
        var scalars = String.UnicodeScalarView()
        for u in unicodeScalars {
            if (0xFF01...0xFF5E).contains(u.value), let a = Unicode.Scalar(u.value - 0xFEE0) {
                scalars.append(a)
            } else if u.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(u)
            }
        }
        return String(scalars)
    }
}

// MARK: Messages from the engine

extension PlainStrings {
    /// An engine message in the language, from the engine's one table, so that the plain mode
    /// and the full-screen interview say it in the same words.
    static func problem(_ message: String, _ language: String) -> String {
        EngineMessages.translate(message, to: language)
    }
}
