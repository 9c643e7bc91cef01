import LotrEngine
import LotrFlow

/// What the plain mode asks of the program around it: keeping the case on disk and writing
/// files. The plain mode itself does no I/O beyond its lines, so tests drive it with a fake.
public protocol PlainCaseKeeper: AnyObject {
    /// The saved case's reference, once there is one.
    var reference: String? { get }
    /// Whether changes are being saved (false with `--no-save`, or after saving failed).
    var isSaving: Bool { get }
    /// An answer was confirmed; `position` is the question the person moves on to.
    func saveAnswer(_ question: String, value: Value, position: String?) -> KeeperNews?
    /// A checklist item was ticked or unticked.
    func setTick(_ item: String, ticked: Bool) -> KeeperNews?
    /// The case's label was set (nil clears it).
    func setLabel(_ label: String?) -> KeeperNews?
    /// A note on a question (or on the whole case, `FileNote.caseNoteKey`); nil removes it.
    func setNote(_ question: String, text: String?) -> KeeperNews?
    /// The person started again: the next answer starts a new case.
    func startNewCase()
    /// Writes `text` to `path` whole or not at all: the path written, or why not.
    func write(_ text: String, to path: String) -> Result<String, KeeperFailure>
    /// Reads a file the person named (a CSV of trips).
    func read(_ path: String) -> Result<String, KeeperFailure>
}

/// What a keeper has to tell the person.
public enum KeeperNews: Equatable, Sendable {
    /// The first save made a new case with this reference.
    case startedCase(String)
    /// Saving stopped; the words say why (no answers in them).
    case savingOff(String)
    /// Another window took the case over, so this window's answers now go to a new case.
    case movedToNewCase(from: String, to: String)
}

public struct KeeperFailure: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A plain session that keeps nothing (`--no-save`): files can still be written.
public final class NotSaving: PlainCaseKeeper {
    let writer: (String, String) -> Result<String, KeeperFailure>
    let reader: (String) -> Result<String, KeeperFailure>
    public init(writer: @escaping (String, String) -> Result<String, KeeperFailure>,
                reader: @escaping (String) -> Result<String, KeeperFailure>) {
        self.writer = writer
        self.reader = reader
    }
    public var reference: String? { nil }
    public var isSaving: Bool { false }
    public func saveAnswer(_ question: String, value: Value, position: String?) -> KeeperNews? { nil }
    public func setTick(_ item: String, ticked: Bool) -> KeeperNews? { nil }
    public func setLabel(_ label: String?) -> KeeperNews? { nil }
    public func setNote(_ question: String, text: String?) -> KeeperNews? { nil }
    public func startNewCase() {}
    public func write(_ text: String, to path: String) -> Result<String, KeeperFailure> { writer(text, path) }
    public func read(_ path: String) -> Result<String, KeeperFailure> { reader(path) }
}

/// A case brought back from the store for the plain mode to continue.
public struct PlainResume {
    public var answers: Answers
    public var ticks: Set<String>
    public var notes: [String: String]
    /// Said first: which case this is, and anything set aside because the questions changed.
    public var announcement: [String]

    public init(answers: Answers, ticks: Set<String>, notes: [String: String], announcement: [String]) {
        self.answers = answers
        self.ticks = ticks
        self.notes = notes
        self.announcement = announcement
    }
}
