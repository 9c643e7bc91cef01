import Testing
import LotrFlow
@testable import LotrEngine

private func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
private func r(_ from: String, _ to: String) -> DateRange { DateRange(from: d(from), to: d(to)) }

@Suite struct CalculationsValidationTests {
    @Test func emptyAndCleanListsHaveNoProblems() {
        #expect(Calculations.validate([]).isEmpty)
        #expect(Calculations.validate([r("2020-01-01", "2020-01-10"), r("2020-02-01", "2020-02-01")]).isEmpty)
    }

    @Test func returnBeforeDepartureIsReportedWithItsIndex() {
        let rs = [r("2020-01-01", "2020-01-10"), r("2020-03-10", "2020-03-01")]
        #expect(Calculations.validate(rs) == [.returnBeforeDeparture(index: 1)])
    }

    @Test func overlapsAreReportedAsIndexPairs() {
        let rs = [r("2020-05-01", "2020-05-20"), r("2021-01-01", "2021-01-05"), r("2020-05-10", "2020-06-01")]
        #expect(Calculations.validate(rs) == [.overlap(first: 0, second: 2)])
    }

    @Test func comingBackAndLeavingTheSameDayIsNotAnOverlap() {
        let rs = [r("2020-05-10", "2020-06-01"), r("2020-05-01", "2020-05-10"), r("2020-06-01", "2020-06-01")]
        #expect(Calculations.validate(rs).isEmpty)
    }

    @Test func aTripInsideAnotherAbsenceOverlaps() {
        let rs = [r("2020-05-01", "2020-05-20"), r("2020-05-07", "2020-05-07")]
        #expect(Calculations.validate(rs) == [.overlap(first: 0, second: 1)])
        let same = [r("2020-05-01", "2020-05-20"), r("2020-05-01", "2020-05-20")]
        #expect(Calculations.validate(same) == [.overlap(first: 0, second: 1)])
    }

    @Test func everyOverlappingPairIsReportedInOrder() {
        let rs = [r("2020-05-05", "2020-05-06"), r("2020-01-01", "2020-12-31"),
                  r("2020-03-01", "2020-03-09"), r("2020-03-05", "2020-03-07")]
        #expect(Calculations.validate(rs) == [
            .overlap(first: 0, second: 1), .overlap(first: 1, second: 2),
            .overlap(first: 1, second: 3), .overlap(first: 2, second: 3),
        ])
    }

    @Test func reversedRangesAreReportedOnceAndLeftOutOfOverlaps() {
        let rs = [r("2020-05-20", "2020-05-01"), r("2020-05-05", "2020-05-10"), r("2020-05-08", "2020-05-12")]
        #expect(Calculations.validate(rs) == [
            .returnBeforeDeparture(index: 0), .overlap(first: 1, second: 2),
        ])
    }

    @Test func matchesThePairwiseDefinitionOnRandomInputs() {
        var rng = CalculationsTestRandom(seed: 99)
        for _ in 0..<500 {
            let rs = (0..<rng.int(in: 0...9)).map { _ -> DateRange in
                let from = rng.int(in: 18_000...18_120)
                return DateRange(from: CivilDate(dayNumber: from), to: CivilDate(dayNumber: from + rng.int(in: -3...25)))
            }
            var expected: [RangeProblem] = rs.indices.filter { rs[$0].to < rs[$0].from }
                .map { .returnBeforeDeparture(index: $0) }
            for i in rs.indices { for j in rs.indices where i < j {
                let a = rs[i], b = rs[j]
                if a.from <= a.to, b.from <= b.to, a.from < b.to, b.from < a.to {
                    expected.append(.overlap(first: i, second: j))
                }
            } }
            #expect(Calculations.validate(rs) == expected, "\(rs)")
        }
    }
}

@Suite struct RangeSweepTests {
    static func pairwise(_ rs: [DateRange]) -> Set<[Int]> {
        var pairs: Set<[Int]> = []
        for i in rs.indices { for j in rs.indices where i < j {
            let a = rs[i], b = rs[j]
            if a.from < b.to, b.from < a.to { pairs.insert([i, j]) }
        } }
        return pairs
    }

    /// The sweep finds an overlap exactly when the pairwise definition has one, and the pair it
    /// names does overlap; a reversed range is reported first.
    @Test func agreesWithThePairwiseDefinition() {
        var rng = CalculationsTestRandom(seed: 7)
        for _ in 0..<3000 {
            let rs = (0..<rng.int(in: 0...9)).map { _ -> DateRange in
                let from = rng.int(in: 18_000...18_040)
                return DateRange(from: CivilDate(dayNumber: from), to: CivilDate(dayNumber: from + rng.int(in: -1...12)))
            }
            let reversed = rs.indices.first { rs[$0].to < rs[$0].from }
            let found = Calculations.firstProblem(rs)
            if let r = reversed {
                #expect(found == .returnBeforeDeparture(index: r), "\(rs)")
                continue
            }
            let pairs = Self.pairwise(rs)
            switch found {
            case nil: #expect(pairs.isEmpty, "missed an overlap in \(rs)")
            case .overlap(let a, let b)?: #expect(pairs.contains([a, b]), "\(a),\(b) do not overlap in \(rs)")
            default: Issue.record("unexpected \(String(describing: found))")
            }
        }
    }

    @Test func sameDayTripsOnADepartureDayAreNotOverlaps() {
        let day = CivilDate(iso: "2020-05-01")!, later = CivilDate(iso: "2020-05-20")!
        #expect(Calculations.firstProblem([DateRange(from: day, to: later), DateRange(from: day, to: day), DateRange(from: day, to: day)]) == nil)
        #expect(Calculations.firstProblem([DateRange(from: day, to: later), DateRange(from: day, to: later)]) == .overlap(first: 0, second: 1))
    }

    /// 10,000 identical trips once took 8–10 s and 3 GB (every pair built); now the list is
    /// refused by its length, and the largest accepted list of identical trips is one sweep.
    @Test func manyIdenticalTripsAreCheap() {
        let trip = DateRange(from: CivilDate(iso: "2020-05-01")!, to: CivilDate(iso: "2020-05-20")!)
        #expect(Calculations.firstProblem(Array(repeating: trip, count: 10_000)) == .tooMany(count: 10_000, limit: 1_000))
        #expect(Calculations.validate(Array(repeating: trip, count: 30_000)) == [.tooMany(count: 30_000, limit: 1_000)])
        #expect(Calculations.firstProblem(Array(repeating: trip, count: 1_000)) == .overlap(first: 0, second: 1))
    }
}
