import Testing
@testable import LotrFlow

@Test func impossibleDatesAreRejected() {
    #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil, "1900 was not a leap year")
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil, "2000 was")
    #expect(CivilDate(year: 2024, month: 4, day: 31) == nil)
    #expect(CivilDate(year: 2024, month: 13, day: 1) == nil)
    #expect(CivilDate(iso: "2024-4-11") == nil)
    #expect(CivilDate(iso: "２０２４-04-11") == nil, "full-width digits are not ASCII")
}

@Test func ukTextParsing() {
    #expect(CivilDate(ukText: "11/04/2024") == CivilDate(iso: "2024-04-11"))
    #expect(CivilDate(ukText: " 1/4/2024 ") == CivilDate(iso: "2024-04-01"))
    #expect(CivilDate(ukText: "31/02/2024") == nil)
    #expect(CivilDate(ukText: "04/11/24") == nil, "two-digit years are ambiguous")
}

@Test func dayNumbersRoundTrip() {
    var d = CivilDate(iso: "1899-12-25")!
    for _ in 0..<100_000 {
        #expect(CivilDate(dayNumber: d.dayNumber) == d)
        let next = d.adding(days: 1)
        #expect(next.dayNumber == d.dayNumber + 1)
        d = next
    }
    #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
}

@Test func calendarArithmeticClampsMonthEnds() {
    #expect(CivilDate(iso: "2024-01-31")!.adding(months: 1) == CivilDate(iso: "2024-02-29"))
    #expect(CivilDate(iso: "2023-01-31")!.adding(months: 1) == CivilDate(iso: "2023-02-28"))
    #expect(CivilDate(iso: "2016-02-29")!.adding(years: 10) == CivilDate(iso: "2026-02-28"))
    #expect(CivilDate(iso: "2016-02-29")!.adding(years: 8) == CivilDate(iso: "2024-02-29"))
    #expect(CivilDate(iso: "2024-03-15")!.adding(months: -3) == CivilDate(iso: "2023-12-15"))
    #expect(CivilDate(iso: "2024-03-15")!.adding(years: 1_000_000).year == 9999, "huge shifts clamp instead of crashing")
    #expect(CivilDate(iso: "2024-03-15")!.adding(years: -1_000_000).year == 1)
}

@Test func formatting() {
    #expect(CivilDate(iso: "2027-03-12")!.long == "12 March 2027")
    #expect(CivilDate(iso: "2027-03-02")!.uk == "02/03/2027")
    #expect(CivilDate(iso: "0999-01-05")!.iso == "0999-01-05")
}
