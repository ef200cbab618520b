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

    /// The agencies credited in `text`, in the order of `patterns`.
    public static func agencies(in text: String) -> [String] {
        // NB: credits sit in datelines and closing lines; reading the first and last 600 bytes keeps this cheap
        // and avoids agencies merely mentioned in the story.
        let utf8 = text.utf8
        let head = String(decoding: utf8.prefix(600), as: UTF8.self).lowercased()
        let tail = String(decoding: utf8.suffix(600), as: UTF8.self).lowercased()
        return patterns.filter { pattern in
            pattern.marks.contains { head.contains($0) || tail.contains($0) }
        }.map(\.agency)
    }
}
