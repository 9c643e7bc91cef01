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
