import Foundation
import LotrEngine
import LotrFlow
import LotrScenarios
import LotrTestSupport
import Testing

/// "Routes checked", the dates, and the out-of-date warnings (issues 11 and 13), on the fixture
/// flows (tests/…/Fixtures/valid) and on small flows written here for one rule each.
private func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

private func outcome(_ flows: FlowSet, _ answers: Answers, today: CivilDate = d("2026-11-23"), language: String = "en") throws -> OutcomeResult {
    try #require(Engine.assess(flows, answers: answers, today: today, language: language).outcome)
}

private let fits: Answers = ["in_uk": .bool(true), "status": .option("worker"), "absences": trips([("2025-01-01", "2025-01-10")])]
private let longTrip: Answers = ["in_uk": .bool(true), "status": .option("worker"), "absences": trips([("2025-01-01", "2025-08-10")]),
                                 "crisis": .bool(false)]

@Test func aFittingOutcomeNamesEveryStageAndSaysWhichWereNotReached() throws {
    let o = try outcome(FixtureFlows.flows, fits)
    #expect(o.routes.map(\.stage) == ["rules", "compassionate"])
    #expect(o.routes[0].status == .fits && o.routes[0].because == "Apply on form A")
    #expect(o.routes[1].status == .notReached)
    #expect(o.routes[1].because == "Worth a look if a crisis happened.", "the stage's own not_reached text")
}

@Test func aRouteThatDoesNotFitGivesTheRuleWithThePersonsFigures() throws {
    let o = try outcome(FixtureFlows.flows, longTrip)
    #expect(o.id == "no_route")
    #expect(o.routes[0] == RouteCheck(stage: "rules", title: "Rules route", status: .doesNotFit,
                                      because: "220 days away in 12 months; the limit is 180.", source: "Test rules, 3"))
    // The stage:none outcome's own stage does not fit, for the outcome's reason.
    #expect(o.routes[1].status == .doesNotFit && o.routes[1].because == "No crisis, so no compassionate grounds.")
    #expect(o.routes[1].source == "Guidance, 5 [not verified]")
    // The route's date, worked out from the answers.
    #expect(o.dates.map(\.id) == ["window_clears"] && o.dates[0].date == d("2026-08-10"))
}

@Test func aRouteNotAssessedIsNotChecked() throws {
    let o = try outcome(FixtureFlows.flows, ["in_uk": .bool(false), "crisis": .bool(false)])
    #expect(o.routes[0].status == .notChecked)
    #expect(o.routes[0].because == "This route needs you to be in the UK." && o.routes[0].source == "Test rules, 1")
}

@Test func outcomeDatesApplyOnlyWhenTheirConditionHolds() throws {
    let withTrip = try outcome(FixtureFlows.flows, fits)
    #expect(withTrip.dates == [KeyDate(id: "can_apply_from", date: d("2025-01-01").adding(days: 3625),
                                       text: "The earliest day you can apply", source: "Test rules, 4")])
    var noTrips = fits
    noTrips["absences"] = .ranges([])
    #expect(try outcome(FixtureFlows.flows, noTrips).dates.isEmpty, "`if: count(absences) > 0` does not hold")
}

