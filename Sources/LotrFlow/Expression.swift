/// The small condition language used in `if:` and `{{ }}`. A parsed expression keeps the offset
/// of every part in its source text so that errors can point at the exact column.
public indirect enum ExprKind: Hashable, Sendable {
    case bool(Bool)
    case number(Int)
    /// Money in pence, so that sums are exact.
    case money(Int)
    case date(CivilDate)
    case string(String)
    case list([Expr])
    case identifier(String)
    case today
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case call(String, [Expr])
}

public enum UnaryOp: String, Hashable, Sendable { case not, negate = "-" }

public enum BinaryOp: String, Hashable, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`
    case plus = "+", minus = "-", times = "*", divide = "/"
}

public struct Expr: Hashable, Sendable {
    public var kind: ExprKind
    /// Offset in characters from the start of the expression's source text.
    public var offset: Int
    /// Levels of nesting below and including this node. The parser refuses very deep trees, so
    /// every later pass (type checking, evaluation) can recurse without risk to the stack.
    public let height: Int

    public init(_ kind: ExprKind, at offset: Int) {
        self.kind = kind
        self.offset = offset
        switch kind {
        case .list(let items): height = 1 + (items.map(\.height).max() ?? 0)
        case .unary(_, let x): height = 1 + x.height
        case .binary(_, let a, let b): height = 1 + max(a.height, b.height)
        case .call(_, let args): height = 1 + (args.map(\.height).max() ?? 0)
        default: height = 1
        }
    }

    /// Deeper than any condition a person would write; far below what the stack can take.
    public static let maximumHeight = 64

    /// Question or rate ids this expression reads, in order of first use.
    public var identifiers: [String] {
        var seen: [String] = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .identifier(let name): if !seen.contains(name) { seen.append(name) }
            case .list(let items): items.forEach(walk)
            case .unary(_, let x): walk(x)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            default: break
            }
        }
        walk(self)
        return seen
    }
}

/// An expression together with the text it came from and where that text sits in a flow file.
public struct SourcedExpr: Hashable, Sendable {
    public var expr: Expr
    public var text: String
    public var location: SourceLocation
    public init(expr: Expr, text: String, location: SourceLocation) {
        self.expr = expr
        self.text = text
        self.location = location
    }
}

public struct ExprError: Error, Hashable, Sendable {
    public var offset: Int
    public var message: String
    public var fix: String?
}
