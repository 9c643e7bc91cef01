#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LotrEngine
import LotrFlow

/// Where the plain mode reads what the person types, one line at a time.
public protocol LineReader: AnyObject {
    /// The next line without its line ending, or nil at the end of input.
    func readLine() -> String?
}

/// Where the plain mode writes. Everything goes to one stream (standard output): answers are
/// sensitive, and some are echoed back in confirmations and reviews, so nothing goes to stderr.
public protocol LineWriter: AnyObject {
    func write(_ line: String)
    /// The last line before input is read; it always ends by saying what to type.
    func prompt(_ text: String)
    /// Input ended while a prompt was waiting.
    func endOfInput()
}

extension LineWriter {
    public func prompt(_ text: String) { write(text) }
    public func endOfInput() {}
}

/// Standard input, line by line.
public final class StandardInput: LineReader {
    public init() {}
    public func readLine() -> String? {
        guard var line = Swift.readLine(strippingNewline: true) else { return nil }
        // Scripts written on Windows end lines with CR LF.
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}

/// Standard output, unbuffered so that each prompt is visible before input is read.
public final class StandardOutput: LineWriter {
    /// At a terminal the cursor waits after the prompt, as screen readers expect; when input
    /// comes from a pipe nothing is echoed, so each prompt gets its own line to keep the
    /// transcript readable.
    let promptOnSameLine: Bool
    let handle: FileHandle
    var promptPending = false

    public init(promptOnSameLine: Bool = isatty(0) != 0, handle: FileHandle = .standardOutput) {
        self.promptOnSameLine = promptOnSameLine
        self.handle = handle
    }

    public func write(_ line: String) {
        promptPending = false
        emit(line + "\n")
    }

    public func prompt(_ text: String) {
        if promptOnSameLine {
            emit(text + " ")
            promptPending = true
        } else {
            write(text)
        }
    }

    public func endOfInput() {
        if promptPending { write("") }
    }

    /// Nothing reaches the terminal raw: a control character (from a flow text or a typed
    /// answer echoed back) would act on it instead of showing.
    func emit(_ s: String) {
        handle.write(Data(TerminalControl.neutralized(s).utf8))
    }
}

/// How a plain session ended; the raw value is the process exit status.
public enum PlainExit: Int32, Sendable {
    /// The current answers reach an outcome.
    case outcome = 0
    /// The flows ended without an outcome (only possible for flows that failed validation).
    case flowsBroken = 1
    /// Input ended, or the person quit, before the answers reached an outcome.
    case incomplete = 3
}

/// Runs the plain line mode to the end of input or until the person quits; returns the exit
/// status: 0 when the answers reach an outcome, 3 when they are incomplete.
public func runPlainMode(flows: FlowSet, today: CivilDate, language: String = "en",
                         input: LineReader = StandardInput(), output: LineWriter = StandardOutput(),
                         keeper: PlainCaseKeeper? = nil, resume: PlainResume? = nil) -> Int32 {
    var session = PlainSession(flows: flows, today: today, language: language, input: input, output: output,
                               keeper: keeper, resume: resume)
    return session.run().rawValue
}

/// Whether the full-screen mode would not work or not be wanted: input or output is not a
/// terminal (a pipe, a file, a screen reader's own console), or the terminal says it cannot
/// move the cursor.
public func plainModeIsPreferred(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    plainModeIsPreferred(term: environment["TERM"])
}

public func plainModeIsPreferred(term: String?) -> Bool {
    let term = term ?? ""
    return isatty(0) == 0 || isatty(1) == 0 || term.isEmpty || term == "dumb"
}
