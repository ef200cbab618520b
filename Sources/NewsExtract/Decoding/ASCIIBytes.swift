/// Byte-level ASCII helpers for the scans that read markup and short texts as UTF-8 bytes (no `String`
/// folding per byte; bytes outside ASCII pass through unchanged).
extension UInt8 {
    /// The byte with an ASCII capital turned lower-case.
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }

    /// Whether the byte is HTML's white space (space, tab, line feed, form feed, carriage return).
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
}

extension RandomAccessCollection where Element == UInt8 {
    /// Whether `needle` occurs in the bytes. NB: a plain scan; `String.contains` builds a table per call, which
    /// costs more than the search on the short texts and styles this reads.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return needle.isEmpty }
        var start = startIndex
        let last = index(endIndex, offsetBy: -needle.count)
        while start <= last {
            if self[start] == first, self[start..<index(start, offsetBy: needle.count)].elementsEqual(needle) {
                return true
            }
            formIndex(after: &start)
        }
        return false
    }
}
