import Foundation

/// Graphviz's `dot`, found on PATH and run on DOT text. The drawing is optional everywhere it
/// is used, so every failure is a plain reason, never a crash.
enum Graphviz {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)
        var description: String {
            switch self {
            case .notInstalled:
                return "Graphviz (`dot`) is not installed: install the Debian package graphviz (`sudo apt-get install graphviz`)"
            case .failed(let why): return "Graphviz (`dot`) failed: \(why)"
            }
        }
    }

    static func dotPath() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The drawing as SVG text.
    static func svg(fromDot dot: String) -> Result<String, Failure> {
        guard let path = dotPath() else { return .failure(.notInstalled) }
        // The DOT goes in a file (flow texts only, nothing personal), so only the drawing
        // streams through a pipe; dot's few lines of errors are read after it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-graph-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).dot")
        do { try Data(dot.utf8).write(to: file) } catch { return .failure(.failed("cannot write a temporary file: \(error.localizedDescription)")) }
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-Tsvg", file.path]
        let output = Pipe(), errors = Pipe()
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = output
        p.standardError = errors
        do { try p.run() } catch { return .failure(.failed("\(error)")) }
        let svgData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit status \(p.terminationStatus)"
            return .failure(.failed(message))
        }
        return .success(String(decoding: svgData, as: UTF8.self))
    }
}
