import Foundation
import LotrPlain
import Testing

private func captured(promptOnSameLine: Bool, _ body: (StandardOutput) -> Void) -> String {
    let pipe = Pipe()
    let output = StandardOutput(promptOnSameLine: promptOnSameLine, handle: pipe.fileHandleForWriting)
    body(output)
    try? pipe.fileHandleForWriting.close()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
}

@Test func atATerminalTheCursorWaitsAfterThePrompt() {
    let text = captured(promptOnSameLine: true) { out in
        out.write("Question 1: Are you in the UK?")
        out.prompt("Type 1 for Yes or 2 for No, ? for help:")
        out.endOfInput()
        out.write("Input ended before an outcome: the answers are incomplete.")
    }
    #expect(text == "Question 1: Are you in the UK?\nType 1 for Yes or 2 for No, ? for help: \nInput ended before an outcome: the answers are incomplete.\n",
            "the line left open by the prompt is closed before the message")
}

@Test func fromAPipeEachPromptHasItsOwnLine() {
    let text = captured(promptOnSameLine: false) { out in
        out.prompt("Type a date as DD/MM/YYYY, ? for help:")
        out.endOfInput()
        out.write("Result")
    }
    #expect(text == "Type a date as DD/MM/YYYY, ? for help:\nResult\n")
}

@Test func controlCharactersNeverReachTheTerminalRaw() {
    let text = captured(promptOnSameLine: false) { out in
        out.write("Title\u{1B}]0;owned\u{07} and \u{1B}[2J\u{9B}31m\tend")
        out.prompt("Answer\u{8}\u{8}\u{8}:")
    }
    for c in ["\u{1B}", "\u{07}", "\u{9B}", "\u{8}", "\t"] { #expect(!text.contains(c), "\(c.unicodeScalars.first!.value)") }
    #expect(text == "Title\u{FFFD}]0;owned\u{FFFD} and \u{FFFD}[2J\u{FFFD}31m end\nAnswer\u{FFFD}\u{FFFD}\u{FFFD}:\n")
}
