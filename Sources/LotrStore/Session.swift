import Foundation
import LotrEngine
import LotrFlow

/// One saved interview, without its answers.
public struct Session: Hashable, Sendable {
    /// The short reference a person reads out or writes down, e.g. `K7M-42Q`.
    public var reference: String
    public var created: Date
    public var updated: Date
    /// `FlowSet.version` when the session was started: resuming notices changed flows.
    public var flowVersion: String
    public var language: String
    /// The question the person was on when they stopped.
    public var position: String?
}

public struct SessionSummary: Hashable, Sendable {
    public var session: Session
    public var answerCount: Int
    public var noteCount: Int
    public var reference: String { session.reference }
}

/// One answer as stored. `value` is nil when the stored text cannot be read by this version
/// (written by a newer lotr, or damaged); `stored` keeps the text so that nothing is lost.
public struct SavedAnswer: Hashable, Sendable {
    public var question: String
    public var value: Value?
    public var stored: String
}

/// Everything saved for one session, answers in the order they were first given.
public struct SavedSession: Hashable, Sendable {
    public var session: Session
    public var answers: [SavedAnswer]
    /// Adviser notes keyed by question id.
    public var notes: [String: String]
    /// Ticked evidence item ids.
    public var ticks: Set<String>

    /// The readable answers, keyed by question id.
    public var answerValues: Answers {
        var out: Answers = [:]
        for a in answers { if let v = a.value { out[a.question] = v } }
        return out
    }
}

/// A saved answer that no longer fits the flows. It stays in the database (answering the
/// question again replaces it) and is reported, never dropped.
public struct KeptAside: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        case questionRemoved
        case doesNotFit(String)
        case unreadable
    }
    public var question: String
    public var value: Value?
    public var stored: String
    public var reason: Reason

    public var explanation: String {
        switch reason {
        case .questionRemoved: return "this question is no longer asked"
        case .doesNotFit(let why): return why
        case .unreadable: return "the saved answer could not be read"
        }
    }
}

/// A session ready to continue.
public struct ResumedSession: Sendable {
    public var saved: SavedSession
    /// The answers that still fit the current flows.
    public var answers: Answers
    public var keptAside: [KeptAside]
    /// Answers carried over from questions that were replaced (e.g. two trip lists joined).
    public var merged: [AnswerMigration.Merged] = []
    /// True when the session was saved under a different `FlowSet.version`.
    public var flowsChanged: Bool
    /// The first unanswered question on the path, nil when an outcome is reached.
    public var next: Question?
    /// Where to resume: the saved position when that question still exists, else `next`.
    public var lastQuestion: String?

    public var session: Session { saved.session }
}

/// Short references from an alphabet without look-alikes (no 0/O, 1/I/L, Z, 5/S, 8/B, U/V).
public enum SessionReference {
    public static let alphabet: [Character] = Array("ACDEFGHJKMNPQRTWXY234679")

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let chars = (0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(chars[0..<3]) + "-" + String(chars[3..<6])
    }

    /// Accepts what people type: any case, with or without the dash or spaces. nil when it
    /// cannot be a reference.
    public static func normalize(_ raw: String) -> String? {
        let chars = raw.uppercased().filter { $0 != "-" && $0 != " " }
        guard chars.count == 6, chars.allSatisfy(alphabet.contains) else { return nil }
        return String(chars.prefix(3)) + "-" + String(chars.suffix(3))
    }
}
