/// Wire services credited in a text: evidence that two similar texts share an origin.
public enum WireCredits {
    /// Agencies and the ways texts credit them, lower-cased.
    static let patterns: [(agency: String, marks: [String])] = [
        ("AP", ["(ap)", "(ap) —", "(ap) -", "associated press", "ap photo", "photo by: ap", "— ap"]),
        ("Reuters", ["(reuters)", "reuters", "reporting by", "editing by"]),
        ("AFP", ["(afp)", "afp", "agence france-presse", "agence france presse"]),
        ("Anadolu", ["anadolu agency", "(aa)"]),
        ("dpa", ["(dpa)", "deutsche presse-agentur"]),
        ("EFE", ["(efe)"]),
        ("Xinhua", ["xinhua"]),
        ("agencies", ["and agencies", "wire services", "news agencies"]),
    ]

    /// The patterns as lower-case UTF-8 bytes.
    static let patternBytes: [(agency: String, marks: [[UInt8]])] = patterns.map {
        ($0.agency, $0.marks.map { Array($0.utf8) })
    }

    /// The agencies credited in `text`, in the order of `patterns`.
    public static func agencies(in text: String) -> [String] {
        // NB: credits sit in datelines and closing lines; reading the first and last 600 bytes keeps this cheap
        // and avoids agencies merely mentioned in the story. Bytes, ASCII-folded: no Character machinery.
        let utf8 = text.utf8
        let fold = { (byte: UInt8) -> UInt8 in byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let head = utf8.prefix(600).map(fold)
        let tail = utf8.count > 600 ? utf8.suffix(600).map(fold) : []
        return patternBytes.filter { pattern in
            pattern.marks.contains { contains(head, $0) || contains(tail, $0) }
        }.map(\.agency)
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
