import Foundation
import LotrFlow
import LotrTestSupport
import Testing

/// A flow text with a terminal control character would act on the screen (ESC starts an escape
/// sequence that can retitle the window, clear it or move the cursor): `lotr check` refuses it.
@Suite struct ControlCharacterTests {
    static func loadWithRulesEdited(_ edit: (String) -> String) -> LoadResult {
        let files = TestFixtures.files(in: ["base", "valid"]).map { f in
            f.path == "rules.yaml" ? (path: f.path, contents: edit(f.contents)) : f
        }
        return FlowLoader.load(files: files)
    }

    @Test(arguments: [("\\e[2J", "ESC (U+001B)"), ("\\a", "BEL (U+0007)"), ("\\x9B", "CSI (U+009B)"), ("\\t", "tab (U+0009)"),
                      ("\\r", "carriage return (U+000D)"), ("\\x7F", "DEL (U+007F)"), ("\\x01", "U+0001")])
    func aControlCharacterInATextIsAnErrorAtItsLine(_ escape: String, _ name: String) {
        // A double-quoted YAML string spells the character as an escape.
        let result = Self.loadWithRulesEdited {
            $0.replacingOccurrences(of: "text: {en: Are you in the UK?}", with: "text: {en: \"Are you in the UK?\(escape)\"}")
        }
        #expect(result.flows == nil)
        // The line of the edited text in the fixture, found rather than written down.
        let rules = TestFixtures.files(in: ["base", "valid"]).first { $0.path == "rules.yaml" }!.contents
        let line = rules.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("text: {en: Are you in the UK?}") }.map { $0 + 1 }
        let hit = result.errors.first { $0.location.file == "rules.yaml" && $0.location.line == line && $0.description.contains(name) }
        #expect(hit != nil, "\(result.errors.map(\.description))")
    }

    @Test func aControlCharacterInATitleIsAnErrorToo() {
        let result = Self.loadWithRulesEdited { $0.replacingOccurrences(of: "title: \"Test rules\"", with: "title: \"Test\\e]0;x\\arules\"") }
        #expect(result.flows == nil)
        #expect(result.errors.contains { $0.location.file == "rules.yaml" && $0.description.contains("ESC (U+001B)") },
                "\(result.errors.map(\.description))")
    }

    @Test func lineBreaksAreFine() {
        let result = Self.loadWithRulesEdited {
            $0.replacingOccurrences(of: "text: {en: Are you in the UK?}", with: "text: {en: \"Are you\\nin the UK?\"}")
        }
        #expect(result.flows != nil, "\(result.errors.map(\.description))")
    }

    @Test func neutralizedTextKeepsLineBreaksOnly() {
        #expect(TerminalControl.neutralized("a\u{1B}[31mb\nc\td\u{85}") == "a\u{FFFD}[31mb\nc d\u{FFFD}")
    }
}
