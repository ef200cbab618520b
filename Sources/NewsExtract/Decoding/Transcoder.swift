internal import Glibc

/// Converts bytes in a named charset to UTF-8 with glibc's iconv; invalid sequences become U+FFFD.
enum Transcoder {
    /// The text, or `nil` when iconv does not know the charset.
    static func decode(_ bytes: [UInt8], charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map {
                    $0.assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map {
                    $0.assumingMemoryBound(to: CChar.self)
                }
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
                    // Skip one undecodable byte and write U+FFFD in its place.
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer.map { $0 + 1 }
                        outLeft -= 1
                    }
                }
                produced = outBuffer.count - outLeft
            }
        }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}