/// Two stages written for the rules of sections 2 and 3 of the schema: the first route with a
/// `because` wins, dates come in date order, and after a `stage: none` outcome later stages are
/// not checked.
private let twoStages: FlowSet = {
    let header = """
        reviewed: 2026-11-23
        review_by: 2027-05-23
        sources: [{id: R, title: Rules}]

        """
    let rules = """
        kind: stage
        stage: rules
        title: {en: Rules route}
        \(header)start: q1
        questions:
          - id: q1
            kind: number
            text: {en: Years?}
            source: {doc: R, section: "1"}
            next:
              - if: q1 == 9
                goto: q2
              - if: q1 < 10
                goto: q2
                because: {en: "Only {{ q1 }} years; 10 are needed."}
                source: {doc: R, section: "10.1"}
                dates:
                  - id: late
                    date: add_years(2026-01-01, 10 - q1)
                    text: {en: "You reach 10 years"}
                    source: {doc: R, section: "10.1"}
              - goto: fits
          - id: q2
            kind: yes_no
            text: {en: Go on?}
            source: {doc: R, section: "2"}
            next:
              - if: q2
                goto: next-stage
                because: {en: "The generic hand-off."}
                source: {doc: R, section: "99"}
                dates:
                  - id: early
                    date: 2026-12-01
                    text: {en: "Earlier"}
                    source: {doc: R, section: "2"}
              - if: q1 == 7
                goto: a8
                because: {en: "Raised in the same claim as the family one."}
                source: {doc: R, section: "6"}
                status: not_checked
              - goto: stop
        outcomes:
          - id: fits
            title: {en: Fits}
            explanation: {en: Fits.}
          - id: stop
            stage: none
            title: {en: Stop}
            explanation: {en: You stopped.}
            because: {en: "You chose to stop."}
            source: {doc: R, section: "3"}
        """
    let later = """
        kind: stage
        stage: article8
        title: {en: Article 8}
        \(header)start: q3
        questions:
          - id: q3
            kind: yes_no
            text: {en: Family?}
            source: {doc: R, section: "4"}
            next:
              - goto: a8
        outcomes:
          - id: a8
            title: {en: Family fits}
            explanation: {en: Yes.}
            source: {doc: R, section: "5"}
        """
    let result = FlowLoader.load(files: [("rules.yaml", rules), ("a8.yaml", later)])
    precondition(result.errors.isEmpty, "\(result.errors)")
    return result.flows!
}()

@Test func theFirstRouteWithABecauseInAStageWins() throws {
    let o = try outcome(twoStages, ["q1": .number(8), "q2": .bool(true), "q3": .bool(true)])
    #expect(o.routes.map(\.status) == [.doesNotFit, .fits])
    #expect(o.routes[0].because == "Only 8 years; 10 are needed." && o.routes[0].source == "Rules, 10.1")
    #expect(o.routes[1].because == "Family fits" && o.routes[1].source == "Rules, 5")
    // The dates of every route taken, in date order whatever the order of the routes.
    #expect(o.dates.map(\.id) == ["early", "late"])
    #expect(o.dates.map(\.date) == [d("2026-12-01"), d("2028-01-01")])
}

@Test func aRouteStraightIntoAnotherStagesOutcomeGivesItsOwnReason() throws {
    // The path meets "Only 7 years" first, then leaves the stage straight for the family
    // outcome by a route saying the rules ground is raised in that claim: that route's reason
    // (and status) is what became of the stage, so it wins over the first reason.
    let o = try outcome(twoStages, ["q1": .number(7), "q2": .bool(false)])
    #expect(o.id == "a8")
    #expect(o.routes[0] == RouteCheck(stage: "rules", title: "Rules route", status: .notChecked,
                                      because: "Raised in the same claim as the family one.", source: "Rules, 6"))
    #expect(o.routes[1].status == .fits)
    // The dates of every route taken are still shown.
    #expect(o.dates.map(\.id) == ["late"])
    // A hand-on (next-stage) is not such a route: the first reason still wins there.
    let handOn = try outcome(twoStages, ["q1": .number(8), "q2": .bool(true), "q3": .bool(true)])
    #expect(handOn.routes[0].because == "Only 8 years; 10 are needed.")
}

