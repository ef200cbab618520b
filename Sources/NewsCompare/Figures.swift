internal import Foundation
internal import NewsCore

/// Builds the figures table: every numeric claim, grouped by the quantity it counts, each figure with its
/// reporter and how many independent origins give the same value.
struct FigureTable {
    /// One numeric claim of one article, with what the table needs to group it.
    struct Entry {
        let article: Int
        let number: Int
        let claim: NumericClaim
        /// Terms of what it counts ("civilian", "casualti").
        let countedTerms: Set<String>
        /// The term of what happened to it ("kill"), if said.
        let predicateTerm: String?
        /// The reporter's entity key, if attributed.
        let reporterKey: String?
        let reporterName: String?
    }

    let articles: [CoverageArticle]
    let provenance: Provenance
    private(set) var entries: [Entry] = []
    /// The row each entry is in.
    private(set) var rowOf: [Int] = []
    private(set) var rowCount = 0
    private var indexOf: [Int: [Int: Int]] = [:]
    /// Counted terms taken for spelling slips of another ("civiian"): left out of the rows' labels.
    private var slips: Set<String> = []
    /// The claim group of each article's sentences (article -> sentence -> group), once claims are aligned.
    var groupOfSentence: [Int: [Int: Int]] = [:]

    init(articles: [CoverageArticle], provenance: Provenance, lexicons: LexiconCache) {
        self.articles = articles
        self.provenance = provenance
        for (articleIndex, article) in articles.enumerated() {
            let analysis = article.analysis
            let lexicon = lexicons.lexicon(for: analysis.language.language)
            for (index, claim) in analysis.numbers.enumerated() {
                guard claim.sentence < analysis.sentences.count, analysis.sentences[claim.sentence].block == .body
                else { continue }
                let counted = Set(Lexicon.words(Substring(claim.counted ?? "")).compactMap { lexicon.term($0) })
                let predicate = Lexicon.words(Substring(claim.predicate ?? "")).last.flatMap { lexicon.term($0) }
                let reporter = claim.reporter.flatMap { $0 < analysis.entities.count ? analysis.entities[$0] : nil }
                // NB: a reporter the analysis found but could not name as an entity ("non-governmental
                // organisations") is still shown, by its words.
                let reporterName = reporter?.name ?? claim.reporterMention.map { $0.slice(of: article.text) }
                indexOf[articleIndex, default: [:]][index] = entries.count
                entries.append(
                    Entry(
                        article: articleIndex, number: index, claim: claim, countedTerms: counted,
                        predicateTerm: predicate, reporterKey: reporter.map(EntityKey.key), reporterName: reporterName
                    ))
            }
        }
        groupRows()
    }

