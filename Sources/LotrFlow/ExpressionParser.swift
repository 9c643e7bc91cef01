/// A hand-written recursive-descent parser: precise positions in errors matter more here than
/// brevity, because the people reading the errors are editing legal content, not code.
public struct ExpressionParser {
    enum Token: Hashable {
        case identifier(String)
        case number(Int)
        case money(Int)
        case date(CivilDate)
        case string(String)
        case symbol(String)
        case end
    }

    struct Lexeme {
        var token: Token
        var offset: Int
    }

    let source: [Character]
    var lexemes: [Lexeme] = []
    var position = 0
    /// Nested `not`, `-`, `(` and `[` being parsed: the parser's own recursion depth.
    var nesting = 0

    /// Long enough for any real condition; bounds the work done on hostile input.
    public static let maximumLength = 4000

    public static func parse(_ text: String) -> Result<Expr, ExprError> {
        var parser = ExpressionParser(source: Array(text))
        guard parser.source.count <= maximumLength else {
            return .failure(ExprError(offset: maximumLength, message: "the expression is longer than \(maximumLength) characters",
                                      fix: "split it, or move the calculation into a named function"))
        }
        do {
            try parser.tokenize()
            let expr = try parser.parseOr()
            guard case .end = parser.current.token else {
                throw ExprError(offset: parser.current.offset, message: "unexpected \(parser.describe(parser.current.token)) after a complete expression",
                                fix: "join conditions with `and` or `or`, or remove the extra text")
            }
            return .success(expr)
        } catch let error as ExprError {
            return .failure(error)
        } catch {
            return .failure(ExprError(offset: 0, message: "\(error)", fix: nil))
        }
    }

    init(source: [Character]) { self.source = source }

    // MARK: Lexer

    mutating func tokenize() throws {
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func isIdentStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
        func isIdent(_ c: Character) -> Bool { isIdentStart(c) || isDigit(c) }
        while i < source.count {
            let c = source[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if isIdentStart(c) {
                while i < source.count, isIdent(source[i]) { i += 1 }
                lexemes.append(Lexeme(token: .identifier(String(source[start..<i])), offset: start))
            } else if isDigit(c) {
                while i < source.count, isDigit(source[i]) || source[i] == "-" { i += 1 }
                let text = String(source[start..<i])
                if text.contains("-") {
                    guard text.count == 10, text.split(separator: "-").count == 3 else {
                        throw ExprError(offset: start, message: "`\(text)` is neither a number nor a date", fix: "write dates as YYYY-MM-DD, e.g. 2024-04-11; put spaces around a minus sign")
                    }
                    guard let date = CivilDate(iso: text) else {
                        throw ExprError(offset: start, message: "`\(text)` is not a real date", fix: "check the day and month")
                    }
                    lexemes.append(Lexeme(token: .date(date), offset: start))
                } else {
                    guard let n = Int(text), n <= 1_000_000_000 else {
                        throw ExprError(offset: start, message: "the number `\(text)` is too large", fix: "use a number below 1,000,000,000")
                    }
                    lexemes.append(Lexeme(token: .number(n), offset: start))
                }
            } else if c == "£" {
                i += 1
                let digitsStart = i
                while i < source.count, isDigit(source[i]) || source[i] == "," { i += 1 }
                var pounds = String(source[digitsStart..<i]).replacingAll(",", with: "")
                var pence = 0
                if i < source.count, source[i] == "." {
                    let p = i + 1
                    var j = p
                    while j < source.count, isDigit(source[j]) { j += 1 }
                    guard j - p == 2, let value = Int(String(source[p..<j])) else {
                        throw ExprError(offset: start, message: "money needs exactly two digits of pence", fix: "write e.g. £1258.00")
                    }
                    pence = value
                    i = j
                }
                if pounds.isEmpty { pounds = "x" }
                guard let whole = Int(pounds), whole <= 10_000_000 else {
                    throw ExprError(offset: start, message: "`\(String(source[start..<i]))` is not an amount of money", fix: "write e.g. £1258.00")
                }
                lexemes.append(Lexeme(token: .money(whole * 100 + pence), offset: start))
            } else if c == "'" || c == "\"" {
                i += 1
                var text = ""
                while i < source.count, source[i] != c { text.append(source[i]); i += 1 }
                guard i < source.count else {
                    throw ExprError(offset: start, message: "this text has no closing \(c)", fix: "add \(c) at the end of the text")
                }
                i += 1
                lexemes.append(Lexeme(token: .string(text), offset: start))
            } else {
                let two = i + 1 < source.count ? String(source[i...i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    lexemes.append(Lexeme(token: .symbol(two), offset: start))
                    i += 2
                } else if "<>+-*/(),[]".contains(c) {
                    lexemes.append(Lexeme(token: .symbol(String(c)), offset: start))
                    i += 1
                } else if c == "=" {
                    throw ExprError(offset: start, message: "`=` on its own is not an operator", fix: "use `==` to compare")
                } else if c == "&" || c == "|" || c == "!" {
                    throw ExprError(offset: start, message: "`\(c)` is not an operator here", fix: "write `and`, `or`, `not`")
                } else {
                    throw ExprError(offset: start, message: "unexpected character `\(c)`", fix: nil)
                }
            }
        }
        lexemes.append(Lexeme(token: .end, offset: source.count))
    }

    // MARK: Grammar

    /// Rejects trees too deep to check and evaluate safely.
    func checked(_ e: Expr) throws -> Expr {
        guard e.height <= Expr.maximumHeight else {
            throw ExprError(offset: e.offset, message: "the expression is nested too deeply (more than \(Expr.maximumHeight) levels)",
                            fix: "simplify it, or move the calculation into a named function")
        }
        return e
    }

    mutating func enter(_ at: Int) throws {
        nesting += 1
        guard nesting <= Expr.maximumHeight else {
            throw ExprError(offset: at, message: "the expression is nested too deeply (more than \(Expr.maximumHeight) levels)",
                            fix: "simplify it, or move the calculation into a named function")
        }
    }

    var current: Lexeme { lexemes[position] }

    func describe(_ token: Token) -> String {
        switch token {
        case .identifier(let s): return "`\(s)`"
        case .number(let n): return "number `\(n)`"
        case .money: return "an amount of money"
        case .date(let d): return "date `\(d.iso)`"
        case .string(let s): return "text '\(s)'"
        case .symbol(let s): return "`\(s)`"
        case .end: return "end of expression"
        }
    }

    mutating func advance() -> Lexeme {
        let l = lexemes[position]
        if position < lexemes.count - 1 { position += 1 }
        return l
    }

    func isKeyword(_ word: String) -> Bool {
        if case .identifier(word) = current.token { return true }
        return false
    }

    func isSymbol(_ s: String) -> Bool {
        if case .symbol(s) = current.token { return true }
        return false
    }

    mutating func expect(_ s: String, _ context: String) throws {
        guard isSymbol(s) else {
            throw ExprError(offset: current.offset, message: "expected `\(s)` \(context), found \(describe(current.token))", fix: nil)
        }
        _ = advance()
    }

    mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        while isKeyword("or") {
            let op = advance()
            left = try checked(Expr(.binary(.or, left, try parseAnd()), at: op.offset))
        }
        return left
    }

    mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        while isKeyword("and") {
            let op = advance()
            left = try checked(Expr(.binary(.and, left, try parseNot()), at: op.offset))
        }
        return left
    }

