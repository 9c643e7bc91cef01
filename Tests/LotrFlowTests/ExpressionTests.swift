import Testing
@testable import LotrFlow

func parse(_ s: String) -> Expr? { try? ExpressionParser.parse(s).get() }

@Test func precedenceAndAssociativity() throws {
    let e = try #require(parse("not a or b and c == 1 + 2 * 3"))
    guard case .binary(.or, let left, let right) = e.kind else { Issue.record("or is loosest: \(e)"); return }
    guard case .unary(.not, _) = left.kind else { Issue.record("not binds tighter than or"); return }
    guard case .binary(.and, _, let cmp) = right.kind, case .binary(.equal, _, let sum) = cmp.kind,
          case .binary(.plus, _, let product) = sum.kind, case .binary(.times, _, _) = product.kind else {
        Issue.record("and > comparison > + > *: \(right)"); return
    }
    let chain = try #require(parse("1 - 2 - 3"))
    guard case .binary(.minus, let l, _) = chain.kind, case .binary(.minus, _, _) = l.kind else {
        Issue.record("minus is left-associative"); return
    }
}

@Test func literals() {
    #expect(parse("2024-04-11")?.kind == .date(CivilDate(year: 2024, month: 4, day: 11)!))
    #expect(parse("£1,258.50")?.kind == .money(125850))
    #expect(parse("£3029")?.kind == .money(302900))
    #expect(parse("'visitor'")?.kind == .string("visitor"))
    #expect(parse("yes")?.kind == .bool(true))
    #expect(parse("no")?.kind == .bool(false))
    #expect(parse("today")?.kind == .today)
    #expect(parse("today()")?.kind == .today)
    #expect(parse("[]")?.kind == .list([]))
}

@Test(arguments: [
    ("a ==", 4, "ends too early"),
    ("a = b", 2, "`=` on its own"),
    ("(a", 2, "expected `)`"),
    ("2024-02-30", 0, "not a real date"),
    ("'open", 0, "no closing"),
    ("a < b < c", 6, "cannot be chained"),
    ("a b", 2, "after a complete expression"),
    ("a && b", 2, "write `and`"),
    ("£12.5", 0, "two digits of pence"),
    ("99999999999", 0, "too large"),
])
func syntaxErrorsPointAtTheirColumn(_ text: String, _ offset: Int, _ message: String) {
    switch ExpressionParser.parse(text) {
    case .success(let e): Issue.record("`\(text)` should not parse, got \(e)")
    case .failure(let error):
        #expect(error.offset == offset, "\(text): \(error)")
        #expect((error.message + " " + (error.fix ?? "")).contains(message), "\(text): \(error.message)")
    }
}

let types: [String: ValueType] = [
    "in_uk": .bool, "start": .date, "days": .number, "fee": .money, "name": .text,
    "status": .option(question: "status", options: ["worker", "visitor"]),
    "reasons": .optionSet(question: "reasons", options: ["crisis", "illness"]),
    "absences": .dateRanges,
]
func makeChecker() -> TypeChecker { TypeChecker { name in
    types[name].map { .success($0) } ?? .failure(ExprError(offset: 0, message: "unknown `\(name)`", fix: nil))
} }

func typeOf(_ s: String) -> Result<ValueType, ExprError> { makeChecker().check(parse(s)!) }

@Test(arguments: [
    ("in_uk and days > 3", ValueType.bool),
    ("status == 'visitor'", .bool),
    ("status in ['worker', 'visitor']", .bool),
    ("'crisis' in reasons", .bool),
    ("days_between(start, today) >= 3653", .bool),
    ("add_years(start, 10)", .date),
    ("max_days_in_any_12_months(absences)", .number),
    ("fee * 2", .money),
    ("fee / 4", .money),
    ("min(start, today)", .date),
    ("count(reasons) + count(absences)", .number),
    ("-days", .number),
    ("total_days_before(absences, 2024-04-11) <= 548", .bool),
])
func wellTypedExpressions(_ text: String, _ expected: ValueType) throws {
    #expect(try typeOf(text).get() == expected)
}

@Test(arguments: [
    ("status == 'student'", "'student' is not an option"),
    ("'flood' in reasons", "'flood' is not an option"),
    ("in_uk + 1", "adds or subtracts"),
    ("start + 1", "use add_days"),
    ("days / days", "divide only by a whole number"),
    ("days / 0", "divide only by a whole number"),
    ("in_uk < 3", "compares two numbers"),
    ("min(start, days)", "same type"),
    ("add_days(start)", "takes 2 arguments"),
    ("count(days)", "`count` needs"),
    ("not days", "`not` needs"),
    ("days and in_uk", "yes/no values on both sides"),
    ("ghost > 1", "unknown `ghost`"),
    ("[1, 'a']", "same type"),
    ("name == 3", "cannot compare text with number"),
])
func illTypedExpressions(_ text: String, _ message: String) {
    switch typeOf(text) {
    case .success(let t): Issue.record("`\(text)` should not type-check, got \(t)")
    case .failure(let e): #expect((e.message + " " + (e.fix ?? "")).contains(message), "\(text): \(e.message)")
    }
}

@Test func identifiersAreListedOnceInOrder() {
    #expect(parse("a > 1 and b or a")?.identifiers == ["a", "b"])
}
