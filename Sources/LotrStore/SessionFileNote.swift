import Foundation
import LotrEngine
import LotrFlow

extension ResumedSession {
    /// The file note for this session as assessed on `today` against `flows`.
    public func fileNote(flows: FlowSet, today: CivilDate) -> FileNote {
        let language = session.language
        let aside = keptAside.map { a in
            FileNote.Aside(question: a.question,
                           answer: a.value.map { Format.value($0, question: flows.questions[a.question], language: language) },
                           reason: a.explanation)
        }
        return FileNote(flows: flows, reference: session.reference, today: today, answers: answers, notes: saved.notes,
                        ticks: saved.ticks, language: language, started: UKTime.civilDate(session.created),
                        updated: UKTime.civilDate(session.updated), savedFlowVersion: session.flowVersion, keptAside: aside)
    }
}

/// Times as people in the UK read them: the Rules count UK calendar days.
public enum UKTime {
    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        return c
    }

    public static func civilDate(_ date: Date) -> CivilDate {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? CivilDate(year: 2000, month: 1, day: 1)!
    }

    /// `2026-11-23 14:05`.
    public static func minute(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        let h = c.hour ?? 0, m = c.minute ?? 0
        return civilDate(date).iso + " " + (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
