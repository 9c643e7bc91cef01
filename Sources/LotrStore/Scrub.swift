/// Overwrites text that holds answers (a rendered file note, a printed checklist) once it has
/// been written out, so that it does not stay readable in freed memory after a kiosk's wipe.
///
/// Only the buffers this program holds can be overwritten: copies Swift made on the way (while
/// rendering, in Foundation, in the C library's stdio) are freed without being cleared, and
/// nothing in Swift can promise otherwise. README.md, "What stays in memory", says so.
public enum Scrub {
    /// Overwrites the bytes of `text` in place with zeros when it has storage of its own (not a
    /// literal in the program, not a short string kept inside the value itself), then empties it.
    /// Call it only on text built at run time that no other value shares.
    public static func overwrite(_ text: inout String) {
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { buffer in
            // Short strings live inside the String value: this buffer is then a temporary copy,
            // and zeroing it does no harm. Long ones point at their heap storage.
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            UnsafeMutableRawPointer(mutating: base).initializeMemory(as: UInt8.self, repeating: 0, count: buffer.count)
        }
        text = ""
    }

    /// Overwrites an array of bytes with zeros, keeping its length.
    public static func overwrite(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            UnsafeMutableRawPointer(base).initializeMemory(as: UInt8.self, repeating: 0, count: buffer.count)
        }
    }
}
