import Foundation
import LotrEngine
import LotrFlow
import LotrTestSupport
import Testing

/// The small fixture flow set of the flow tests: two stages and one catalogue of each kind.
enum FixtureFlows {
    static let flows = TestFixtures.small
}

let day = CivilDate(iso: "2026-11-23")!
private func date(_ s: String) -> CivilDate { CivilDate(iso: s)! }

func trips(_ pairs: [(String, String)]) -> Value { .ranges(pairs.map { DateRange(from: date($0.0), to: date($0.1)) }) }

@Test func incompleteAnswersGiveTheNextQuestion() {
    let flows = FixtureFlows.flows
    var a = Engine.assess(flows, answers: [:], today: day)
    #expect(a.next?.id == "in_uk" && a.outcome == nil && a.path.isEmpty)
    a = Engine.assess(flows, answers: ["in_uk": .bool(true)], today: day)
    #expect(a.next?.id == "status")
    #expect(a.path == ["in_uk"])
    #expect(a.trace.first?.condition == nil, "the default route was taken")
}

@Test func routesFollowConditionsAndHandOnBetweenStages() {
    let flows = FixtureFlows.flows
    let a = Engine.assess(flows, answers: ["in_uk": .bool(true), "status": .option("visitor"), "crisis": .bool(true)], today: day)
    #expect(a.path == ["in_uk", "status", "crisis"])
    #expect(a.trace[1].condition == "status == 'visitor'" && a.trace[1].handOff && a.trace[1].target == "crisis")
    #expect(a.outcome?.id == "lotr" && a.outcome?.stage == "compassionate")
    let out = Engine.assess(flows, answers: ["in_uk": .bool(false), "crisis": .bool(true)], today: day)
    #expect(out.outcome?.id == "no_route" && out.outcome?.stage == "none" && out.outcome?.form == nil,
            "outside the UK the crisis route does not apply")
}

@Test func answersOffThePathAreIgnoredButKept() {
    let flows = FixtureFlows.flows
    let answers: Answers = ["in_uk": .bool(false), "status": .option("worker"), "crisis": .bool(false)]
    let a = Engine.assess(flows, answers: answers, today: day)
    #expect(a.path == ["in_uk", "crisis"])
    #expect(Engine.answersOnPath(flows, answers: answers, today: day).map(\.0) == ["in_uk", "crisis"])
}

@Test func thresholdFromDatedRatesDecidesTheRoute() {
    let flows = FixtureFlows.flows
    func outcome(_ absences: Value) -> String? {
        Engine.assess(flows, answers: ["in_uk": .bool(true), "status": .option("worker"), "absences": absences, "crisis": .bool(false)], today: day).outcome?.id
    }
    // Left 1 January, back 1 July: 180 whole days away (departure and return days do not count).
    #expect(outcome(trips([("2025-01-01", "2025-07-01")])) == "settled")
    #expect(outcome(trips([("2025-01-01", "2025-07-02")])) == "no_route")
}

@Test func outcomeCarriesFeesChecklistAndTemplates() throws {
    let flows = FixtureFlows.flows
    let answers: Answers = ["in_uk": .bool(true), "status": .option("student"),
                            "absences": trips([("2025-01-01", "2025-01-05"), ("2025-03-01", "2025-03-03"), ("2025-05-01", "2025-05-02")])]
    let o = try #require(Engine.assess(flows, answers: answers, today: day).outcome)
    #expect(o.form == FormInfo(id: "FORM_A", code: "FORM(A)", name: "Form A"))
    #expect(o.reasons.first == "You were away 4 days in all.")
    #expect(o.fees.map(\.amount) == [12050, 103500])
    #expect(o.fees[1].total == 258750, "£1,035 × 2.5 years")
    #expect(o.fees[0].inForceFrom == date("2025-04-09"))
    #expect(o.feesAsOf == day)
    #expect(o.warnings == ["Many trips."])
    #expect(o.checklist.map(\.id) == ["passport", "travel"])
    #expect(o.checklist[1].triggeredBy == ["absences"])
    #expect(o.checklist[1].why.contains("You were away.") && o.checklist[1].why.contains("When were you away?"))
    #expect(o.checklist[0].source == "GOV.UK guidance, 1")
    // Before 9 April 2025 the older fee applies.
    let earlier = try #require(Engine.assess(flows, answers: answers, today: date("2025-06-01")).outcome)
    _ = earlier
    let early = try #require(Engine.assess(flows, answers: ["in_uk": .bool(true), "status": .option("student"), "absences": .ranges([])], today: date("2025-04-08")).outcome)
    #expect(early.fees.first?.amount == 10000)
    #expect(early.checklist.map(\.id) == ["passport"], "no travel evidence without absences")
    #expect(early.warnings.isEmpty)
}

@Test func sameAnswersSameResult() {
    let flows = FixtureFlows.flows
    let answers: Answers = ["in_uk": .bool(true), "status": .option("worker"), "absences": trips([("2024-01-01", "2024-02-01")])]
    let a = Engine.assess(flows, answers: answers, today: day), b = Engine.assess(flows, answers: answers, today: day)
    #expect(a.outcome == b.outcome && a.path == b.path)
}

