import LotrEngine
import LotrFlow
import Testing
@testable import LotrStore

@Test func everyValueRoundTripsExactly() {
    var g = SeededGenerator(seed: 20261123)
    var casesSeen: Set<String> = []
    for _ in 0..<3000 {
        let v = Gen.value(&g)
        casesSeen.insert(String(describing: v).prefix { $0 != "(" }.description)
        let text = StoredValue.encode(v)
        guard let back = StoredValue.decode(text) else {
            Issue.record("did not decode: \(text)")
            continue
        }
        #expect(identical(back, v), "\(text)")
        #expect(StoredValue.encode(back) == text, "encoding is stable")
    }
    #expect(casesSeen == ["bool", "number", "money", "date", "text", "option", "options", "ranges", "list"])
}

@Test func kindsThatShareARepresentationStayApart() throws {
    let pairs: [(Value, Value)] = [(.number(125800), .money(125800)), (.text("worker"), .option("worker")),
                                  (.options(["a"]), .list([.option("a")])), (.ranges([]), .options([])),
                                  (.text("2026-01-01"), .date(CivilDate(iso: "2026-01-01")!))]
    for (a, b) in pairs {
        #expect(StoredValue.encode(a) != StoredValue.encode(b))
        #expect(StoredValue.decode(StoredValue.encode(a)) == a)
        #expect(StoredValue.decode(StoredValue.encode(b)) == b)
    }
    #expect(StoredValue.encode(.money(125800)) == #"{"money":125800}"#)
    #expect(StoredValue.encode(.ranges([DateRange(from: CivilDate(iso: "2025-01-01")!, to: CivilDate(iso: "2025-01-05")!)]))
            == #"{"ranges":[["2025-01-01","2025-01-05"]]}"#)
}

@Test func unreadableTextIsRefusedNotGuessed() {
    for bad in ["", "null", "{}", "true", #"{"hologram":1}"#, #"{"date":"2026-02-30"}"#, #"{"number":1.5}"#,
                #"{"bool":true,"number":1}"#, #"{"ranges":[["2025-01-01"]]}"#, #"{"money":"12.00"}"#, "{\"text\":"] {
        #expect(StoredValue.decode(bad) == nil, "\(bad)")
    }
}

@Test func answerFitChecksKindAndOptions() throws {
    let flows = StoreFixtures.flows
    let status = try #require(flows.questions["status"]), inUK = try #require(flows.questions["in_uk"])
    #expect(AnswerFit.problem(.option("worker"), for: status) == nil)
    #expect(AnswerFit.problem(.option("retired"), for: status) != nil)
    #expect(AnswerFit.problem(.text("worker"), for: status) != nil)
    #expect(AnswerFit.problem(.bool(false), for: inUK) == nil)
    #expect(AnswerFit.problem(.number(0), for: inUK)?.contains("yes or no") == true)
}

@Test func referencesAvoidLookAlikesAndNormalise() {
    for c in "0O1ILZ5S8BUV" { #expect(!SessionReference.alphabet.contains(c), "\(c)") }
    var g = SeededGenerator(seed: 7)
    for _ in 0..<500 {
        let ref = SessionReference.random(using: &g)
        #expect(ref.count == 7 && Array(ref)[3] == "-")
        #expect(SessionReference.normalize(ref) == ref)
    }
    #expect(SessionReference.normalize("k7m42q") == "K7M-42Q")
    #expect(SessionReference.normalize(" K7M 42Q ") == "K7M-42Q")
    #expect(SessionReference.normalize("K0M-42Q") == nil)
    #expect(SessionReference.normalize("K7M-42") == nil)
    #expect(SessionReference.normalize("../../etc") == nil)
}

/// Sessions saved before the store wrote its own JSON used Foundation's encoder, which escapes
/// control characters differently; those answers must still read back.
@Test func answersSavedByTheEarlierEncoderStillRead() {
    let earlier: [(String, Value)] = [
        (#"{"text":"line\nbreak \"quoted\" back\\slash\ttab\u0001 é 日本 a/b"}"#,
         .text("line\nbreak \"quoted\" back\\slash\ttab\u{1} é 日本 a/b")),
        (#"{"text":"\ud83d\ude00 and \b\f"}"#, .text("😀 and \u{8}\u{c}")),
        (#"{"options":["a","b"]}"#, .options(["a", "b"])),
        (#"{"list":[{"number":1},{"date":"2024-02-29"}]}"#, .list([.number(1), .date(CivilDate(iso: "2024-02-29")!)])),
        (#"{ "bool" : false }"#, .bool(false)),
    ]
    for (text, value) in earlier {
        #expect(StoredValue.decode(text) == value, "\(text)")
    }
}
