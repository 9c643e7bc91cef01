import Foundation
import LotrEngine
import LotrFlow
import LotrTestSupport
@testable import LotrTUI
import Testing

enum KioskFixture {
    static let flows = TestFixtures.small

    static func kiosk(idle: Int = 5, pin: String? = "2468", clock: ManualClock = ManualClock()) -> KioskModel {
        var interview = InterviewModel(flows: flows, today: CivilDate(iso: "2026-11-23")!)
        interview.isKiosk = true
        return KioskModel(interview: interview,
                          settings: .init(idleSeconds: idle, countdownSeconds: 3, pin: pin, clock: { clock.now }))
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
    // Without a PIN there is no staff exit, and the public is told nothing about one.
    for pin in [nil, ""] as [String?] {
        let (noPin, c2) = send(KioskFixture.kiosk(pin: pin), [.key(.ctrl("x"))])
        #expect(c2 == .none && noPin.notice == nil && noPin.staffEntry == nil)
        let text = KioskModel.render(noPin, Size(rows: 24, cols: 80)).text
        #expect(!text.contains("PIN") && !text.contains("Staff") && !text.contains("LOTR_KIOSK_PIN"))
    }
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

/// A clock moved by the test instead of by waiting.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double = 1000
    var now: Double { lock.withLock { seconds } }
    func advance(_ by: Double) { lock.withLock { seconds += by } }
}

/// Tries one PIN: Ctrl-X, the digits, Enter. When the kiosk refuses to ask for a PIN, stops
/// there (the notice says why).
func tryPin(_ m: KioskModel, _ pin: String) -> (KioskModel, Command) {
    let (asked, c) = send(m, [.key(.ctrl("x"))])
    guard asked.staffEntry != nil else { return (asked, c) }
    return send(asked, pin.map { .key(.character($0)) } + [.key(.enter)])
}

@Test func tenWrongPinsInARowTakeAtLeastThirtySeconds() {
    let clock = ManualClock()
    var m = KioskFixture.kiosk(idle: 100_000, clock: clock)
    let start = clock.now
    var attempts = 0
    var notices: [String] = []
    // Someone keeps trying as fast as the kiosk lets them: whenever it refuses, a second passes.
    while attempts < 10 {
        let before = m.wrongPins
        (m, _) = tryPin(m, "1111")
        if m.wrongPins > before {
            attempts += 1
            notices.append(m.notice ?? "")
        } else {
            #expect(m.notice?.contains("Wait") == true || m.notice?.contains("locked") == true, "a refused try says why")
            clock.advance(1)
        }
    }
    #expect(clock.now - start >= 30, "10 wrong PINs took only \(clock.now - start) seconds")
    #expect(notices[0] == "Wrong PIN." && notices[1] == "Wrong PIN.")
    #expect(notices[2] == "Wrong PIN. Wait 1 seconds before trying again.")
    #expect(notices[3].contains("Wait 2 seconds"))
    #expect(notices[9] == "Too many wrong PINs: the staff exit is locked for 5 minutes.")
    // Locked out: even the right PIN is refused until the time is up.
    var (locked, c) = tryPin(m, "2468")
    #expect(c == .none && locked.notice?.contains("locked") == true)
    clock.advance(KioskModel.lockOutSeconds)
    (locked, c) = tryPin(locked, "2468")
    #expect(c == .quit && locked.wrongPins == 0, "a successful exit resets the count")
}

@Test func theThrottleResetsForTheNextPersonButNotForAWipeSomeoneAsksFor() {
    let clock = ManualClock()
    var m = KioskFixture.kiosk(idle: 5, clock: clock)
    for _ in 0..<3 { (m, _) = tryPin(m, "9") }
    #expect(m.wrongPins == 3 && m.pinBlockedUntil != nil)
    // Finishing a case (a wipe the person asks for) does not reset it: that would undo the throttle.
    (m, _) = send(m, [.key(.enter), .key(.character("y")), .key(.enter), .key(.character("3")), .key(.enter), .key(.character("y")), .key(.enter), .key(.character("n"))])
    #expect(m.wipes == 1 && m.wrongPins == 3)
    // The idle wipe, when the person has left, starts afresh for the next one.
    (m, _) = send(m, [.key(.enter), .key(.character("y")), .key(.enter)] + Array(repeating: .tick, count: 5 + 3))
    #expect(m.wipes == 2 && m.wrongPins == 0 && m.pinBlockedUntil == nil)
    #expect(KioskModel.pinDelay(afterWrong: 2) == 0 && KioskModel.pinDelay(afterWrong: 3) == 1 && KioskModel.pinDelay(afterWrong: 10) == 300)
}

@Test func aKioskHasNoAdviserNotesAndNoQuitHintsThatDoNothing() {
    // On the status question (a choice), n and Ctrl-N would open a note at a desk.
    var (m, _) = send(KioskFixture.kiosk(idle: 1000), [.key(.enter), .key(.character("y")), .key(.enter), .key(.ctrl("n")), .key(.function(2)), .key(.character("n"))])
    #expect(m.interview.overlay == nil && m.interview.notes.isEmpty)
    let size = Size(rows: 24, cols: 100)
    for screen in [KioskModel.render(m, size), KioskModel.render(KioskFixture.kiosk(), size)] {
        #expect(!screen.text.contains("q quit") && !screen.text.contains("Ctrl-C quit") && !screen.text.contains("Ctrl-C to quit"))
        #expect(!screen.text.contains("o open a case"))
    }
    // At a desk the same keys open the note.
    var desk = InterviewModel(flows: KioskFixture.flows, today: CivilDate(iso: "2026-11-23")!)
    (desk, _) = InterviewModel.update(desk, .key(.enter))
    (desk, _) = InterviewModel.update(desk, .key(.character("y")))
    (desk, _) = InterviewModel.update(desk, .key(.enter))
    (desk, _) = InterviewModel.update(desk, .key(.ctrl("n")))
    #expect(desk.overlay == .note(question: "status", text: ""))
    // q on the result asks to start again, not to quit.
    let (result, _) = send(KioskFixture.kiosk(idle: 1000), [.key(.enter), .key(.character("y")), .key(.enter), .key(.character("3")), .key(.enter), .key(.character("y")), .key(.enter), .key(.character("q"))])
    let asked = KioskModel.render(result, Size(rows: 24, cols: 80)).text
    #expect(asked.contains("Start again?") && asked.contains("wiped") && !asked.contains("Quit?"))
    // Ctrl-C says what really happens.
    (m, _) = send(m, [.interrupt])
    #expect(m.notice?.hasPrefix("Ctrl-C does nothing here.") == true && m.notice?.contains("press n on the result") == true)
}

@Test func takingTheResultAwayIsNeverOfferedInACircle() {
    func atResult(export: Bool, print: Bool) -> KioskModel {
        var k = KioskFixture.kiosk(idle: 1000)
        k.interview.canExport = export
        k.interview.canPrint = print
        return send(k, [.key(.enter), .key(.character("y")), .key(.enter), .key(.character("3")), .key(.enter), .key(.character("y")), .key(.enter)]).0
    }
    let size = Size(rows: 24, cols: 120)
    let neither = atResult(export: false, print: false)
    #expect(neither.interview.page == .outcome)
    let bare = KioskModel.render(neither, size).text
    #expect(!bare.contains("e export") && !bare.contains("p print"))
    for key in ["e", "p"] {
        let (m, _) = send(neither, [.key(.character(Character(key)))])
        #expect(m.interview.overlay == nil && m.interview.effects.isEmpty)
        #expect(m.interview.message?.contains("cannot save or print") == true, "\(key): \(m.interview.message ?? "")")
    }
    let printOnly = send(atResult(export: false, print: true), [.key(.character("e"))]).0
    #expect(printOnly.interview.message?.contains("Press p to print") == true)
    let (printed, _) = send(atResult(export: false, print: true), [.key(.character("p"))])
    #expect(printed.interview.effects == [.print])
    let (withAnswers, _) = send(atResult(export: false, print: true), [.key(.character("P"))])
    #expect(withAnswers.interview.effects == [.printWithAnswers])
    let exportOnly = send(atResult(export: true, print: false), [.key(.character("p"))]).0
    #expect(exportOnly.interview.message?.contains("Press e to save") == true)
}
