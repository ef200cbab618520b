internal import NewsCore

/// Builds the quote matrix: who each outlet quotes, and words several independent origins quote.
enum QuoteMatrixBuilder {
    static func matrix(
        articles: [CoverageArticle], provenance: Provenance, citations: inout CitationMaker
    ) -> QuoteMatrix {
        struct Row {
            var name: String
            var role: String?
            var counts: [String: Int] = [:]
            var quotes: [QuotedWords] = []
        }
        var rows: [String: Row] = [:]
        var order: [String] = []
        // NB: a quote's origin is its sentence's: "Kerry told CNN …" relayed by two outlets is one interview.
        var marked: [(article: Int, origin: Int, cited: TextRange, words: [Int], speaker: String?)] = []
        var wordIDs: [String: Int] = [:]
        for (index, article) in articles.enumerated() {
            let analysis = article.analysis
            for quote in analysis.quotes {
                let entity = quote.speaker.flatMap { $0 < analysis.entities.count ? analysis.entities[$0] : nil }
                // A speaker named by words but by no entity ("Human rights groups") is shown by those words, not
                // lumped with the quotes nobody is said to have said.
                let described = quote.speakerMention.map { Self.described($0.slice(of: article.text)) }
                let key = entity.map(EntityKey.key) ?? described.map { "words:" + $0.lowercased() } ?? ""
                if rows[key] == nil {
                    rows[key] = Row(name: entity?.name ?? described ?? "(unattributed)")
                    order.append(key)
                }
                if let entity {
                    if entity.name.count > rows[key]!.name.count { rows[key]!.name = entity.name }
                    // The fullest role any article gives ("State Department spokesman" over "Department spokesman").
                    if let role = entity.role, role.count > rows[key]!.role?.count ?? 0 { rows[key]!.role = role }
                }
                rows[key]!.counts[article.outlet, default: 0] += 1
                rows[key]!.quotes.append(
                    QuotedWords(kind: quote.kind, words: citations.cite(quote.range, in: index)))
                // NB: a quote told in pieces is compared by its pieces' words, without the attribution between;
                // reported speech holding phrases in marks, by each phrase, cited alone.
                let verbatim: [(spans: [TextRange], cited: TextRange)] =
                    quote.kind == .indirect
                    ? [] : quote.quotedWords?.map { ([$0], $0) } ?? [(quote.spans, quote.range)]
                for phrase in verbatim {
                    let text = phrase.spans.map { $0.slice(of: article.text) }.joined(separator: " ")
                    let words = Lexicon.words(Substring(text)).map { word in
                        if let id = wordIDs[word] { return id }
                        wordIDs[word] = wordIDs.count
                        return wordIDs.count - 1
                    }
                    let origin = provenance.origin(article: index, sentence: quote.sentence)
                    if words.count >= 2 { marked.append((index, origin, phrase.cited, words, entity?.name)) }
                }
            }
        }
        let speakers = order.compactMap { rows[$0] }.enumerated()
            .sorted { ($1.element.quotes.count, $0.offset) < ($0.element.quotes.count, $1.offset) }
            .map {
                SpeakerRow(
                    name: $0.element.name, role: $0.element.role, countsByOutlet: $0.element.counts,
                    quotes: $0.element.quotes)
            }

        // Candidates share a word that few quotes use (two versions of one quote share all their rare words).
        var postings = [[Int]](repeating: [], count: wordIDs.count)
        for (index, quote) in marked.enumerated() {
            for word in Set(quote.words) { postings[word].append(index) }
        }
        let common = max(4, marked.count / 4)
        var sets = DisjointSets(count: marked.count)
        var seen = [Int](repeating: -1, count: marked.count)
        for (first, quote) in marked.enumerated() {
            var rare = quote.words.filter { postings[$0].count <= common }
            if rare.isEmpty { rare = quote.words }
            for word in rare {
                for second in postings[word] where second > first && seen[second] != first {
                    seen[second] = first
                    guard marked[first].origin != marked[second].origin else { continue }
                    if sameWords(quote.words, marked[second].words) { sets.union(first, second) }
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in marked.indices { members[sets.find(index), default: []].append(index) }
        var shared: [SharedQuote] = []
        for (_, group) in members.sorted(by: { $0.key < $1.key }) {
            let origins = Set(group.map { marked[$0].origin })
            guard origins.count >= 2 else { continue }
            let evidence = group.map { citations.cite(marked[$0].cited, in: marked[$0].article) }
            shared.append(
                SharedQuote(
                    text: evidence.min { ($0.text.count, $0.article) < ($1.text.count, $1.article) }?.text ?? "",
                    speakers: unique(group.compactMap { marked[$0].speaker }), originCount: origins.count,
                    evidence: evidence))
        }
        return QuoteMatrix(outlets: unique(articles.map(\.outlet)), speakers: speakers, shared: shared)
    }

    /// A speaker's words as a row name: white space folded, a leading article dropped, the first letter capital.
    static func described(_ words: String) -> String {
        var parts = words.split(whereSeparator: \.isWhitespace)
        if parts.count > 1, ["the", "a", "an"].contains(parts[0].lowercased()) { parts.removeFirst() }
        let joined = parts.joined(separator: " ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }

    /// Whether two quotes are the same words: one runs inside the other ("extremely disturbing" in a longer
    /// quote), or, both longer than three words, they share most of their words (transcriptions differ).
    static func sameWords(_ a: [Int], _ b: [Int]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard let head = short.first else { return false }
        var start = 0
        while start + short.count <= long.count {
            if long[start] == head, long[start..<(start + short.count)].elementsEqual(short) { return true }
            start += 1
        }
        // Jaccard >= 0.6 needs the shorter to have at least 0.6 of the longer's length.
        guard short.count > 3, Double(short.count) >= 0.6 * Double(long.count) else { return false }
        let left = Array(Set(a)).sorted()
        let right = Array(Set(b)).sorted()
        var (i, j, shared) = (0, 0, 0)
        while i < left.count && j < right.count {
            if left[i] == right[j] {
                shared += 1
                i += 1
                j += 1
            } else if left[i] < right[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(left.count + right.count - shared) >= 0.6
    }

}
