/// The single-byte charset used when bytes are not valid UTF-8 and declare nothing else.
public enum FallbackCharset: String, Sendable, Hashable, CaseIterable {
    /// Windows-1252, the WHATWG default for Western pages; decodes every byte.
    case windows1252 = "windows-1252"
    /// ISO-8859-1: every byte is the code point of the same number.
    case latin1 = "ISO-8859-1"

    /// Decodes every byte; never fails.
    public func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if self == .windows1252, (0x80...0x9F).contains(byte) {
                scalars.append(Unicode.Scalar(Self.windows1252High[Int(byte - 0x80)])!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252's 0x80–0x9F; undefined bytes keep their C1 code point, as WHATWG decoders do.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
