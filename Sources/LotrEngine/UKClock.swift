import LotrFlow

/// Today's date in the UK from the system clock, without time-zone databases: UK clocks are
/// GMT, and BST (GMT+1) from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last
/// Sunday of October (the Summer Time Order 2002, unchanged since). The Rules count UK days,
/// and this keeps start-up free of the calendar machinery.
public enum UKClock {
    public static func date(unixSeconds: Int) -> CivilDate {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let utcDate = CivilDate(dayNumber: days)
        let year = utcDate.year
        let start = lastSunday(year: year, month: 3).dayNumber * 86_400 + 3_600
        let end = lastSunday(year: year, month: 10).dayNumber * 86_400 + 3_600
        let offset = (unixSeconds >= start && unixSeconds < end) ? 3_600 : 0
        let local = unixSeconds + offset
        return CivilDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    public static func lastSunday(year: Int, month: Int) -> CivilDate {
        let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
        // 1970-01-01 was a Thursday: day numbers ≡ 3 (mod 7) are Sundays.
        let weekday = ((last.dayNumber % 7) + 7 + 4) % 7  // 0 = Sunday
        return last.adding(days: -weekday)
    }
}
