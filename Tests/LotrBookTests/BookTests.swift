import Foundation
import LotrEngine
import LotrFlow
import LotrScenarios
import LotrTestSupport
import Testing
@testable import LotrBook

/// The shipped flows and scenario tables, as `make book` reads them. Nothing here names an id of
/// the shipped flows: every expectation is derived from what the flows load, so the tests hold
/// whatever the flows say.
enum Shipped {
    static let flows: FlowSet? = FlowLoader.load(directory: TestFixtures.shippedFlows).flows
    static let scenarioDirectory = TestFixtures.testsRoot + "/LotrEngineTests/Scenarios"
    static let rows = ScenarioTable.load(directory: scenarioDirectory) ?? []
    static func book(_ language: String = "en", svg: String? = nil) throws -> Book {
        let flows = try #require(Shipped.flows, "the shipped flows do not load: run `lotr check flows`")
        return Book(flows: flows, language: language, coverage: Coverage(flows: flows, scenarios: rows),
                    scenarioSource: "Scenarios", svg: svg)
    }
    static let html: String = (try? book().html()) ?? ""
    static let markdown: String = (try? book().markdown()) ?? ""
}

func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// The `id="…"` attributes and `href="#…"` targets of an HTML text.
func anchors(_ html: String) -> (ids: [String], links: [String]) {
    func values(_ prefix: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let r = rest.range(of: prefix) {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
        return out
    }
    return (values(" id=\""), values("href=\"#"))
}

// MARK: Content

@Test func everyQuestionAndOutcomeAppearsOnceWithItsAnchor() throws {
    let flows = try #require(Shipped.flows)
    let html = Shipped.html
    #expect(!flows.questionOrder.isEmpty && !flows.outcomeOrder.isEmpty)
    for id in flows.questionOrder + flows.outcomeOrder {
        #expect(occurrences(of: "<h4 id=\"\(id)\">", in: html) == 1, "\(id) should have exactly one section")
        #expect(occurrences(of: "\n#### `\(id)`\n", in: Shipped.markdown) == 1, "\(id) should have exactly one Markdown heading")
    }
    // Each section shows the question's own words and every option.
    for id in flows.questionOrder {
        let q = flows.questions[id]!
        let section = try #require(sectionHTML(of: id, in: html))
        #expect(section.contains(escapeHTML(q.text.en)), "\(id): text missing")
        if let why = q.why { #expect(section.contains(escapeHTML(why.en)), "\(id): why missing") }
        if let help = q.help { #expect(section.contains(escapeHTML(help.en)), "\(id): help missing") }
        for o in q.options { #expect(section.contains("<code>\(o.id)</code> \(escapeHTML(o.text.en))"), "\(id): option \(o.id) missing") }
        #expect(section.contains(escapeHTML(q.source.document.title)), "\(id): source missing")
        #expect(section.contains("status-\(q.source.status.rawValue)"), "\(id): source status missing")
        #expect(occurrences(of: "<span id=\"\(id)-route-", in: section) == q.next.count, "\(id): every route, in order")
    }
}

/// The HTML from a question's or outcome's heading to the next one.
func sectionHTML(of id: String, in html: String) -> String? {
    guard let start = html.range(of: "<h4 id=\"\(id)\">") else { return nil }
    let rest = html[start.upperBound...]
    let end = rest.range(of: "<h4 ")?.lowerBound ?? rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
}

/// The HTML with the book's links taken out, leaving the text they wrap.
func withoutLinks(_ html: String) -> String {
    html.replacingOccurrences(of: ##"<a href="#[^"]*">"##, with: "", options: .regularExpression).replacingOccurrences(of: "</a>", with: "")
}

func escapeHTML(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}

@Test func routesShowConditionsAsWrittenWithEveryAnswerLinked() throws {
    let flows = try #require(Shipped.flows)
    var checked = 0
    for id in flows.questionOrder {
        let section = try #require(sectionHTML(of: id, in: Shipped.html))
        for route in flows.questions[id]!.next {
            guard let c = route.condition else { continue }
            for name in c.expr.identifiers where flows.questions[name] != nil {
                #expect(section.contains("<a href=\"#\(name)\">\(name)</a>"), "\(id): `\(c.text)` should link \(name)")
                checked += 1
            }
            // The condition as written: its words, in order, with only links added.
            let shown = withoutLinks(section)
            #expect(shown.contains("<code>\(escapeHTML(c.text))</code>"), "\(id): condition not shown as written: \(c.text)")
        }
    }
    #expect(checked > 0)
}

@Test func outcomesShowFormFeesWithEveryDatedValueWarningsAndEvidence() throws {
    let flows = try #require(Shipped.flows)
    for id in flows.outcomeOrder {
        let o = flows.outcomes[id]!
        let section = try #require(sectionHTML(of: id, in: Shipped.html))
        #expect(section.contains(escapeHTML(o.title.en)))
        if let f = o.form.flatMap({ flows.forms[$0] }) {
            #expect(section.contains(escapeHTML(f.code)) && section.contains(escapeHTML(f.name.en)), "\(id): form")
            if let url = f.source.document.url { #expect(section.contains(escapeHTML(url)), "\(id): form address") }
        }
        for rateID in [o.fee, o.ihs?.rate].compactMap({ $0 }) {
            let rate = try #require(flows.rates[rateID])
            for v in rate.values {
                let amount = rate.type == .money ? Format.money(v.value) : String(v.value)
                #expect(section.contains("from \(v.from.iso): \(amount)"), "\(id): \(rateID) value from \(v.from.iso)")
            }
        }
        let shown = withoutLinks(section)
        for c in (o.warnings + o.reasons).compactMap(\.condition) {
            #expect(shown.contains("when <code>\(escapeHTML(c.text))</code>"), "\(id): condition of a warning or reason: \(c.text)")
        }
        for e in o.evidence {
            #expect(section.contains("href=\"#evidence-\(e.item)\""), "\(id): evidence \(e.item)")
            if let c = e.condition { #expect(shown.contains("when <code>\(escapeHTML(c.text))</code>"), "\(id): when \(e.item) applies") }
        }
        #expect(occurrences(of: "<li>", in: section.components(separatedBy: "<strong>Evidence</strong>").last ?? "") >= o.evidence.count)
    }
}

// MARK: Indexes

@Test func paragraphIndexFindsEveryPlaceThatCitesAParagraph() throws {
    let flows = try #require(Shipped.flows)
    let html = Shipped.html
    let index = try #require(html.components(separatedBy: "id=\"index-paragraphs\"").last?.components(separatedBy: "</section>").first)
    // CR 3.1 (the 180-day rule) is cited by the shipped flows: the issue's own example.
    let cr31 = try #require(index.components(separatedBy: "<li>").first { $0.contains("<strong>CR 3.1</strong>") },
                            "the paragraph index has no CR 3.1 entry")
    for id in flows.questionOrder where Paragraphs.split(flows.questions[id]!.source.section).contains("CR 3.1") {
        #expect(cr31.contains("href=\"#\(id)\""), "CR 3.1 → asked in \(id)")
    }
    for id in flows.outcomeOrder where flows.outcomes[id]!.source.map({ Paragraphs.split($0.section).contains("CR 3.1") }) ?? false {
        #expect(cr31.contains("href=\"#\(id)\""), "CR 3.1 → decides \(id)")
    }
    for (id, e) in flows.evidence where Paragraphs.split(e.source.section).contains("CR 3.1") {
        #expect(cr31.contains("href=\"#evidence-\(id)\""), "CR 3.1 → evidence \(id)")
    }
    // Every question is listed under each paragraph its source names.
    for id in flows.questionOrder {
        for p in Paragraphs.split(flows.questions[id]!.source.section) {
            #expect(index.contains("<strong>\(escapeHTML(p))</strong>"), "no entry for \(p) (cited by \(id))")
        }
    }
}

@Test func paragraphsAreSplitTheWayReviewersCiteThem() {
    #expect(Paragraphs.split("LR 1.3, LR 9.3") == ["LR 1.3", "LR 9.3"])
    #expect(Paragraphs.split("introduction; VTS 1.2, 3.1, 5.1") == ["introduction", "VTS 1.2", "VTS 3.1", "VTS 5.1"])
    #expect(Paragraphs.split("SUI 13.1; Appendix Continuous Residence CR 4.1(d)(i), (iv)")
            == ["SUI 13.1", "Appendix Continuous Residence CR 4.1(d)(i)", "Appendix Continuous Residence CR 4.1(d)(iv)"])
    #expect(Paragraphs.split("[2020] UKSC 17 (the Paposhvili test adopted)") == ["[2020] UKSC 17"])
    #expect(Paragraphs.split("GEN.1.2(iv)") == ["GEN.1.2(iv)"])
    #expect(Paragraphs.split("") == [])
    #expect(Paragraphs.naturalLess("LR 2.1", "LR 10.1"))
    #expect(!Paragraphs.naturalLess("LR 10.1", "LR 2.1"))
}

@Test func statusIndexListsEverythingNotVerified() throws {
    let flows = try #require(Shipped.flows)
    let index = try #require(Shipped.html.components(separatedBy: "id=\"index-status\"").last?.components(separatedBy: "</section>").first)
    var notVerified = 0
    for id in flows.questionOrder where flows.questions[id]!.source.status != .verified {
        #expect(index.contains("href=\"#\(id)\""), "\(id) rests on a source that is not verified")
        notVerified += 1
    }
    for id in flows.outcomeOrder where (flows.outcomes[id]!.source?.status ?? .verified) != .verified {
        #expect(index.contains("href=\"#\(id)\""), "\(id) rests on a source that is not verified")
    }
    for (id, e) in flows.evidence where e.source.status != .verified {
        #expect(index.contains("href=\"#evidence-\(id)\""), "evidence \(id)")
    }
    for (id, r) in flows.rates where r.values.contains(where: { $0.source.status != .verified }) {
        #expect(index.contains("href=\"#rate-\(id)\""), "rate \(id)")
    }
    for id in flows.questionOrder where flows.questions[id]!.source.status == .verified {
        #expect(!index.contains("\(askedIn) <a href=\"#\(id)\">"), "\(id) is verified: not in the status index")
    }
    #expect(notVerified > 0, "the shipped flows mark some sources secondary: the index should show them")
}

let askedIn = "asked in"

// MARK: Coverage

@Test func coverageUsesTheEnginesPathForEveryRow() throws {
    let flows = try #require(Shipped.flows)
    let coverage = Coverage(flows: flows, scenarios: Shipped.rows)
    #expect(coverage.rows.count == Shipped.rows.count && coverage.rows.count >= 30)
    for row in coverage.rows {
        let a = try row.scenario.assess(flows).get()
        #expect(row.reached == a.outcome?.id)
        #expect(row.path == a.path)
        // One route per answered question, each one whose target is the next step of the walk.
        #expect(row.routes.count == a.trace.count, "\(row.scenario.reference): a step matched no route")
        for (ref, step) in zip(row.routes, a.trace) {
            #expect(ref.question == step.question)
            #expect(flows.questions[ref.question]!.next[ref.index].condition?.text == step.condition)
        }
    }
    #expect(coverage.mismatches.isEmpty, "rows that do not reach their expected outcome: \(coverage.mismatches.map { coverage.rows[$0].scenario.reference })")
}

@Test func coverageNamesEveryRouteNoRowTakes() throws {
    let flows = TestFixtures.small
    // One row: in the UK, a worker, no absences → settled. It never takes the hand-offs.
    let rows = ScenarioTable.read(files: [("t.yaml", """
        - name: worker at home
          today: 2026-11-23
          answers: {in_uk: yes, status: worker, absences: []}
          expect: {outcome: settled, stage: rules}
        - name: answers stop early
          answers: {in_uk: yes}
          expect: {outcome: settled, stage: rules}
        """)])
    let coverage = Coverage(flows: flows, scenarios: rows)
    #expect(coverage.byOutcome["settled"] == [0])
    #expect(coverage.rows[1].reached == nil && coverage.mismatches == [1])
    let untaken = coverage.untakenRoutes(flows)
    #expect(untaken.contains(RouteRef(question: "in_uk", index: 0)))
    #expect(!untaken.contains(RouteRef(question: "in_uk", index: 1)))
    #expect(untaken.contains(RouteRef(question: "status", index: 0)))
    #expect(!untaken.contains(RouteRef(question: "status", index: 1)))
    let html = Book(flows: flows, coverage: coverage, scenarioSource: "t").html()
    let chapter = try #require(html.components(separatedBy: "id=\"coverage-untaken\"").last?.components(separatedBy: "<h3").first)
    for ref in untaken { #expect(chapter.contains("href=\"#\(ref.anchor)\""), "untaken \(ref.anchor) not named") }
    #expect(!chapter.contains("href=\"#in_uk-route-2\""))
    #expect(html.contains("t.yaml:1") && html.contains("worker at home"))
    #expect(html.contains("answers stop early"), "a row that reaches no outcome is listed")
}

/// The standard: every rule encoded in the flows has scenario rows, so every route of every
/// stage is taken by at least one row (a new route without a row fails here).
@Test func everyRouteIsTakenByAScenarioRow() throws {
    let flows = try #require(Shipped.flows)
    let untaken = Coverage(flows: flows, scenarios: Shipped.rows).untakenRoutes(flows)
    let named = untaken.map { ref -> String in
        let at = flows.questions[ref.question].map { q in "\(q.next[ref.index].location.file.split(separator: "/").last ?? ""):\(q.next[ref.index].location.line)" }
        return "\(ref.question) route \(ref.index + 1) (\(at ?? "?"))"
    }
    #expect(untaken.isEmpty, "routes no scenario row takes: \(named.joined(separator: ", ")); add rows to Tests/LotrEngineTests/Scenarios")
}

// MARK: Formats

@Test func htmlIsOneSelfContainedFileWhoseLinksAllResolve() throws {
    for html in [Shipped.html, try Shipped.book("zh-Hant", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"#x\"></a></svg>").html()] {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "<link", " src=", "@import", "url(", "<iframe", "<img"] {
            #expect(!html.contains(forbidden), "the book must not fetch anything: found \(forbidden)")
        }
        #expect(html.contains("name=\"viewport\""), "readable on a phone")
        #expect(html.contains("@media print") && html.contains("break-before: page"), "printable, a page per stage")
        let (ids, links) = anchors(html)
        let idSet = Set(ids)
        #expect(idSet.count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        let broken = Set(links).subtracting(idSet).subtracting(["x"])
        #expect(broken.isEmpty, "links to no anchor: \(broken.sorted().prefix(10))")
    }
}

@Test func eachStageIsAChapterPrintedFromANewPage() throws {
    let flows = try #require(Shipped.flows)
    for s in flows.stages {
        #expect(Shipped.html.contains("<section class=\"chapter\" id=\"stage-\(s.stage.rawValue)\">"))
    }
    // In order: each stage's chapter comes after the one before.
    let positions = flows.stages.compactMap { Shipped.html.range(of: "id=\"stage-\($0.stage.rawValue)\"")?.lowerBound }
    #expect(positions == positions.sorted() && positions.count == flows.stages.count)
}

/// html5lib's parser in strict mode raises on the first HTML5 parse error: unclosed or misnested
/// elements, bad attributes, stray end tags, a missing doctype. Debian's python3-html5lib
/// (`make test-deps` installs it).
func strictHTMLProblems(_ html: String) throws -> String? {
    let python = "/usr/bin/python3"
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-book-\(UUID().uuidString).html")
    try html.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python)
    p.arguments = ["-c", """
        import sys, html5lib
        try:
            html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], 'rb'))
        except Exception as e:
            print('parse error:', e); sys.exit(1)
        """, file.path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if text.contains("No module named") { Issue.record("python3-html5lib is missing: run `make test-deps` (as root) or `apt-get install python3-html5lib`") }
    return p.terminationStatus == 0 ? nil : text
}

@Test func htmlPassesTheStrictHTML5Parser() throws {
    #expect(try strictHTMLProblems(Shipped.html) == nil)
    #expect(try strictHTMLProblems(try Shipped.book("zh-Hant").html()) == nil)
    #expect(try strictHTMLProblems(Book(flows: TestFixtures.small).html()) == nil)
    // The checker can fail: a misnested element is caught.
    #expect(try strictHTMLProblems("<!DOCTYPE html><html><head><title>x</title></head><body><p><b>x</p></b></body></html>") != nil)
}

@Test func withoutADrawingThePageSaysSoAndStillWorks() throws {
    let without = try Shipped.book().html()
    #expect(!without.contains("<svg"))
    #expect(without.contains("No picture") && without.contains("graphviz"))
    let drawing = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8pt\"><g id=\"graph0\"></g></svg>\n"
    let with = try Shipped.book(svg: drawing).html()
    #expect(with.contains("<div class=\"drawing\">\n<svg") && !with.contains("<?xml"), "the SVG is embedded without its XML prologue")
    #expect(with.contains("Graphviz"), "the page says what drew it")
}

@Test func chineseBookShowsTheTranslationBesideTheEnglish() throws {
    let flows = try #require(Shipped.flows)
    let html = try Shipped.book("zh-Hant").html()
    #expect(html.contains("<html lang=\"zh-Hant\">"))
    let translated = try #require(flows.questionOrder.compactMap { flows.questions[$0] }.first { $0.text.values["zh-Hant"] != nil })
    let section = try #require(sectionHTML(of: translated.id, in: html))
    #expect(section.contains(escapeHTML(translated.text.values["zh-Hant"]!)) && section.contains(escapeHTML(translated.text.en)))
    #expect(html.contains("按引用條文索引"), "the book's own words are translated")
}

/// GitHub's and GitLab's heading anchors, written out again here from their rule so that the
/// test does not just repeat the renderer.
func forgeSlugs(_ markdown: String) -> Set<String> {
    var out: Set<String> = []
    var counts: [String: Int] = [:]
    var inFence = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("```") { inFence.toggle(); continue }
        guard !inFence, line.hasPrefix("#") else { continue }
        var text = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        text = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        let base = String(text.lowercased().unicodeScalars.compactMap { u -> Character? in
            if u == " " { return "-" }
            let c = Character(u)
            return c == "-" || c == "_" || c.isLetter || c.isNumber ? c : nil
        })
        let n = counts[base, default: -1] + 1
        counts[base] = n
        out.insert(n == 0 ? base : "\(base)-\(n)")
    }
    return out
}

@Test func markdownLinksResolveOnForgesAndUseNoRawHTML() throws {
    for md in [Shipped.markdown, try Shipped.book("zh-Hant").markdown()] {
        let slugs = forgeSlugs(md)
        let targets = md.matches(of: /\]\(#([^)]+)\)/).map { String($0.1) }
        #expect(!targets.isEmpty)
        let broken = Set(targets).subtracting(slugs)
        #expect(broken.isEmpty, "Markdown links to no heading: \(broken.sorted().prefix(10))")
        let flows = try #require(Shipped.flows)
        for id in flows.questionOrder.prefix(20) { #expect(slugs.contains(id), "#\(id) is the anchor on a forge too") }
        // Only autolinks `<https://…>` use angle brackets outside code: no raw HTML to be stripped.
        let outsideFences = md.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        let tags = outsideFences.matches(of: /(^|[^\\])<(?!https?:)[a-zA-Z\/]/)
        #expect(tags.isEmpty, "raw HTML in the Markdown")
        #expect(md.contains("```mermaid\nflowchart TD"))
        // Two code spans side by side would read as one ``…`` span: each run is one span.
        #expect(!outsideFences.contains("``"), "code spans run together")
    }
    let fixture = Book(flows: TestFixtures.small).markdown()
    let outside = fixture.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
    #expect(!outside.contains("``") && outside.contains("`{{ max_days_in_any_12_months(`[`absences`](#absences)`) }}`"))
}

// MARK: Hand-offs and dates (the route keys)

@Test func handOffsShowTheirBecauseSourceStatusAndDates() throws {
    let flows = TestFixtures.small
    let book = Book(flows: flows)
    let html = book.html()
    var handOffs = 0, dates = 0
    for id in flows.questionOrder {
        let q = flows.questions[id]!
        let section = try #require(sectionHTML(of: id, in: html))
        let shown = withoutLinks(section)
        for (i, r) in q.next.enumerated() {
            let route = shown.components(separatedBy: "<span id=\"\(id)-route-\(i + 1)\"></span>").last?
                .components(separatedBy: "<span id=\"\(id)-route-\(i + 2)\"></span>").first ?? ""
            if let because = r.because {
                // The text as written, each {{ expression }} shown as code.
                let plain = because.raw.en.replacingOccurrences(of: #"\{\{\s*([^}]*?)\s*\}\}"#, with: "<code>{{ $1 }}</code>", options: .regularExpression)
                #expect(route.contains(escapeHTML(plain).replacingOccurrences(of: "&lt;code&gt;", with: "<code>").replacingOccurrences(of: "&lt;/code&gt;", with: "</code>")),
                        "\(id) route \(i + 1): because")
                #expect(route.contains(r.status == .notChecked ? "not checked" : "does not fit"), "\(id) route \(i + 1): status")
                handOffs += 1
            }
            if let s = r.source { #expect(route.contains(escapeHTML(s.document.title + ", " + s.section)), "\(id) route \(i + 1): source") }
            for d in r.dates {
                #expect(route.contains("<code>\(d.id)</code>") && route.contains("<code>\(escapeHTML(d.date.text))</code>"), "\(id): date \(d.id)")
                dates += 1
            }
        }
    }
    for id in flows.outcomeOrder {
        let shown = withoutLinks(try #require(sectionHTML(of: id, in: html)))
        for d in flows.outcomes[id]!.dates {
            #expect(shown.contains("<code>\(d.id)</code>") && shown.contains("<code>\(escapeHTML(d.date.text))</code>"), "\(id): date \(d.id)")
            if let c = d.condition { #expect(shown.contains("when <code>\(escapeHTML(c.text))</code>")) }
            dates += 1
        }
        if let because = flows.outcomes[id]!.because { #expect(shown.contains(escapeHTML(because.raw.en))) }
    }
    #expect(handOffs >= 2 && dates >= 2, "the fixture has hand-offs with because and dates")
    // Each file's review-by date, and a stage's not_reached text.
    for f in flows.files { #expect(html.contains("Review by \(f.reviewBy.iso)"), "\(f.path): review_by") }
    for s in flows.stages { if let n = s.notReached { #expect(html.contains(escapeHTML(n.en))) } }
    // Route sources are indexed by paragraph too.
    let index = try #require(html.components(separatedBy: "id=\"index-paragraphs\"").last?.components(separatedBy: "</section>").first)
    for id in flows.questionOrder {
        for (i, r) in flows.questions[id]!.next.enumerated() where r.source != nil {
            #expect(index.contains("href=\"#\(id)-route-\(i + 1)\""), "\(id) route \(i + 1) is indexed by its paragraph")
        }
    }
    #expect(try strictHTMLProblems(html) == nil)
}
