import Foundation
import LotrEngine
import LotrFlow
import LotrTestSupport
@testable import LotrTUI
import Testing

enum KioskFixture {
    static let flows = TestFixtures.small

    static func kiosk(idle: Int = 5, pin: String? = "2468") -> KioskModel {
        KioskModel(interview: InterviewModel(flows: flows, today: CivilDate(iso: "2026-11-23")!),
                   settings: .init(idleSeconds: idle, countdownSeconds: 3, pin: pin))
    }
}

func send(_ m: KioskModel, _ events: [Event]) -> (KioskModel, Command) {
    var model = m, command = Command.none
    for e in events { (model, command) = KioskModel.update(model, e) }
    return (model, command)
}

@Test func idleKioskAsksThenWipesEverything() {
    // Start, answer "yes" to the first question: something personal is now in memory.
    var (m, _) = send(KioskFixture.kiosk(), [.key(.enter), .key(.character("y")), .key(.enter)])
    #expect(m.interview.answers["in_uk"] == .bool(true))
    (m, _) = send(m, Array(repeating: .tick, count: 4))
    #expect(m.countdown == nil, "not idle long enough yet")
    (m, _) = send(m, [.tick])
    #expect(m.countdown == 3)
    #expect(KioskModel.render(m, Size(rows: 24, cols: 80)).text.contains("Are you still there?"))
    (m, _) = send(m, [.tick, .tick])
    #expect(m.countdown == 1 && !m.interview.answers.isEmpty)
    (m, _) = send(m, [.tick])
    #expect(m.countdown == nil)
    #expect(m.interview.answers.isEmpty && m.interview.fields.isEmpty && m.interview.page == .welcome)
    #expect(m.wipes == 1)
}

@Test func aKeyPressDuringTheCountdownKeepsTheAnswers() {
    var (m, _) = send(KioskFixture.kiosk(), [.key(.enter), .key(.character("y")), .key(.enter)])
    (m, _) = send(m, Array(repeating: .tick, count: 6))
    #expect(m.countdown != nil)
    (m, _) = send(m, [.key(.character("a"))])
    #expect(m.countdown == nil && m.interview.answers["in_uk"] == .bool(true) && m.idle == 0)
    // The key that dismissed the question did nothing else.
    #expect(m.interview.page == .question("status"))
}

@Test func nothingToWipeOnTheWelcomeScreen() {
    let (m, _) = send(KioskFixture.kiosk(), Array(repeating: .tick, count: 20))
    #expect(m.countdown == nil && m.wipes == 0)
}

@Test func publicCannotLeaveTheKiosk() {
    var (m, c) = send(KioskFixture.kiosk(), [.interrupt])
    #expect(c == .none && m.notice != nil)
    (m, c) = send(m, [.key(.ctrl("z")), .key(.ctrl("\\")), .key(.character("q")), .key(.character("y"))])
    #expect(c == .none)
    // From a question, quitting means starting again, not leaving.
    (m, c) = send(m, [.key(.escape), .key(.enter), .key(.enter), .interrupt])
    #expect(c == .none)
}

@Test func staffExitNeedsThePin() {
    var (m, c) = send(KioskFixture.kiosk(), [.key(.ctrl("x")), .key(.character("1")), .key(.character("2")), .key(.enter)])
    #expect(c == .none && m.notice == "Wrong PIN.")
    #expect(!KioskModel.render(m, Size(rows: 24, cols: 80)).text.contains("12"), "the PIN is never shown")
    (m, c) = send(m, [.key(.ctrl("x"))] + "2468".map { .key(.character($0)) } + [.key(.enter)])
    #expect(c == .quit)
    let (noPin, c2) = send(KioskFixture.kiosk(pin: nil), [.key(.ctrl("x")), .key(.character("1")), .key(.enter)])
    #expect(c2 == .none && noPin.notice?.contains("LOTR_KIOSK_PIN") == true)
}

@Test func finishingACaseReturnsToAnEmptyWelcome() {
    // in_uk yes → status visitor → crisis yes → outcome; then n starts a new case.
    var (m, _) = send(KioskFixture.kiosk(idle: 1000), [.key(.enter), .key(.character("y")), .key(.enter), .key(.character("3")), .key(.enter), .key(.character("y")), .key(.enter)])
    #expect(m.interview.page == .outcome)
    (m, _) = send(m, [.key(.character(" ")), .key(.character("n"))])
    #expect(m.interview.page == .welcome && m.interview.answers.isEmpty && m.interview.ticks.isEmpty && m.wipes == 1)
}

@Test func terminateWipesBeforeQuitting() {
    let (m, c) = send(KioskFixture.kiosk(), [.key(.enter), .key(.enter), .terminate])
    #expect(c == .quit && m.interview.answers.isEmpty)
}

@Test func onlyASCIIDigitsCountTowardsThePin() {
    // Arabic-Indic and full-width digits are digits to Swift, never to the PIN.
    var (m, _) = send(KioskFixture.kiosk(), [.key(.ctrl("x")), .key(.character("٢")), .key(.character("４"))])
    #expect(m.staffEntry == "")
    (m, _) = send(m, "2468".map { .key(.character($0)) })
    #expect(m.staffEntry == "2468")
}
