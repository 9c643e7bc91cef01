#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Validated flows kept on disk, so that the interview and `decide` need not parse and check the
/// YAML again each time they start (BENCHMARKS.md, "Time to interactive").
///
/// It can never serve stale flows: a cache file holds a copy of every flow file it was built
/// from, and is used only when the folder holds exactly those files, byte for byte, and the
/// program is the same build (its build ID). Anything else — another file, a changed byte, a new
/// program, a damaged or cut-off cache file (a checksum covers all of it), a file someone else
/// could have written — and the flows are read from the YAML as if there were no cache. The
/// cache holds no answers and nothing about the person, so a kiosk may read it; when it cannot
/// be written (read-only home, full disk) nothing changes but the speed. `lotr check` never
/// reads it: it always parses and checks the YAML.
public struct FlowCache: Sendable {
    /// How a load went, for `--trace` and the tests.
    public enum Use: Equatable, Sendable {
        case served
        /// Read from the YAML; `written` says whether the cache now holds the result.
        case built(written: Bool)
        /// The folder could not be read, or its flows have errors: nothing was cached.
        case notCached
    }

    public let directory: String
    public let programID: [UInt8]

    /// Cache files kept at most (one per flow folder); the least recently written go first.
    static let filesKept = 16
    static let magic = Array("lotr flow cache\n".utf8)
    static let formatVersion: UInt8 = 2

    public init(directory: String, programID: [UInt8]) {
        self.directory = directory
        self.programID = programID
    }

    /// Where the cache lives: `$XDG_CACHE_HOME/lotr`, else `~/.cache/lotr`; nil without either.
    public static func defaultDirectory(environment: (String) -> String?) -> String? {
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/lotr" }
        if let home = environment("HOME"), home.hasPrefix("/") { return home + "/.cache/lotr" }
        return nil
    }

    /// The flows of `flowDirectory`, from the cache if it holds exactly these files for this
    /// program, otherwise from the YAML (and then cached for next time if they have no errors).
    public func load(_ flowDirectory: String) -> (result: LoadResult, use: Use) {
        let path = cachePath(for: flowDirectory)
        if let flows = withOwnFile(path, { FlowCache.decode($0, directory: flowDirectory, programID: programID) }) ?? nil {
            return (LoadResult(flows: flows, diagnostics: []), .served)
        }
        let folder: FlowFolder
        switch FlowFolder.read(flowDirectory) {
        case .failure(let problem): return (LoadResult(flows: nil, diagnostics: problem.diagnostics), .notCached)
        case .success(let read): folder = read
        }
        guard folder.unreadable.isEmpty else { return (FlowLoader.load(folder), .notCached) }
        let result = FlowLoader.load(folder)
        guard let flows = result.flows else { return (result, .notCached) }
        let written = write(FlowCache.encode(flows, folder: folder, programID: programID), to: path)
        return (result, .built(written: written))
    }