@Test func afterAStageNoneOutcomeLaterStagesAreNotChecked() throws {
    // No reason met on the way: the stage:none outcome's own because.
    let plain = try outcome(twoStages, ["q1": .number(9), "q2": .bool(false)])
    #expect(plain.stage == "none")
    #expect(plain.routes[0] == RouteCheck(stage: "rules", title: "Rules route", status: .doesNotFit, because: "You chose to stop.", source: "Rules, 3"))
    // A specific reason met on the way says more than "you chose to stop", so it wins.
    let o = try outcome(twoStages, ["q1": .number(8), "q2": .bool(false)])
    #expect(o.routes[0].status == .doesNotFit && o.routes[0].because == "Only 8 years; 10 are needed." && o.routes[0].source == "Rules, 10.1")
    #expect(o.routes[1].status == .notChecked && o.routes[1].source == "Rules, 3")
    #expect(o.routes[1].because.contains("ended before this stage"))
    let zh = try outcome(twoStages, ["q1": .number(8), "q2": .bool(false)], language: "zh-Hant")
    #expect(zh.routes[1].because.contains("問題在這個階段之前已經結束"))
}

@Test func aStageLeftWithoutABecauseStillSaysWhyAndCites() throws {
    // The fixture's `absences` default route has no `because`; here its hand-off is taken by a
    // path whose first `because` is in another stage: the fallback names the last question's source.
    let o = try outcome(twoStages, ["q1": .number(12)])
    #expect(o.id == "fits" && o.routes[0].status == .fits && o.routes[1].status == .notReached)
    #expect(o.routes[1].because == "An earlier route fits your answers, so this one was not looked at.")
}

// MARK: Out of date

@Test func aFileIsStaleOnlyAfterItsReviewByDay() throws {
    // rules.yaml: review_by 2027-05-23; compassionate.yaml: 2027-05-20 (not on this path).
    let onTheDay = try outcome(FixtureFlows.flows, fits, today: d("2027-05-23"))
    #expect(!onTheDay.staleFiles.contains { $0.file == "rules.yaml" })
    let after = try outcome(FixtureFlows.flows, fits, today: d("2027-05-24"))
    #expect(after.staleFiles.contains(StaleFile(file: "rules.yaml", reviewed: d("2026-11-23"), reviewBy: d("2027-05-23"))))
    #expect(!after.staleFiles.contains { $0.file == "compassionate.yaml" }, "a file the result does not rest on does not warn")
    #expect(after.staleFiles.contains { $0.file == "evidence.yaml" }, "the checklist's catalogue")
    #expect(after.staleWarnings.first?.contains("This guidance may be out of date") == true)
    let early = try outcome(FixtureFlows.flows, fits, today: d("2026-11-23"))
    #expect(early.staleFiles.isEmpty)
    #expect(!early.staleWarnings.contains { $0.contains("guidance may be out of date") })
}

@Test func aFeeOlderThanThirteenMonthsIsNeverShownAsSimplyInForce() throws {
    // fee_a's newest value applies from 2025-04-09: 13 months on is 2026-05-09.
    let flows = FixtureFlows.flows
    func report(_ day: String) throws -> (OutcomeResult, String) {
        let a = Engine.assess(flows, answers: fits, today: d(day))
        return (try #require(a.outcome), Report(flows: flows, assessment: a, answers: fits).text())
    }
    let (fresh, freshText) = try report("2026-05-09")
    #expect(fresh.fees.first { $0.id == "fee_a" }?.mayBeOutOfDate == false)
    #expect(freshText.contains("(in force from 9 April 2025;"))
    #expect(!fresh.staleWarnings.contains { $0.contains("Fee A") })
    let (old, oldText) = try report("2026-05-10")
    #expect(old.fees.first { $0.id == "fee_a" }?.mayBeOutOfDate == true)
    #expect(!oldText.contains("in force from 9 April 2025"))
    #expect(oldText.contains("from 9 April 2025, may be out of date"))
    // Both of this outcome's fees are old: one warning names each with its date.
    #expect(old.staleWarnings == ["Fees change most Aprils; these figures may no longer be the fees: Fee A: £120.50, a figure from 9 April 2025; "
                                  + "Surcharge: £1,035.00, a figure from 6 February 2024. Check the current fees on GOV.UK before you pay."])
}

