import LotrEngine
import LotrFlow
import LotrTestSupport
import Testing
@testable import LotrTUI

typealias KeyStreamRandom = SeededRandom

func randomEvent(_ rng: inout KeyStreamRandom) -> Event {
    let keys: [Key] = [.enter, .escape, .backspace, .delete, .insert, .tab, .backTab, .up, .down, .left, .right, .home, .end,
                       .pageUp, .pageDown, .function(1), .function(2), .function(12), .ctrl("r"), .ctrl("n"), .ctrl("u"),
                       .ctrl("x"), .ctrl("z"), .ctrl("l")]
    let characters: [Character] = ["y", "n", "b", "r", "a", "d", "c", "e", "p", "q", "x", " ", "?", "/", "0", "1", "2", "9",
                                   "你", "🙂", "é", "\u{0301}", "\u{200B}", "\u{7}", "\t", "ｙ"]
    switch Int.random(in: 0..<100, using: &rng) {
    case 0..<40: return .key(keys.randomElement(using: &rng)!)
    case 40..<90: return .key(.character(characters.randomElement(using: &rng)!))
    case 90..<94: return .tick
    case 94..<97: return .resize(rows: Int.random(in: 1...60, using: &rng), cols: Int.random(in: 1...200, using: &rng))
    default: return .interrupt
    }
}

@Test(arguments: 0..<12)
func randomKeyStreamsNeverCrashOrOverflow(_ seed: Int) {
    var rng = KeyStreamRandom(seed: UInt64(seed) &* 0x2545F4914F6CDD1D)
    let flows = seed % 2 == 0 ? InterviewFixtures.kinds : InterviewFixtures.small
    var m = InterviewModel(flows: flows, today: InterviewFixtures.today, language: seed % 3 == 0 ? "zh-Hant" : "en")
    var size = Size(rows: 24, cols: 80)
    for _ in 0..<300 {
        let event = randomEvent(&rng)
        if case .resize(let r, let c) = event { size = Size(rows: r, cols: c) }
        let (next, command) = InterviewModel.update(m, event)
        m = next
        if command == .quit { m = InterviewModel(flows: flows, today: InterviewFixtures.today) }
        let screen = SizeGuard.guarded(InterviewView.render, minimum: SizeGuard.minimum)(m, size)
        #expect(screen.size == size)
        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
        // The engine's view of the answers is always consistent.
        let a = m.assessment
        #expect((a.next == nil) != (a.outcome == nil))
    }
}

@Test(arguments: 0..<8)
func randomKeyStreamsInTheKiosk(_ seed: Int) {
    var rng = KeyStreamRandom(seed: UInt64(seed) &+ 77)
    var k = KioskModel(interview: InterviewModel(flows: InterviewFixtures.kinds, today: InterviewFixtures.today),
                       settings: .init(idleSeconds: 5, countdownSeconds: 3, pin: "1234"))
    for _ in 0..<300 {
        let (next, command) = KioskModel.update(k, randomEvent(&rng))
        k = next
        #expect(command == .none, "the public can never leave a kiosk")
        _ = KioskModel.render(k, Size(rows: 24, cols: 80))
    }
}