    /// One file per flow folder and build of the program, named by a hash of both: two builds
    /// that share a home (an installed one and one being developed) each keep their own.
    public func cachePath(for flowDirectory: String) -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let real = realpath(flowDirectory, &resolved) != nil
            ? String(decoding: resolved.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : flowDirectory
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in programID + [0] + Array(real.utf8) { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let hex = String(hash, radix: 16)
        return directory + "/flows-" + String(repeating: "0", count: 16 - hex.count) + hex + ".cache"
    }

    // MARK: - The file

    /// magic, format version, program ID, the folder as given, each file's name and size, the
    /// flows (CompactCoding), a checksum of all that, then a copy of every file. The copies are
    /// not in the checksum: they are compared byte for byte with the files, so a damaged copy
    /// can only make the cache unusable, never wrong.
    static func encode(_ flows: FlowSet, folder: FlowFolder, programID: [UInt8]) -> [UInt8] {
        var out = magic
        out.append(formatVersion)
        appendBlock(programID, to: &out)
        appendBlock(Array(folder.directory.utf8), to: &out)
        appendVarint(UInt64(folder.files.count), to: &out)
        for file in folder.files {
            appendBlock(Array(file.name.utf8), to: &out)
            appendVarint(UInt64(file.bytes.count), to: &out)
        }
        appendBlock(CompactCoding.encode(flows), to: &out)
        let sum = out.withUnsafeBytes { checksum($0) }
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i)))) }
        for file in folder.files { out.append(contentsOf: file.bytes) }
        return out
    }

    /// The flows in a cache file if it is whole and was built by this program from exactly the
    /// files `directory` now holds; nil otherwise. The files are read a piece at a time and
    /// compared with their copies, so they are never held in memory whole.
    static func decode(_ raw: UnsafeRawBufferPointer, directory: String, programID: [UInt8]) -> FlowSet? {
        var cursor = ByteCursor(raw)
        guard cursor.take(magic.count).map({ $0.elementsEqual(magic) }) == true,
              cursor.take(1)?.first == formatVersion,
              cursor.block().map({ $0.elementsEqual(programID) }) == true,
              cursor.block().map({ $0.elementsEqual(directory.utf8) }) == true,
              let names = FlowFolder.names(directory), cursor.varint() == UInt64(names.count) else { return nil }
        var sizes: [Int] = []
        sizes.reserveCapacity(names.count)
        for name in names {
            guard cursor.block()?.elementsEqual(name.utf8) == true, let size = cursor.varint(), size <= UInt64(raw.count) else { return nil }
            sizes.append(Int(size))
        }
        guard let payload = cursor.block() else { return nil }
        let summed = cursor.position
        guard let stored = cursor.take(8) else { return nil }
        var sum: UInt64 = 0
        for i in 0..<8 { sum |= UInt64(stored[i]) << (8 * UInt64(i)) }
        guard checksum(UnsafeRawBufferPointer(rebasing: raw[..<summed])) == sum else { return nil }
        for (name, size) in zip(names, sizes) {
            guard let copy = cursor.take(size),
                  sameContents(directory.hasSuffix("/") ? directory + name : directory + "/" + name, copy) else { return nil }
        }
        guard cursor.isAtEnd else { return nil }
        return try? CompactCoding.decode(payload)
    }

    /// Whether the file at `path` holds exactly `expected`, read in pieces into one small buffer.
    static func sameContents(_ path: String, _ expected: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == expected.count else { return false }
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var at = 0
        while true {
            let n = read(fd, buffer, size)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return false }
            // Also true at the end: a file that grew since fstat has bytes past the copy.
            if n == 0 { return at == expected.count }
            guard at + n <= expected.count, memcmp(buffer, expected.baseAddress! + at, n) == 0 else { return false }
            at += n
        }
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 { out.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }

    static func appendBlock(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendVarint(UInt64(bytes.count), to: &out)
        out.append(contentsOf: bytes)
    }

    /// Eight bytes at a time; any one changed word changes the result. It guards against damage,
    /// not against a forger: the cache is trusted only from a file the user (or root) owns and
    /// no one else can write.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x6c6f74722d666c6f
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e3779b97f4a7c15
            h ^= h >> 29
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0x100000001b3
            i += 1
        }
        return (h ^ UInt64(bytes.count)) &* 0x9e3779b97f4a7c15
    }

    // MARK: - Disk

    /// Calls `body` with the bytes of a regular file, not a link, owned by this user or root and
    /// writable by no one else; nil if there is no such file. The file is mapped, not copied:
    /// the cache is only ever replaced whole (`rename`), never rewritten in place.
    func withOwnFile<T>(_ path: String, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() || info.st_uid == 0,
              info.st_mode & (S_IWGRP | S_IWOTH) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return readWholeFile(fd: fd).map { bytes in bytes.withUnsafeBytes(body) }
        }
        defer { munmap(base, size) }
        return body(UnsafeRawBufferPointer(start: base, count: size))
    }

    /// Written beside its final name, then renamed over it, so that a reader never sees half a
    /// file. Every failure (no home, read-only, full disk) leaves no trace and is not an error.
    func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard makeDirectories(directory) else { return false }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        var done = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while done < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        if close(fd) != 0 || !ok || rename(temporary, path) != 0 {
            unlink(temporary)
            return false
        }
        pruneOldFiles()
        return true
    }

    private func makeDirectories(_ path: String) -> Bool {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST { return false }
        }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func pruneOldFiles() {
        guard let dir = opendir(directory) else { return }
        var found: [(path: String, written: Int)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("flows-") else { continue }
            var info = stat()
            let path = directory + "/" + name
            guard lstat(path, &info) == 0 else { continue }
            if name.hasSuffix(".cache") {
                found.append((path, modificationSeconds(info)))
            } else if name.hasSuffix(".tmp"), modificationSeconds(info) < Int(time(nil)) - 600 {
                // Left by a process stopped while writing; one being written now is younger.
                unlink(path)
            }
        }
        closedir(dir)
        guard found.count > FlowCache.filesKept else { return }
        for old in found.sorted(by: { $0.written < $1.written }).prefix(found.count - FlowCache.filesKept) {
            unlink(old.path)
        }
    }
}

/// Reads the cache file's header, never past its end.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var position = 0
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= bytes.count - position else { return nil }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    mutating func block() -> UnsafeRawBufferPointer? {
        guard let n = varint(), n <= UInt64(bytes.count - position) else { return nil }
        return take(Int(n))
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private func modificationSeconds(_ info: stat) -> Int { Int(info.st_mtim.tv_sec) }
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private func modificationSeconds(_ info: stat) -> Int { Int(info.st_mtimespec.tv_sec) }
#endif
