public import NewsCore
internal import NewsText

/// Turns documents into `ArticleFeatures`: words split on anything not a letter or digit, lower-cased, stop
/// words dropped, stemmed with Snowball. Keeps a stemmer with its cache, so one per task (not thread-safe).
public final class FeatureExtractor {
    private let stemmer: Stemmer?
    private let stopWords: Set<String>
    private let titleWeight: Double
    private var stems: [String: String] = [:]

    /// An extractor for `language` (English when `nil`), weighting headline words by `titleWeight`.
    public init(language: LanguageCode? = nil, titleWeight: Double = ClusterOptions().titleWeight) {
        let language = language ?? .english
        stemmer = Stemmer(language: language)
        stopWords = LanguageResources.forLanguage(language).stopWords
        self.titleWeight = titleWeight
    }

    /// A term's weighted count, and whether the document ever wrote it in lower case.
    private struct TermCount {
        var weight = 0.0
        var lowered = false

        mutating func add(_ weight: Double, lowered: Bool) {
            self.weight += weight
            if lowered { self.lowered = true }
        }
    }

    /// The features of one document.
    public func features(of document: ClusterDocument) -> ArticleFeatures {
        var counts: [String: TermCount] = [:]
        var titleNames: Set<String> = []
        scan(document.title, weight: titleWeight, counts: &counts, names: &titleNames)
        var names: Set<String> = []
        scan(document.text, weight: 1, counts: &counts, names: &names)
        // NB: name terms come from the body only, and only from words never written in lower case: a headline in
        // title case capitalises its verbs too, and bodies often open with the headline.
        var nameTerms: Set<String> = []
        for name in names {
            let term = stem(name)
            if counts[term]?.lowered == false { nameTerms.insert(term) }
        }
        names.formUnion(titleNames)
        return ArticleFeatures(
            id: document.id, published: document.published, terms: counts.mapValues(\.weight), names: names,
            nameTerms: nameTerms)
    }

    private func scan(_ text: String, weight: Double, counts: inout [String: TermCount], names: inout Set<String>) {
        // NB: the word is kept as UTF-8 bytes, ASCII letters lower-cased as they come and ASCII scalars classified
        // by range: Unicode property lookups and scalar-by-scalar string appends were most of the extraction.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var isASCII = true
        var capitalised = false
        var atSentenceStart = true
        var lastMonth: String?
        func flush() {
            guard !word.isEmpty else { return }
            let token =
                isASCII ? String(decoding: word, as: UTF8.self) : String(decoding: word, as: UTF8.self).lowercased()
            let length = isASCII ? word.count : token.unicodeScalars.count
            word.removeAll(keepingCapacity: true)
            isASCII = true
            // A day after a month ("Jan. 25", "January 25") is a date the text mentions: one term of its own.
            if let month = lastMonth, length <= 2, let day = Int(token), (1...31).contains(day) {
                counts["\(month) \(day)", default: TermCount()].add(weight, lowered: true)
            }
            lastMonth = Self.months[token]
            guard length >= 2, !stopWords.contains(token) else { return }
            // NB: one lookup counts the term and notes its case.
            counts[stem(token), default: TermCount()].add(weight, lowered: !capitalised)
            if capitalised && !atSentenceStart { names.insert(token) }
        }
        // A figure is one term: "800,000" and "5.7" (not "800" and "000", "5" and "7"); a separator between digits
        // waits for the next character to tell whether it is inside the figure.
        var allDigits = true
        var pending: Unicode.Scalar?
        func separate(_ scalar: Unicode.Scalar) {
            let hadWord = !word.isEmpty
            flush()
            allDigits = true
            if hadWord { atSentenceStart = false }
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "\n" || scalar == "\"" || scalar == "“" {
                atSentenceStart = true
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if let separator = pending {
                pending = nil
                if value >= 0x30 && value <= 0x39 {
                    if separator == "." { word.append(UInt8(ascii: ".")) }
                } else {
                    separate(separator)
                }
            }
            if value < 0x80 {
                let byte = UInt8(value)
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isDigit = byte >= 0x30 && byte <= 0x39
                if isUpper || (byte >= 0x61 && byte <= 0x7A) || isDigit {
                    if word.isEmpty { capitalised = isUpper }
                    if !isDigit { allDigits = false }
                    word.append(isUpper ? byte | 0x20 : byte)
                    continue
                }
                if (byte == 0x2C || byte == 0x2E) && allDigits && !word.isEmpty {
                    pending = scalar
                    continue
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if word.isEmpty { capitalised = scalar.properties.isUppercase }
                word.append(contentsOf: Unicode.UTF8.encode(scalar)!)
                isASCII = false
                allDigits = false
                continue
            }
            if scalar == "'" || scalar == "’", !word.isEmpty { continue }  // "Russia's" stays one word
            separate(scalar)
        }
        if let separator = pending { separate(separator) }
        flush()
    }

    /// English month names and abbreviations, each to its abbreviation: a mentioned date's term is "jan 25" (a
    /// space, so no word of a text is ever the same term).
    static let months: [String: String] = {
        var months: [String: String] = [:]
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for name in names {
            months[name] = String(name.prefix(3))
            months[String(name.prefix(3))] = String(name.prefix(3))
        }
        months["sept"] = "sep"
        return months
    }()

    private func stem(_ word: String) -> String {
        if let known = stems[word] { return known }
        let stem = stemmer?.stem(word) ?? word
        if stems.count > 200_000 { stems.removeAll(keepingCapacity: true) }
        stems[word] = stem
        return stem
    }
}