@Test func staleWarningsAreInEveryFormatAndInChinese() throws {
    let flows = FixtureFlows.flows
    let today = d("2027-06-01")
    let a = Engine.assess(flows, answers: fits, today: today)
    let report = Report(flows: flows, assessment: a, answers: fits)
    #expect(report.text().contains("!!! This guidance may be out of date"))
    #expect(report.markdown().contains("> **This guidance may be out of date"))
    let json = report.json().serialized()
    #expect(json.contains(#""review_by": "2027-05-23""#) && json.contains(#""stale_warnings": ["#))
    let note = FileNote(flows: flows, reference: "R-1", today: today, answers: fits)
    #expect(note.text().contains("!!! This guidance may be out of date"))
    #expect(note.markdown().contains("> **This guidance may be out of date"))
    #expect(note.json().serialized().contains(#""stale": ["#))
    let zh = Report(flows: flows, assessment: Engine.assess(flows, answers: fits, today: today, language: "zh-Hant"),
                    answers: fits, language: "zh-Hant")
    #expect(zh.text().contains("這些資料可能已經過時") && zh.text().contains("費用通常每年四月調整"))
    #expect(zh.text().contains("已檢查的途徑") && zh.text().contains("重要日期"))
}

@Test func resultSectionsAreInTextMarkdownAndJSON() throws {
    let flows = FixtureFlows.flows
    let a = Engine.assess(flows, answers: longTrip, today: d("2026-11-23"))
    let report = Report(flows: flows, assessment: a, answers: longTrip)
    let text = report.text()
    #expect(text.contains("Routes checked\n  - Rules route: does not fit\n      220 days away in 12 months; the limit is 180.\n      Source: Test rules, 3"))
    #expect(text.contains("Dates that matter\n  - 10 August 2026: From this day no 12-month window holds your last trip"))
    #expect(text.range(of: "Dates that matter")!.lowerBound < text.range(of: "Evidence checklist")!.lowerBound)
    let md = report.markdown()
    #expect(md.contains("## Routes checked\n\n- **Rules route: does not fit**  \n  220 days away"))
    #expect(md.contains("## Dates that matter\n\n- **10 August 2026**: From this day"))
    guard case .object(let pairs) = report.json() else { Issue.record("not an object"); return }
    #expect(["routes", "dates", "stale", "stale_warnings"].allSatisfy { key in pairs.contains { $0.0 == key } })
}

// MARK: The scenario runner's own checks

@Test func theScenarioRunnerCatchesAWrongRouteOrDate() throws {
    let o = try outcome(FixtureFlows.flows, longTrip)
    func row(routes: [String: RouteExpectation] = [:], dates: [String: String] = [:], notDates: [String] = []) -> Scenario {
        Scenario(file: "t", name: "t", today: d("2026-11-23"), answers: [:], outcome: "no_route", stage: "none", form: nil,
                 evidence: [], notEvidence: [], warningContains: nil, routes: routes, dates: dates, notDates: notDates)
    }
    let right = row(routes: ["rules": RouteExpectation(status: "does_not_fit", because: ["220 DAYS", "180"])],
                    dates: ["window_clears": "2026-08-10"])
    #expect(routeAndDateProblems(right, o, FixtureFlows.flows).isEmpty)
    #expect(routeAndDateProblems(row(routes: ["rules": RouteExpectation(status: "fits", because: [])]), o, FixtureFlows.flows).count == 1)
    #expect(routeAndDateProblems(row(routes: ["rules": RouteExpectation(status: "does_not_fit", because: ["190 days"])]), o, FixtureFlows.flows).count == 1)
    #expect(routeAndDateProblems(row(dates: ["window_clears": "2026-08-11"]), o, FixtureFlows.flows).count == 1)
    #expect(routeAndDateProblems(row(notDates: ["window_clears"]), o, FixtureFlows.flows).count == 1)
    var broken = o
    broken.routes[0].source = ""
    #expect(routeAndDateProblems(row(), broken, FixtureFlows.flows).contains { $0.contains("without because or source") })
}
