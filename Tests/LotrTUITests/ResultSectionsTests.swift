import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// The result screen's "why not", "when" and out-of-date sections (issues 11 and 13).
private func lines(_ answers: Answers, today: String, language: String = "en") throws -> [String] {
    let a = Engine.assess(InterviewFixtures.small, answers: answers, today: CivilDate(iso: today)!, language: language)
    let o = try #require(a.outcome)
    return OutcomeLayout.lines(o, ticks: [], selected: 0, width: 76, language: language).map(\.text)
}

private let longTrip: Answers = [
    "in_uk": .bool(true), "status": .option("worker"), "crisis": .bool(false),
    "absences": .ranges([DateRange(from: CivilDate(iso: "2025-01-01")!, to: CivilDate(iso: "2025-08-10")!)]),
]

@Test func resultScreenShowsDatesBeforeTheChecklistAndEveryRouteChecked() throws {
    let l = try lines(longTrip, today: "2026-11-23")
    func at(_ s: String) throws -> Int { try #require(l.firstIndex { $0.contains(s) }, "no line with \(s) in \(l)") }
    #expect(try at("Dates that matter") < at("Evidence checklist"))
    #expect(l.contains("• 10 August 2026: From this day no 12-month window holds your last trip"))
    #expect(try at("Routes checked") > at("Evidence checklist"), "the checklist an adviser ticks stays near the top")
    #expect(l.contains("• Rules route: does not fit"))
    #expect(l.contains("    220 days away in 12 months; the limit is 180."))
    #expect(l.contains("• Compassionate grounds: does not fit"))
}

@Test func resultScreenPutsOutOfDateWarningsFirst() throws {
    let fresh = try lines(longTrip, today: "2027-05-20")
    #expect(!fresh.contains { $0.contains("guidance may be out of date") })
    let late = try lines(longTrip, today: "2027-05-24")
    let first = try #require(late.first { !$0.isEmpty })
    #expect(first.hasPrefix("!!! This guidance may be out of date"), "\(late.prefix(4))")
    let zh = try lines(longTrip, today: "2027-05-24", language: "zh-Hant")
    #expect(zh.first { !$0.isEmpty }?.hasPrefix("!!! 這些資料可能已經過時") == true)
    #expect(zh.contains { $0.contains("已檢查的途徑") } && zh.contains { $0.contains("重要日期") })
}