    /// Entries count one quantity when what they count shares a term ("civilians" / "civilian casualties")
    /// and what happened to it does not differ ("killed" / nothing said); figures with no counted thing
    /// group only with the same value.
    private mutating func groupRows() {
        var sets = DisjointSets(count: entries.count)
        var byTerm: [String: [Int]] = [:]
        var byValue: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if entry.countedTerms.isEmpty {
                let key = Self.valueKey(entry.claim)
                if let earlier = byValue[key] { sets.union(index, earlier) } else { byValue[key] = index }
                continue
            }
            for term in entry.countedTerms.sorted() { byTerm[term, default: []].append(index) }
        }
        // A slip of one letter in a long word ("civiians") names the same thing as the word spelt right.
        let spelled = Self.spellingVariants(Array(byTerm.keys))
        slips = Set(spelled.keys)
        for (slip, term) in spelled.sorted(by: { $0.key < $1.key }) {
            byTerm[term, default: []] += byTerm[slip] ?? []
            byTerm[slip] = nil
        }
        for (_, members) in byTerm.sorted(by: { $0.key < $1.key }) {
            for (offset, first) in members.enumerated() {
                for second in members[(offset + 1)...] where Self.compatible(entries[first], entries[second]) {
                    sets.union(first, second)
                }
            }
        }
        var rowOfRoot: [Int: Int] = [:]
        rowOf = entries.indices.map { index in
            let root = sets.find(index)
            if let row = rowOfRoot[root] { return row }
            rowOfRoot[root] = rowOfRoot.count
            return rowOfRoot.count - 1
        }
        rowCount = rowOfRoot.count
    }

    /// Each term that is one letter away (one inserted, dropped or changed) from a longer-used term of at least
    /// six letters with the same first letter, mapped to that term: spelling slips, not different words
    /// (short words one letter apart, "rose"/"rise", differ in meaning too often).
    static func spellingVariants(_ terms: [String]) -> [String: String] {
        let sorted = terms.filter { $0.count >= 6 }.sorted()
        var variants: [String: String] = [:]
        var byFirst: [Character: [String]] = [:]
        for term in sorted { byFirst[term.first!, default: []].append(term) }
        for (_, group) in byFirst.sorted(by: { $0.key < $1.key }) {
            for (offset, first) in group.enumerated() {
                for second in group[(offset + 1)...] where abs(first.count - second.count) <= 1 {
                    guard oneEditApart(Array(first), Array(second)) else { continue }
                    // The longer spelling is taken as right ("civilian" over "civiian"), then the first in order.
                    let (slip, right) = first.count < second.count ? (first, second) : (second, first)
                    if variants[slip] == nil, variants[right] == nil { variants[slip] = right }
                }
            }
        }
        return variants
    }

    private static func oneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if short.count == long.count { return short[(i + 1)...] == long[(i + 1)...] && i < short.count }
        return short[i...] == long[(i + 1)...]
    }

    private static func compatible(_ first: Entry, _ second: Entry) -> Bool {
        guard let a = first.predicateTerm, let b = second.predicateTerm else { return true }
        return a == b
    }

    /// The rows, each with its figures, in the order the story first states them.
    func rows(citations: inout CitationMaker) -> (rows: [FigureRow], statusOfEntry: [CorroborationStatus]) {
        var members = [[Int]](repeating: [], count: rowCount)
        for (index, row) in rowOf.enumerated() { members[row].append(index) }
        var statusOfEntry = [CorroborationStatus](repeating: .singleSource, count: entries.count)
        var rows: [FigureRow] = []
        for row in members {
            var originsByValue: [String: Set<Int>] = [:]
            for index in row {
                originsByValue[Self.valueKey(entries[index].claim), default: []].insert(origin(of: index))
            }
            var contested: Set<Int> = []
            var firstConflict: (Int, Int)?
            for (offset, first) in row.enumerated() {
                for second in row[(offset + 1)...] where conflict(first, second) {
                    contested.formUnion([first, second])
                    if firstConflict == nil { firstConflict = (first, second) }
                }
            }
            var figures: [Figure] = []
            for index in row {
                let entry = entries[index]
                let key = Self.valueKey(entry.claim)
                let originCount = originsByValue[key]?.count ?? 1
                let status: CorroborationStatus =
                    contested.contains(index) ? .contested : originCount >= 2 ? .corroborated : .singleSource
                statusOfEntry[index] = status
                let analysis = articles[entry.article].analysis
                figures.append(
                    Figure(
                        value: entry.claim.value, upperValue: entry.claim.upperValue, qualifier: entry.claim.qualifier,
                        counted: entry.claim.counted, predicate: entry.claim.predicate, reporter: entry.reporterName,
                        originCount: originCount, status: status,
                        number: citations.cite(entry.claim.range, in: entry.article),
                        sentence: citations.cite(analysis.sentences[entry.claim.sentence].range, in: entry.article)))
            }
            let agreement = !contested.isEmpty ? "conflict" : originsByValue.count > 1 ? "differ" : "agree"
            figures.sort { ($0.value, $1.number.article.rawValue) > ($1.value, $0.number.article.rawValue) }
            rows.append(
                FigureRow(
                    counted: label(row), agreement: agreement,
                    explanation: explanation(row, conflict: firstConflict), figures: figures))
        }
        return (rows, statusOfEntry)
    }

    /// Why a row agrees, differs or conflicts, in words: "849 (Syrian Network for Human Rights) and at most 300
    /// (Amnesty International) cannot both be true".
    private func explanation(_ row: [Int], conflict: (Int, Int)?) -> String {
        func describe(_ index: Int) -> String {
            let entry = entries[index]
            let written = entry.claim.range.slice(of: articles[entry.article].text)
            return written + " (" + (entry.reporterName ?? articles[entry.article].outlet) + ")"
        }
        if let (first, second) = conflict {
            return describe(first) + " and " + describe(second) + " cannot both be true"
        }
        var byValue: [String: Int] = [:]
        var distinct: [Int] = []
        for index in row where byValue[Self.valueKey(entries[index].claim)] == nil {
            byValue[Self.valueKey(entries[index].claim)] = index
            distinct.append(index)
        }
        guard distinct.count > 1 else {
            let origins = Set(row.map(origin(of:))).count
            let written = entries[row[0]].claim.range.slice(of: articles[entries[row[0]].article].text)
            return origins > 1 ? "\(origins) origins give \(written)" : "one origin gives \(written)"
        }
        let shown = distinct.prefix(4).map(describe)
        let listed =
            shown.count == 2
            ? shown.joined(separator: " and ")
            : shown.dropLast().joined(separator: ", ") + " and " + shown.last!
        let more = distinct.count > 4 ? " (and \(distinct.count - 4) more)" : ""
        let compatible = distinct.indices.allSatisfy { i in
            distinct[(i + 1)...].allSatisfy { !Self.disjoint(entries[distinct[i]].claim, entries[$0].claim) }
        }
        return listed + more
            + (compatible
                ? " differ but can all be true" : " differ; not stated as one fact, they may count different things")
    }

    /// The row's name: what most of its figures count, with what happened to it when most say.
    private func label(_ row: [Int]) -> String {
        func mostCommon(_ values: [String]) -> String? {
            let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        let spelledRight = row.filter { entries[$0].countedTerms.isDisjoint(with: slips) }
        let named = spelledRight.isEmpty ? row : spelledRight
        guard let counted = mostCommon(named.compactMap { entries[$0].claim.counted?.lowercased() }) else {
            return "(not stated)"
        }
        let predicates = row.compactMap { entries[$0].claim.predicate?.lowercased() }
        guard predicates.count * 2 >= row.count, let predicate = mostCommon(predicates) else { return counted }
        return counted + " " + predicate
    }

    /// The origin an entry's sentence traces to.
    func origin(of entry: Int) -> Int {
        provenance.origin(article: entries[entry].article, sentence: entries[entry].claim.sentence)
    }

    /// The entry of a numeric claim, if the table holds it.
    func entryIndex(article: Int, number: Int) -> Int? {
        indexOf[article]?[number]
    }

    /// Whether two figures of one quantity, from different origins, cannot both be true: their hedged
    /// ranges do not meet, and they come from one named reporter, or both from the outlets themselves in
    /// sentences aligned as one fact. Different reporters may count differently without conflict (SNHR's
    /// 849 and Amnesty's 200 differ); outlets' own figures for things they count in passing ("two women",
    /// "five women") are often different sets, so only an aligned sentence makes them one claim (a toll that
    /// rose between reports conflicts too: the sentences' dates tell which).
    func conflict(_ first: Int, _ second: Int) -> Bool {
        let (a, b) = (entries[first], entries[second])
        guard rowOf[first] == rowOf[second], origin(of: first) != origin(of: second) else { return false }
        if a.reporterKey != b.reporterKey {
            // Two named reporters' figures that cannot both hold ("849" against "at most 300"), in sentences
            // aligned as one fact: reporters count different things ("more than a dozen" women, "four" women)
            // too often for the row alone to say.
            guard a.reporterKey != nil, b.reporterKey != nil, aligned(a, b) else { return false }
            return Self.disjoint(a.claim, b.claim)
        }
        if a.reporterKey == nil, !aligned(a, b) { return false }
        return Self.disjoint(a.claim, b.claim)
    }

    /// Whether two entries' sentences are in one claim group.
    private func aligned(_ a: Entry, _ b: Entry) -> Bool {
        guard let left = groupOfSentence[a.article]?[a.claim.sentence] else { return false }
        return left == groupOfSentence[b.article]?[b.claim.sentence]
    }

    /// Whether no value satisfies both figures' hedges.
    static func disjoint(_ a: NumericClaim, _ b: NumericClaim) -> Bool {
        let (x, y) = (interval(a), interval(b))
        return x.upperBound < y.lowerBound || y.upperBound < x.lowerBound
    }

    /// A figure's value as a key: equal keys state the same figure ("hundreds" and "100" do not).
    static func valueKey(_ claim: NumericClaim) -> String {
        func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
        var key = format(claim.value)
        if claim.qualifier == .order { key += "s" }
        if let upper = claim.upperValue { key += "-" + format(upper) }
        return key
    }

    /// The values a hedged figure allows.
    static func interval(_ claim: NumericClaim) -> ClosedRange<Double> {
        let value = claim.value
        switch claim.qualifier {
        case .exact: return value...value
        case .atLeast: return value...Double.infinity
        case .atMost: return 0...value
        case .approximately: return (value * 0.8)...(value * 1.2)
        case .order: return value...(value * 10)
        case .range: return value...max(value, claim.upperValue ?? value)
        }
    }
}
