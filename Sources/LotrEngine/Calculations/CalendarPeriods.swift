import LotrFlow

/// The named calculations that flow expressions call (`days_between`, `total_days`, …).
/// Every function is pure: dates come in as arguments and `today` is never read from a clock,
/// so an assessment can be reproduced exactly.
public enum Calculations {}

extension Calculations {
    /// `days_between(a, b)`: calendar days from `a` to `b`; negative when `b` is earlier.
    public static func daysBetween(_ a: CivilDate, _ b: CivilDate) -> Int {
        b.dayNumber - a.dayNumber
    }

    /// `months_between(a, b)`: whole calendar months completed from `a` to `b`.
    ///
    /// A month is completed on the corresponding date of a later month, or on that month's last
    /// day when it has no corresponding date (31 January → 28/29 February). This is the
    /// "corresponding date rule" of *Dodds v Walker* [1981] 1 WLR 1027 (HL) for periods in
    /// calendar months [S: read in the judgment's summaries on vLex and swarb.co.uk, not in an
    /// official law report]. It is exactly the rule `CivilDate.adding(months:)` uses, so
    /// `monthsBetween(a, b) >= n` holds precisely when `a.adding(months: n) <= b`, and a flow can
    /// mix `months_between` and `add_months` without contradicting itself.
    ///
    /// When `b` is before `a` the result is the months completed counting back from `a` to `b`,
    /// negated (`monthsBetween(a, b) == -monthsBetween(b, a)`), so it is zero or negative, with the
    /// same sign convention as `daysBetween`.
    public static func monthsBetween(_ a: CivilDate, _ b: CivilDate) -> Int {
        if b < a { return -monthsBetween(b, a) }
        var months = (b.year * 12 + b.month) - (a.year * 12 + a.month)
        // Day arithmetic only (no `adding(months:)`): a date produced by `add_days` may lie
        // outside the years `CivilDate(year:month:day:)` accepts, and this must never trap.
        let dayInTargetMonth = min(a.day, CivilDate.daysInMonth(year: b.year, month: b.month))
        if dayInTargetMonth > b.day { months -= 1 }
        return months
    }

    /// `years_between(a, b)`: whole years completed from `a` to `b` — twelve calendar months
    /// each, by the rule described on `monthsBetween`.
    ///
    /// A period that starts on 29 February completes its years on 28 February in common years,
    /// consistent with `CivilDate.adding(years:)`. For a person's age this choice is
    /// [U] unverified: the Family Law Reform Act 1969 s. 9 says an age is attained at the start of
    /// "the relevant anniversary of the date of birth" but does not say which day that is for a
    /// 29 February birth in a common year; secondary sources disagree (some say 1 March, some
    /// 28 February), and none found was authoritative. Only people born, or starting a period,
    /// on 29 February are affected, by one day; consistency with `add_years` was preferred so
    /// that "you will have N years on {{ add_years(d, N) }}" always agrees with `years_between`.
    public static func yearsBetween(_ a: CivilDate, _ b: CivilDate) -> Int {
        monthsBetween(a, b) / 12
    }
}
