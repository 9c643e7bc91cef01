#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The flow files of a folder as bytes, in name order: what the loader parses, and what the flow
/// cache compares byte for byte before it may answer for them.
public struct FlowFolder: Sendable {
    public struct File: Sendable, Equatable {
        /// The folder as it was given, `/`, the file's name: the path diagnostics and sources name.
        public var path: String
        public var name: String
        public var bytes: [UInt8]
    }

    public struct Problem: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    public var directory: String
    public var files: [File]
    /// Files that are there but could not be read (each one is an error when the flows load).
    public var unreadable: [Diagnostic]

    public static func isFlowFileName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    public static func read(_ directory: String) -> Result<FlowFolder, Problem> {
        let at = SourceLocation(file: directory, line: 1, column: 1)
        guard let names = names(directory) else {
            return .failure(Problem(diagnostics: [Diagnostic(.error, at, "no flow folder here", fix: "pass the folder that holds the flow files, e.g. `flows`")]))
        }
        var folder = FlowFolder(directory: directory, files: [], unreadable: [])
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if let bytes = readWholeFile(path) {
                folder.files.append(File(path: path, name: name, bytes: bytes))
            } else {
                folder.unreadable.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), "cannot read this file", fix: "check its permissions"))
            }
        }
        if folder.files.isEmpty && folder.unreadable.isEmpty {
            return .failure(Problem(diagnostics: [Diagnostic(.error, at, "no .yaml flow files in this folder", fix: "see flows/README.md for the format")]))
        }
        return .success(folder)
    }
}

extension FlowFolder {
    /// The flow files' names in a folder, sorted; nil if it is not a folder that can be read.
    public static func names(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if isFlowFileName(name) { names.append(name) }
        }
        return names.sorted()
    }
}

/// The whole of a regular file, or nil if it cannot be opened or read to its end.
func readWholeFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return readWholeFile(fd: fd)
}

func readWholeFile(fd: Int32) -> [UInt8]? {
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var failed = false
    // Sized by fstat, one byte over to notice a file that grew meanwhile; not filled first, so
    // that only the pages read into are touched.
    func readChunk(_ size: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true; break }
                if n == 0 { break }
                count += n
            }
        }
    }
    var bytes = readChunk(Int(info.st_size) + 1)
    if bytes.count > Int(info.st_size) {
        while !failed {
            let more = readChunk(64 * 1024)
            if more.isEmpty { break }
            bytes.append(contentsOf: more)
        }
    }
    return failed ? nil : bytes
}
