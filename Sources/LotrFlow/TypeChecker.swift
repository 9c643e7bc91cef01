/// Type-checks an expression against the question kinds and rates it may read.
public struct TypeChecker {
    /// The type of an identifier, or a message saying why it cannot be read here.
    public var resolve: (String) -> Result<ValueType, ExprError>

    public init(resolve: @escaping (String) -> Result<ValueType, ExprError>) { self.resolve = resolve }

    public func check(_ e: Expr) -> Result<ValueType, ExprError> {
        do { return .success(try type(of: e)) } catch let error as ExprError { return .failure(error) } catch {
            return .failure(ExprError(offset: e.offset, message: "\(error)", fix: nil))
        }
    }

    func fail(_ e: Expr, _ message: String, fix: String? = nil) -> ExprError {
        ExprError(offset: e.offset, message: message, fix: fix)
    }

    func type(of e: Expr) throws -> ValueType {
        switch e.kind {
        case .bool: return .bool
        case .number: return .number
        case .money: return .money
        case .date, .today: return .date
        case .string: return .text
        case .identifier(let name): return try resolve(name).get()
        case .list(let items):
            guard let first = items.first else { return .emptyList }
            let t = try type(of: first)
            for item in items.dropFirst() where try type(of: item) != t {
                throw fail(item, "every item in a list must have the same type (\(t))")
            }
            return .list(t)
        case .unary(.not, let x):
            try expectType(x, .bool, "`not` needs a yes/no value")
            return .bool
        case .unary(.negate, let x):
            let t = try type(of: x)
            guard t == .number || t == .money else { throw fail(x, "only numbers and money can be negative, not \(t)") }
            return t
        case .binary(let op, let a, let b):
            return try binary(op, a, b, e)
        case .call(let name, let args):
            return try call(name, args, e)
        }
    }

    func expectType(_ e: Expr, _ t: ValueType, _ message: String) throws {
        let actual = try type(of: e)
        guard actual == t else { throw fail(e, "\(message); this is \(actual)") }
    }

    func checkOption(_ literal: Expr, in options: [String], question: String) throws {
        guard case .string(let s) = literal.kind else {
            throw fail(literal, "compare a choice with a quoted option id, e.g. '\(options.first ?? "option")'")
        }
        guard options.contains(s) else {
            throw fail(literal, "'\(s)' is not an option of `\(question)`", fix: "use one of: \(options.joined(separator: ", "))")
        }
    }

    func binary(_ op: BinaryOp, _ a: Expr, _ b: Expr, _ e: Expr) throws -> ValueType {
        switch op {
        case .and, .or:
            try expectType(a, .bool, "`\(op.rawValue)` needs yes/no values on both sides")
            try expectType(b, .bool, "`\(op.rawValue)` needs yes/no values on both sides")
            return .bool
        case .equal, .notEqual:
            let ta = try type(of: a), tb = try type(of: b)
            switch (ta, tb) {
            case (.option(let q, let options), .text): try checkOption(b, in: options, question: q)
            case (.text, .option(let q, let options)): try checkOption(a, in: options, question: q)
            case (.bool, .bool), (.number, .number), (.money, .money), (.date, .date), (.text, .text): break
            case (.option(_, let o1), .option(_, let o2)) where o1 == o2: break
            default: throw fail(e, "cannot compare \(ta) with \(tb)")
            }
            return .bool
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let ta = try type(of: a), tb = try type(of: b)
            guard ta == tb, [.number, .money, .date].contains(ta) else {
                throw fail(e, "`\(op.rawValue)` compares two numbers, two amounts or two dates, not \(ta) and \(tb)")
            }
            return .bool
        case .in:
            let ta = try type(of: a), tb = try type(of: b)
            switch (ta, tb) {
            case (.option(let q, let options), .list(.text)):
                guard case .list(let items) = b.kind else { throw fail(b, "write the options as a list, e.g. ['a', 'b']") }
                for item in items { try checkOption(item, in: options, question: q) }
            case (.text, .optionSet(let q, let options)):
                try checkOption(a, in: options, question: q)
            case (let x, .list(let y)) where x == y && [.number, .money, .date, .text].contains(x): break
            default: throw fail(e, "cannot test whether \(ta) is in \(tb)",
                                fix: "write `choice in ['a', 'b']` or `'a' in multi_choice`")
            }
            return .bool
        case .plus, .minus:
            let ta = try type(of: a), tb = try type(of: b)
            guard ta == tb, ta == .number || ta == .money else {
                throw fail(e, "`\(op.rawValue)` adds or subtracts two numbers or two amounts, not \(ta) and \(tb)",
                           fix: ta == .date ? "use add_days(date, n) or days_between(a, b) for dates" : nil)
            }
            return ta
        case .times:
            let ta = try type(of: a), tb = try type(of: b)
            switch (ta, tb) {
            case (.number, .number): return .number
            case (.money, .number), (.number, .money): return .money
            default: throw fail(e, "cannot multiply \(ta) by \(tb)")
            }
        case .divide:
            // Only a fixed, non-zero divisor: then division can never fail at run time.
            guard case .number(let n) = b.kind, n != 0 else {
                throw fail(b, "divide only by a whole number written in the flow, not zero or an answer")
            }
            let ta = try type(of: a)
            guard ta == .number || ta == .money else { throw fail(a, "cannot divide \(ta)") }
            return ta
        }
    }

    func call(_ name: String, _ args: [Expr], _ e: Expr) throws -> ValueType {
        guard let sig = FunctionSignature.byName[name] else {
            let names = FunctionSignature.all.map(\.name).joined(separator: ", ")
            throw fail(e, "there is no function `\(name)`", fix: "the functions are: \(names)")
        }
        guard args.count == sig.parameters.count else {
            throw fail(e, "`\(name)` takes \(sig.parameters.count) argument\(sig.parameters.count == 1 ? "" : "s"), not \(args.count)")
        }
        var orderable: ValueType?
        for (arg, parameter) in zip(args, sig.parameters) {
            let t = try type(of: arg)
            switch parameter {
            case .date: guard t == .date else { throw fail(arg, "`\(name)` needs a date here, not \(t)") }
            case .number: guard t == .number else { throw fail(arg, "`\(name)` needs a whole number here, not \(t)") }
            case .dateRanges: guard t == .dateRanges else { throw fail(arg, "`\(name)` needs a list of date ranges here, not \(t)") }
            case .countable:
                switch t {
                case .dateRanges, .optionSet: break
                default: throw fail(arg, "`count` needs a list of date ranges or a multiple choice answer, not \(t)")
                }
            case .orderable:
                guard [.number, .money, .date].contains(t) else { throw fail(arg, "`\(name)` needs numbers, amounts or dates, not \(t)") }
                if let o = orderable, o != t { throw fail(arg, "`\(name)` needs two values of the same type, not \(o) and \(t)") }
                orderable = t
            }
        }
        return sig.result ?? orderable ?? .number
    }
}
