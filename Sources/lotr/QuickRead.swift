import LotrFlow

extension InterviewSettings {
    /// Reads the everyday command line — interview options only, each at most once, every value
    /// present and sound — without ArgumentParser. Returns nil for anything else (a subcommand,
    /// `--help`, an unknown or repeated option, a missing or doubtful value, settings that do not
    /// validate), and the caller hands the whole line to ArgumentParser, which then accepts it or
    /// explains the problem in its usual words.
    static func quickRead(_ arguments: [String]) -> InterviewSettings? {
        var settings = InterviewSettings()
        var seen: [String] = []  // a handful of names: no hashing needed
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            var name = argument, attached: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            switch name {
            case "--no-save", "--plain", "--kiosk":
                guard attached == nil else { return nil }
                if name == "--no-save" { settings.noSave = true }
                if name == "--plain" { settings.plain = true }
                if name == "--kiosk" { settings.kiosk = true }
                continue
            case "--flows", "--today", "--lang", "--resume", "--export-dir", "--idle-seconds", "--answers":
                break
            default:
                return nil
            }
            let value: String
            if let attached {
                value = attached
            } else {
                guard i < arguments.count else { return nil }
                value = arguments[i]
                i += 1
            }
            // A value that looks like an option is ArgumentParser's call to make.
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            switch name {
            case "--flows": settings.flows = value
            case "--today": settings.today = value
            case "--lang": settings.lang = value
            case "--resume": settings.resume = value
            case "--export-dir": settings.exportDir = value
            case "--answers": settings.answers = value
            default:
                guard let n = Int(value) else { return nil }
                settings.idleSeconds = n
                settings.idleSecondsGiven = true
            }
        }
        return settings.problem == nil ? settings : nil
    }
}

extension DecideSettings {
    /// `lotr decide` as batch jobs call it, read without ArgumentParser, whose run-time reflection
    /// took about a quarter of a `decide` run once the flows came from the cache (BENCHMARKS.md).
    /// Only options followed by their value as the next argument (`--answers FILE`), each at most
    /// once, every value sound; anything else (`--answers=FILE`, `--help`, an unknown option, a
    /// format or date it cannot read) returns nil and goes to ArgumentParser, which accepts it or
    /// explains the problem in its usual words (`QuickReadTests` compares both paths).
    static func quickRead(_ arguments: [String]) -> DecideSettings? {
        var answers: String?, flows: String?, today: String?, lang: String?, format: Decide.Style?, trace = false
        var i = 0
        while i < arguments.count {
            let name = arguments[i]
            i += 1
            if name == "--trace" {
                guard !trace else { return nil }
                trace = true
                continue
            }
            guard ["--answers", "--flows", "--today", "--lang", "--format"].contains(name), i < arguments.count else { return nil }
            let value = arguments[i]
            i += 1
            // `-` is standard input for the answers; any other value that looks like an option is ArgumentParser's call.
            guard !value.isEmpty, !value.hasPrefix("-") || (name == "--answers" && value == "-") else { return nil }
            switch name {
            case "--answers":
                guard answers == nil else { return nil }
                answers = value
            case "--flows":
                guard flows == nil else { return nil }
                flows = value
            case "--today":
                guard today == nil, CivilDate(iso: value) != nil else { return nil }
                today = value
            case "--lang":
                guard lang == nil else { return nil }
                lang = value
            default:
                guard format == nil, let style = Decide.Style(rawValue: value) else { return nil }
                format = style
            }
        }
        guard let answers else { return nil }
        return DecideSettings(flows: flows, answers: answers, today: today, format: format ?? .json, lang: lang ?? "en", trace: trace)
    }
}
