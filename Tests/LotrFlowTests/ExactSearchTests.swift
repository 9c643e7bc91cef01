import LotrTestSupport
import Testing
@testable import LotrFlow

@Test func exactSearchFindsWhatTheGenericSearchFinds() {
    // Letters, markup, a space, Chinese and an emoji: the texts flows are written in.
    let alphabet: [Character] = ["a", "b", "{", "}", " ", "居", "留", "😀", "é"]
    var g = SeededRandom(seed: 20261123)
    for _ in 0..<4000 {
        let hay = String((0..<Int.random(in: 0...24, using: &g)).map { _ in alphabet.randomElement(using: &g)! })
        let needle = String((0..<Int.random(in: 1...3, using: &g)).map { _ in alphabet.randomElement(using: &g)! })
        let ours = hay.firstRange(ofExactly: needle), theirs = hay.firstRange(of: needle)
        #expect(ours == theirs, "\(hay) / \(needle)")
        let sub = hay.dropFirst(min(2, hay.count))
        #expect(sub.firstRange(ofExactly: needle) == sub.firstRange(of: needle), "\(sub) / \(needle)")
    }
    #expect("abc".firstRange(ofExactly: "") == nil)
    #expect("{{ x }}".firstRange(ofExactly: "}}").map { "{{ x }}"[$0] } == "}}")
}
