/// A user-visible text in several languages. English is required; other languages fall back
/// to English until translated.
public struct LocalizedText: Hashable, Sendable {
    public static let required = "en"
    public static let known = ["en", "zh-Hant"]
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }
    public init(en: String) { self.values = ["en": en] }

    public var en: String { values["en"] ?? "" }

    public func text(_ language: String) -> String { values[language] ?? values["en"] ?? "" }
}
