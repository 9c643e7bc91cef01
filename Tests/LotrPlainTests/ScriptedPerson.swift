import LotrPlain

/// A person at the prompt, played by a test: everything said and answered is kept in order, and
/// after 1,000 answers input ends (a path is far shorter; a script stuck re-asking must end, not
/// spin). Subclasses choose the answers from `lastPrompt` and how often it was `repeats`-ed.
class ScriptedPerson: LineReader, LineWriter {
    private(set) var transcript: [String] = []
    private(set) var prompts: [String] = []
    private(set) var lastPrompt = ""
    private(set) var repeats = 0
    private var reads = 0

    func write(_ line: String) { transcript.append(line) }

    func prompt(_ text: String) {
        repeats = text == lastPrompt ? repeats + 1 : 0
        lastPrompt = text
        prompts.append(text)
        transcript.append(text)
    }

    func readLine() -> String? {
        reads += 1
        guard reads < 1000 else { return nil }
        let answer = reply()
        transcript.append("> " + answer)
        return answer
    }

    /// The answer to `lastPrompt`.
    func reply() -> String { "quit" }
}
