/// A calendar date with no time and no time zone: immigration rules count in calendar days,
/// so a date must never shift because of the machine's clock or zone.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for an impossible date (31 April, 29 February in a common year, month 13 …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses the UK order people type, `DD/MM/YYYY` (also accepts `-` or `.` between parts).
    public init?(ukText: String) {
        let trimmed = ukText.trimmingCharacters(in: " ")
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
              (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses a date the way people write it: `DD/MM/YYYY` (or with `-`, `.`), ISO `YYYY-MM-DD`,
    /// or with the month in words, `1 May 1990` / `1 Sept 1990` (English month names, in full
    /// or shortened to three letters; a comma after the month is allowed).
    public init?(written text: String) {
        let t = text.trimmingCharacters(in: " ")
        if let d = CivilDate(iso: t) ?? CivilDate(ukText: t) { self = d; return }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.count == 3, (1...2).contains(words[0].count), words[2].count == 4,
              words[0].allSatisfy({ $0.isASCII && $0.isNumber }), words[2].allSatisfy({ $0.isASCII && $0.isNumber }),
              let m = CivilDate.month(named: String(words[1])), let d = Int(words[0]), let y = Int(words[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// 1–12 for an English month name in full or its first three letters ("sept" too), any case.
    public static func month(named word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3, w.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if w == "sept" { return 9 }
        for (i, name) in monthNames.enumerated() {
            let n = name.lowercased()
            if w == n || w == String(n.prefix(3)) { return i + 1 }
        }
        return nil
    }

    /// Whether `letters` could still become a month name as typed (a prefix of one).
    public static func couldBeMonth(_ letters: String) -> Bool {
        let w = letters.lowercased()
        return !w.isEmpty && (monthNames.contains { $0.lowercased().hasPrefix(w) } || w == "sept")
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Calendar months; a day past the end of the target month clamps to its last day
    /// (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> CivilDate {
        // Clamped to years 1–9999 so that any shift, however large, gives a real date.
        let total = max(12, min(9999 * 12 + 11, year * 12 + (month - 1) + max(-200_000, min(200_000, months))))
        let y = total / 12, m = total % 12 + 1
        let d = min(day, CivilDate.daysInMonth(year: y, month: m))
        return CivilDate(year: y, month: m, day: d)!
    }

    public func adding(years: Int) -> CivilDate { adding(months: years * 12) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    /// `12 March 2027`, as GOV.UK writes dates.
    public var long: String { "\(day) \(CivilDate.monthNames[month - 1]) \(year)" }

    /// `12/03/2027`, the order people in the UK type.
    public var uk: String {
        let dd = day < 10 ? "0\(day)" : "\(day)", mm = month < 10 ? "0\(month)" : "\(month)"
        return "\(dd)/\(mm)/\(year)"
    }
}

/// A period given by two dates, e.g. an absence: the day the person left the UK (`from`) and the
/// day they came back (`to`). How many days it counts for is the calculation's business.
public struct DateRange: Hashable, Sendable {
    public let from: CivilDate
    public let to: CivilDate
    public init(from: CivilDate, to: CivilDate) { self.from = from; self.to = to }
}