    mutating func parseNot() throws -> Expr {
        if isKeyword("not") {
            let op = advance()
            try enter(op.offset)
            defer { nesting -= 1 }
            return try checked(Expr(.unary(.not, try parseNot()), at: op.offset))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> Expr {
        let left = try parseAdditive()
        let ops: [String: BinaryOp] = ["==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual]
        var op: BinaryOp?
        if case .symbol(let s) = current.token { op = ops[s] }
        if isKeyword("in") { op = .in }
        guard let found = op else { return left }
        let at = advance().offset
        let right = try parseAdditive()
        if case .symbol(let s) = current.token, ops[s] != nil {
            throw ExprError(offset: current.offset, message: "comparisons cannot be chained", fix: "write `a < b and b < c`")
        }
        return try checked(Expr(.binary(found, left, right), at: at))
    }

    mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            let right = try parseMultiplicative()
            left = try checked(Expr(.binary(isPlus(op) ? .plus : .minus, left, right), at: op.offset))
        }
        return left
    }

    func isPlus(_ l: Lexeme) -> Bool { l.token == .symbol("+") }

    mutating func parseMultiplicative() throws -> Expr {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            let right = try parseUnary()
            left = try checked(Expr(.binary(op.token == .symbol("*") ? .times : .divide, left, right), at: op.offset))
        }
        return left
    }

    mutating func parseUnary() throws -> Expr {
        if isSymbol("-") {
            let op = advance()
            try enter(op.offset)
            defer { nesting -= 1 }
            return try checked(Expr(.unary(.negate, try parseUnary()), at: op.offset))
        }
        return try parsePrimary()
    }

    static let reserved: Set<String> = ["and", "or", "not", "in"]

    mutating func parsePrimary() throws -> Expr {
        let lexeme = current
        switch lexeme.token {
        case .number(let n): _ = advance(); return Expr(.number(n), at: lexeme.offset)
        case .money(let p): _ = advance(); return Expr(.money(p), at: lexeme.offset)
        case .date(let d): _ = advance(); return Expr(.date(d), at: lexeme.offset)
        case .string(let s): _ = advance(); return Expr(.string(s), at: lexeme.offset)
        case .symbol("("):
            _ = advance()
            try enter(lexeme.offset)
            defer { nesting -= 1 }
            let inner = try parseOr()
            try expect(")", "to close the `(`")
            return inner
        case .symbol("["):
            _ = advance()
            try enter(lexeme.offset)
            defer { nesting -= 1 }
            var items: [Expr] = []
            if !isSymbol("]") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    items.append(try parseAdditive())
                } while isSymbol(",")
            }
            try expect("]", "to close the list")
            return try checked(Expr(.list(items), at: lexeme.offset))
        case .identifier(let name):
            if ExpressionParser.reserved.contains(name) {
                throw ExprError(offset: lexeme.offset, message: "`\(name)` needs something before it", fix: nil)
            }
            _ = advance()
            switch name {
            case "yes", "true": return Expr(.bool(true), at: lexeme.offset)
            case "no", "false": return Expr(.bool(false), at: lexeme.offset)
            default: break
            }
            if isSymbol("(") {
                _ = advance()
                try enter(lexeme.offset)
                defer { nesting -= 1 }
                var args: [Expr] = []
                if !isSymbol(")") {
                    args.append(try parseOr())
                    while isSymbol(",") {
                        _ = advance()
                        args.append(try parseOr())
                    }
                }
                try expect(")", "to close the call to `\(name)`")
                if name == "today" && args.isEmpty { return Expr(.today, at: lexeme.offset) }
                return try checked(Expr(.call(name, args), at: lexeme.offset))
            }
            if name == "today" { return Expr(.today, at: lexeme.offset) }
            return Expr(.identifier(name), at: lexeme.offset)
        case .end:
            throw ExprError(offset: lexeme.offset, message: "the expression ends too early", fix: "complete the condition")
        case .symbol(let s):
            throw ExprError(offset: lexeme.offset, message: "unexpected `\(s)`", fix: nil)
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