@Test func answerParsingNamesTheProblem() throws {
    let flows = FixtureFlows.flows
    let absences = flows.questions["absences"]!
    func parse(_ json: String, _ q: Question) -> Result<Value, AnswerProblem> {
        AnswerParser.parse(try! JSONReader.parse(json).get(), for: q, today: day)
    }
    #expect(try parse("\"worker\"", flows.questions["status"]!).get() == .option("worker"))
    #expect(throws: AnswerProblem.self) { try parse("\"farmer\"", flows.questions["status"]!).get() }
    #expect(throws: AnswerProblem.self) { try parse("3", flows.questions["in_uk"]!).get() }
    #expect(try parse("true", flows.questions["in_uk"]!).get() == .bool(true))
    let bad = parse(#"[{"from": "2025-02-30", "to": "2025-03-01"}]"#, absences)
    #expect(bad.failureMessage?.contains("not a real date") == true)
    let reversed = parse(#"[{"from": "2025-03-01", "to": "2025-02-01"}]"#, absences)
    #expect(reversed.failureMessage?.contains("before the departure") == true)
    let future = parse(#"[{"from": "2026-12-01", "to": "2026-12-20"}]"#, absences)
    #expect(future.failureMessage?.contains("future") == true)
    let overlap = parse(#"[{"from": "2025-01-01", "to": "2025-01-20"}, {"from": "2025-01-10", "to": "2025-01-30"}]"#, absences)
    #expect(overlap.failureMessage?.contains("overlap") == true)
}

@Test func moneyParsing() {
    #expect(AnswerParser.parseMoney("1,258.50") == 125850)
    #expect(AnswerParser.parseMoney("£1258") == 125800)
    #expect(AnswerParser.parseMoney("12.5") == 1250)
    #expect(AnswerParser.parseMoney("12.555") == nil)
    #expect(AnswerParser.parseMoney("abc") == nil)
    #expect(AnswerParser.parseMoney("") == nil)
    #expect(Format.money(302900) == "£3,029.00")
    #expect(Format.money(5) == "£0.05")
    #expect(Format.money(123456789) == "£1,234,567.89")
}

@Test func jsonReaderIsStrictAndNamesLines() {
    #expect(throws: JSONReader.Failure.self) { try JSONReader.parse("{\"a\": 1,\n \"a\": 2}").get() }
    let failure = JSONReader.parse("{\n\"a\": tru\n}")
    if case .failure(let f) = failure { #expect(f.line == 2) } else { Issue.record("should fail") }
    #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(String(repeating: "[", count: 100)).get() }
    if case .success(.object(let o)) = JSONReader.parse(#"{"s": "a\"b\u00e9", "n": -3, "m": 1.5, "b": false}"#) {
        guard case .string("a\"bé") = o["s"], case .integer(-3) = o["n"], case .decimal("1.5") = o["m"], case .bool(false) = o["b"] else {
            Issue.record("\(o)"); return
        }
    } else { Issue.record("should parse") }
}

@Test func reportJSONHasStableKeys() throws {
    let flows = FixtureFlows.flows
    let answers: Answers = ["in_uk": .bool(true), "status": .option("worker"), "absences": .ranges([])]
    let a = Engine.assess(flows, answers: answers, today: day)
    let json = Report(flows: flows, assessment: a, answers: answers).json().serialized()
    for key in ["\"status\": \"outcome\"", "\"next\": null", "\"outcome\": {", "\"id\": \"settled\"", "\"stage\": \"rules\"",
                "\"form\": {", "\"title\"", "\"reasons\"", "\"grant\"", "\"fees\"", "\"as_of\": \"2026-11-23\"", "\"warnings\"",
                "\"checklist\"", "\"why\"", "\"source\"", "\"path\": [", "\"reviewed\": \"2026-11-20\""] {
        #expect(json.contains(key), "missing \(key)")
    }
    let incomplete = Report(flows: flows, assessment: Engine.assess(flows, answers: [:], today: day), answers: [:]).json().serialized()
    #expect(incomplete.contains("\"status\": \"incomplete\"") && incomplete.contains("\"id\": \"in_uk\""))
    let text = Report(flows: flows, assessment: a, answers: answers).text()
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 }, "plain text fits 80 columns")
    #expect(text.contains("[ ] Your passport."))
    #expect(text.contains("Flows reviewed 20 November 2026"))
    let md = Report(flows: flows, assessment: a, answers: answers).markdown()
    #expect(md.hasPrefix("# Apply on form A") && md.contains("- [ ] Your passport."))
}

@Test func everyDeclaredFunctionIsImplemented() {
    #expect(Set(FunctionSignature.all.map(\.name)) == Evaluator.implemented)
}

extension Result where Failure == AnswerProblem {
    var failureMessage: String? { if case .failure(let p) = self { return p.message }; return nil }
}

@Test func typedDatesGiveClearMessages() {
    let q = FixtureFlows.flows.questions["absences"]!  // past: true
    var dateQuestion = q
    dateQuestion.kind = .date
    func msg(_ s: String) -> String? { if case .failure(let p) = TypedInput.date(s, for: dateQuestion, today: day) { return p.message }; return nil }
    #expect(msg("09/04/2025") == nil)
    #expect(msg("9/4/2025") == nil)
    #expect(msg("31/04/2025") == "April 2025 has 30 days, so day 31 does not exist.")
    #expect(msg("29/02/2023") == "February 2023 has 28 days, so day 29 does not exist.")
    #expect(msg("12/13/2025") == "There is no month 13. The month comes second: DD/MM/YYYY.")
    #expect(msg("12/03/25") == "Please type the year with four digits, for example 2025.")
    #expect(msg("next week")?.hasPrefix("Please type the date as DD/MM/YYYY") == true)
    #expect(msg("01/01/2027") == "This date is in the future; it must be today or earlier.")
    #expect(TypedInput.partialDateProblem("3") == nil)
    #expect(TypedInput.partialDateProblem("32") == "The day must be 01 to 31.")
    #expect(TypedInput.partialDateProblem("12/1") == nil)
    #expect(TypedInput.partialDateProblem("12/13") == "The month must be 01 to 12.")
    #expect(TypedInput.partialDateProblem("12/a") == "Only digits and / please, as DD/MM/YYYY.")
}

@Test func ukDateFollowsBritishSummerTime() {
    func at(_ iso: String, _ h: Int, _ m: Int = 0) -> Int { CivilDate(iso: iso)!.dayNumber * 86_400 + h * 3600 + m * 60 }
    // GMT in winter: 23:30 UTC is still the same day.
    #expect(UKClock.date(unixSeconds: at("2026-01-15", 23, 30)) == CivilDate(iso: "2026-01-15"))
    // BST in summer: 23:30 UTC is 00:30 the next day in London.
    #expect(UKClock.date(unixSeconds: at("2026-07-15", 23, 30)) == CivilDate(iso: "2026-07-16"))
    // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
    #expect(UKClock.lastSunday(year: 2026, month: 3) == CivilDate(iso: "2026-03-29"))
    #expect(UKClock.lastSunday(year: 2026, month: 10) == CivilDate(iso: "2026-10-25"))
    #expect(UKClock.date(unixSeconds: at("2026-03-28", 23, 30)) == CivilDate(iso: "2026-03-28"), "still GMT the night before")
    #expect(UKClock.date(unixSeconds: at("2026-10-24", 23, 30)) == CivilDate(iso: "2026-10-25"), "still BST the night before")
    #expect(UKClock.date(unixSeconds: at("2026-10-25", 23, 30)) == CivilDate(iso: "2026-10-25"), "GMT again after the change")
    #expect(UKClock.lastSunday(year: 2024, month: 3) == CivilDate(iso: "2024-03-31"))
    #expect(UKClock.date(unixSeconds: 0) == CivilDate(iso: "1970-01-01"))
}

@Test func placeholdersAreFilledInOnePass() {
    #expect(Strings.fill("Saved to {0}. Case {1}.", ["a{1}b", "K7M"]) == "Saved to a{1}b. Case K7M.")
    #expect(Strings.fill("{1} then {0}", ["x", "y"]) == "y then x")
    #expect(Strings.fill("no {holes} or {9}", ["x"]) == "no {holes} or {9}")
    #expect(Strings.placeholders("{0} and {1} but not {x}") == ["{0}", "{1}"])
}

/// An answers file written for the two old trip lists still works: both are read as parts of
/// `lr_trips`, unless the file answers `lr_trips` itself.
@Test func answersFilesWithTheOldTripListsAreJoined() throws {
    let flows = try #require(ShippedFlows.loaded.flows)
    let today = CivilDate(iso: "2026-11-23")!
    let old = #"{"lr_absences_before": [{"from": "2019-01-01", "to": "2019-02-01"}], "lr_absences": [{"from": "2025-03-01", "to": "2025-03-10"}]}"#
    let answers = try AnswersFile.parse(old, flows: flows, today: today).get()
    #expect(answers["lr_trips"] == .ranges([DateRange(from: CivilDate(iso: "2019-01-01")!, to: CivilDate(iso: "2019-02-01")!),
                                             DateRange(from: CivilDate(iso: "2025-03-01")!, to: CivilDate(iso: "2025-03-10")!)]))
    #expect(answers["lr_absences"] == nil)
    let both = #"{"lr_trips": [], "lr_absences": [{"from": "2025-03-01", "to": "2025-03-10"}]}"#
    #expect(try AnswersFile.parse(both, flows: flows, today: today).get()["lr_trips"] == .ranges([]))
    let bad = #"{"lr_absences": [{"from": "2025-03-10", "to": "2025-03-01"}]}"#
    guard case .failure(let p) = AnswersFile.parse(bad, flows: flows, today: today) else { Issue.record("a reversed trip is refused"); return }
    #expect(p.message.contains("lr_trips"))
}
