import Foundation

#if canImport(Glibc)
import Glibc
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { Glibc.write(fd, buf, n) }
#elseif canImport(Darwin)
import Darwin
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { Darwin.write(fd, buf, n) }
#endif

/// Writes exports so that a reader never sees half a file and nobody else can read it: a
/// private temporary file beside the target, flushed, then renamed over it.
public enum ExportFile {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws {
        // The name must be a file's: not empty, not "." or "..", not a folder that exists.
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let name = String(parts.last ?? "")
        if name.isEmpty {
            throw Failure(path: path, reason: path.isEmpty ? "no file name was given" : "it names a folder; add a file name such as note.md")
        }
        if name == "." || name == ".." {
            throw Failure(path: path, reason: "“\(name)” is not a file name; give one such as note.md")
        }
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            throw Failure(path: path, reason: "it is a folder; add a file name such as \(path)/note.md")
        }
        let dir = parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
        var template = Array(((dir.isEmpty ? "/" : dir) + "/." + name + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: reason(errno)) }
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The first failing call's errno, taken at once: a later call may change errno.
        var failure: Int32 = 0
        if fchmod(fd, 0o600) != 0 { failure = errno }
        var bytes = Array(text.utf8)
        defer { Scrub.overwrite(&bytes) }
        var written = 0
        while failure == 0 && written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = errno; break }
            if n == 0 { failure = ENOSPC; break }
            written += n
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0 && rename(temp, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temp)
            throw Failure(path: path, reason: reason(failure))
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "the folder does not exist"
        case ENOSPC: return "the disk is full"
        case EISDIR: return "it is a folder"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EROFS: return "the filesystem is read-only"
        case ENAMETOOLONG: return "the name is too long"
        default: return String(cString: strerror(code))
        }
    }
}
