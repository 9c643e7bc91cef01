import LotrEngine
import LotrFlow
import LotrTestSupport
import PropertyBased
import Testing

/// A valid random answer for any question: what a person could really give.
func randomAnswer(_ q: Question, today: CivilDate, _ rng: inout SeededRandom) -> Value {
    func randomDate(from: Int, to: Int) -> CivilDate { CivilDate(dayNumber: Int.random(in: from...max(from, to), using: &rng)) }
    let now = today.dayNumber
    switch q.kind {
    case .yesNo: return .bool(Bool.random(using: &rng))
    case .choice: return .option(q.options.randomElement(using: &rng)!.id)
    case .multiChoice:
        // As a person can answer: "None of these" alone, or some of the others (none at all
        // only where the question has no "None of these" of its own).
        if let none = q.options.first(where: \.isExclusive), Bool.random(using: &rng) { return .options([none.id]) }
        var ids = q.options.filter { !$0.isExclusive && Bool.random(using: &rng) }.map(\.id)
        if ids.isEmpty, q.options.contains(where: \.isExclusive) { ids = [q.options.first { !$0.isExclusive }!.id] }
        return .options(ids)
    case .date:
        if q.mustBeFuture { return .date(randomDate(from: now, to: now + 3650)) }
        // Interesting dates cluster near thresholds: sometimes recent, sometimes decades ago.
        let span = [400, 3000, 4000, 9000, 30000].randomElement(using: &rng)!
        return .date(randomDate(from: now - span, to: q.mustBePast ? now : now + 365))
    case .number: return .number(Int.random(in: (q.minimum ?? 0)...(q.maximum ?? 40), using: &rng))
    case .money: return .money(Int.random(in: ((q.minimum ?? 0) * 100)...((q.maximum ?? 50_000) * 100), using: &rng))
    case .text: return .text(["x", "Bereavement", "火災", String(repeating: "a", count: min(50, q.maxLength ?? 50))].randomElement(using: &rng)!)
    case .dateRanges:
        var ranges: [DateRange] = []
        var cursor = now - Int.random(in: 400...5000, using: &rng)
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            let from = cursor + Int.random(in: 1...400, using: &rng)
            let to = from + Int.random(in: 0...200, using: &rng)
            guard to <= now else { break }
            ranges.append(DateRange(from: CivilDate(dayNumber: from), to: CivilDate(dayNumber: to)))
            cursor = to
        }
        return .ranges(ranges)
    }
}

/// Answers every question the engine asks until it reaches an outcome.
func randomWalk(_ flows: FlowSet, seed: UInt64, today: CivilDate) -> (Answers, [Assessment]) {
    var rng = SeededRandom(seed: seed)
    var answers: Answers = [:]
    var steps: [Assessment] = []
    for _ in 0...(flows.questions.count + 1) {
        let a = Engine.assess(flows, answers: answers, today: today)
        steps.append(a)
        guard let q = a.next else { break }
        let value = randomAnswer(q, today: today, &rng)
        #expect(AnswerParser.check(value, for: q, today: today) == nil, "generated an invalid answer for \(q.id)")
        answers[q.id] = value
    }
    return (answers, steps)
}

let walkDay = CivilDate(iso: "2026-11-23")!

@Test func randomWalksAlwaysEndInAnOutcome() async throws {
    guard let flows = ShippedFlows.loaded.flows else { Issue.record("the shipped flows do not load"); return }
    await propertyCheck(count: 300, input: Gen.uint64()) { seed in
        let (answers, steps) = randomWalk(flows, seed: seed, today: walkDay)
        let last = steps.last!
        #expect(last.outcome != nil, "seed \(seed): stopped at \(last.next?.id ?? "nothing") after \(last.path)")
        #expect(Set(last.path).count == last.path.count, "a question was asked twice")
        #expect(last.path.count == answers.count, "every answer given is on the path")
        // Every step either asks a question or gives an outcome.
        for step in steps { #expect((step.next == nil) != (step.outcome == nil)) }
    }
}

@Test func backThenForwardReturnsTheSameState() async throws {
    guard let flows = ShippedFlows.loaded.flows else { Issue.record("the shipped flows do not load"); return }
    await propertyCheck(count: 200, input: Gen.uint64()) { seed in
        let (answers, steps) = randomWalk(flows, seed: seed, today: walkDay)
        guard let last = steps.last, let lastQuestion = last.path.last else { return }
        var back = answers
        back[lastQuestion] = nil
        let previous = Engine.assess(flows, answers: back, today: walkDay)
        #expect(previous.next?.id == lastQuestion, "going back asks the last question again")
        back[lastQuestion] = answers[lastQuestion]
        let forward = Engine.assess(flows, answers: back, today: walkDay)
        #expect(forward.outcome == last.outcome && forward.path == last.path)
    }
}

@Test func sameAnswersGiveTheSameOutcomeAndOffPathAnswersAreIgnored() async throws {
    guard let flows = ShippedFlows.loaded.flows else { Issue.record("the shipped flows do not load"); return }
    await propertyCheck(count: 150, input: Gen.uint64(), Gen.uint64()) { seedA, seedB in
        let (answers, _) = randomWalk(flows, seed: seedA, today: walkDay)
        let first = Engine.assess(flows, answers: answers, today: walkDay)
        let again = Engine.assess(flows, answers: answers, today: walkDay)
        #expect(first.outcome == again.outcome && first.path == again.path)
        // Answers to questions off the path (left over from another walk) change nothing.
        let (other, _) = randomWalk(flows, seed: seedB, today: walkDay)
        var merged = other
        for (k, v) in answers { merged[k] = v }
        let onPathOnly = Dictionary(uniqueKeysWithValues: Engine.answersOnPath(flows, answers: merged, today: walkDay))
        #expect(Engine.assess(flows, answers: onPathOnly, today: walkDay).outcome == Engine.assess(flows, answers: merged, today: walkDay).outcome)
    }
}
