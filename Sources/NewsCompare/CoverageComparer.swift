internal import Foundation
public import NewsCore

/// Compares a story's coverage: aligns the articles' claims, counts the independent origins behind each,
/// tabulates figures and quotes, and sets headlines side by side. Pure: values in, a value out.
public struct CoverageComparer: Sendable {
    /// The algorithm's identifier; a behaviour change takes a new one.
    public static let algorithm = "corroborate-compare.v2"

    /// The knobs.
    public var options: ComparisonOptions
    /// The outlets and agencies it recognises when an article names one as its source.
    public let outlets: [KnownOutlet]
    private let index: OutletIndex

    /// A comparer with `options`, recognising `outlets` (the built-in list, merged with a source registry's
    /// outlets by `KnownOutlet.directory(adding:)`).
    public init(options: ComparisonOptions = ComparisonOptions(), outlets: [KnownOutlet] = KnownOutlet.builtIn) {
        self.options = options
        self.outlets = outlets
        index = OutletIndex(outlets)
    }

    /// The comparison of `articles`, the articles of story `story`.
    public func compare(story: ArticleID, articles unordered: [CoverageArticle]) -> StoryComparison {
        let articles = unordered.sorted {
            ($0.published?.timeIntervalSince1970 ?? .infinity, $0.id) < (
                $1.published?.timeIntervalSince1970 ?? .infinity, $1.id
            )
        }
        let (originOf, articleOrigins) = OriginGrouping.group(articles)
        let provenance = Provenance(articles: articles, originOf: originOf, origins: articleOrigins, index: index)
        let origins = articleOrigins + provenance.external
        let lexicons = LexiconCache()
        var builder = ClaimBuilder(options: options, lexicons: lexicons)
        let claims = builder.claims(of: articles)
        let groups = ClaimAligner.align(claims, options: options)
        var table = FigureTable(articles: articles, provenance: provenance, lexicons: lexicons)
        for (group, members) in groups.enumerated() {
            for member in members {
                table.groupOfSentence[claims[member].article, default: [:]][claims[member].sentence] = group
            }
        }
        var citations = CitationMaker(articles: articles)
        let (figures, _) = table.rows(citations: &citations)

        var ranked = groups.map { members in
            RankedGroup(
                members: members.sorted { claims[$0].article < claims[$1].article }, claims: claims,
                provenance: provenance)
        }
        for index in ranked.indices {
            ranked[index].conflict =
                conflict(in: ranked[index].members, claims: claims, table: table, articles: articles)
                ?? opposition(
                    in: ranked[index].members, claims: claims, articles: articles, provenance: provenance,
                    lexicons: lexicons)
        }
        ranked.sort(by: RankedGroup.precedes)
        let claimGroups = ranked.enumerated().map { id, group in
            let evidence = group.members.map { member in
                var citation = citations.cite(claims[member].range, in: claims[member].article)
                citation.via = provenance.via(article: claims[member].article, sentence: claims[member].sentence)
                return citation
            }
            let relaying = unique(evidence.filter { $0.via != nil }.map(\.outlet))
            return ClaimGroup(
                id: id, status: group.status, origins: group.origins,
                outlets: unique(group.members.map { articles[claims[$0].article].outlet }),
                relayedBy: relaying.isEmpty ? nil : relaying, evidence: evidence, conflict: group.conflict)
        }
        var statusCounts = Dictionary(uniqueKeysWithValues: CorroborationStatus.allCases.map { ($0.rawValue, 0) })
        for group in claimGroups { statusCounts[group.status.rawValue, default: 0] += 1 }

        let summary = SummaryBuilder(claims: claims, groups: ranked, articles: articles, options: options)
        let framing = FramingBuilder(
            articles: articles, originOf: originOf, claims: claims, groups: ranked, options: options,
            lexicons: lexicons)
        return StoryComparison(
            algorithm: Self.algorithm, story: story,
            articles: articles.enumerated().map { index, article in
                ArticleSummary(
                    id: article.id, title: article.title, outlet: article.outlet, owner: article.owner,
                    published: article.published, origin: originOf[index],
                    copyOf: article.duplicateOf == article.id ? nil : article.duplicateOf,
                    via: provenance.credit(article: index))
            },
            origins: origins, statusCounts: statusCounts, claims: claimGroups, figures: figures,
            quotes: QuoteMatrixBuilder.matrix(articles: articles, provenance: provenance, citations: &citations),
            framing: framing.framing(), summary: summary.summary(citations: &citations),
            timeline: summary.timeline(citations: &citations))
    }

    /// Why a group is contested: two of its origins give one quantity figures that cannot both be true.
    private func conflict(
        in members: [Int], claims: [Claim], table: FigureTable, articles: [CoverageArticle]
    )
        -> String?
    {
        for (offset, first) in members.enumerated() {
            for second in members[(offset + 1)...] {
                let (a, b) = (claims[first], claims[second])
                for x in a.numbers {
                    for y in b.numbers {
                        guard let left = table.entryIndex(article: a.article, number: x),
                            let right = table.entryIndex(article: b.article, number: y), table.conflict(left, right)
                        else { continue }
                        let (p, q) = (table.entries[left], table.entries[right])
                        func describe(_ entry: FigureTable.Entry) -> String {
                            "\"\(entry.claim.range.slice(of: articles[entry.article].text))\" (\(articles[entry.article].outlet))"
                        }
                        return describe(p) + " against " + describe(q)
                    }
                }
            }
        }
        return nil
    }
}

extension CoverageComparer {
    /// Why a group is contested by its words: two origins' sentences of which one denies what the other asserts
    /// ("was not closed" against "was closed") or states its opposite ("rose" against "fell").
    func opposition(
        in members: [Int], claims: [Claim], articles: [CoverageArticle], provenance: Provenance,
        lexicons: LexiconCache
    ) -> String? {
        func origin(_ member: Int) -> Int {
            provenance.origin(article: claims[member].article, sentence: claims[member].sentence)
        }
        let english = members.filter { articles[claims[$0].article].analysis.language.language == .english }
        guard english.count >= 2 else { return nil }
        let polarity = Polarity(lexicon: lexicons.lexicon(for: .english))
        let readings = english.map { member in
            let claim = claims[member]
            return polarity.read(Substring(claim.range.slice(of: articles[claim.article].text)))
        }
        for (offset, first) in english.enumerated() {
            for (otherOffset, second) in english.enumerated().dropFirst(offset + 1)
            where origin(first) != origin(second) {
                guard let word = polarity.opposition(readings[offset], readings[otherOffset]) else { continue }
                func describe(_ member: Int) -> String {
                    let claim = claims[member]
                    return
                        "\"\(claim.range.slice(of: articles[claim.article].text))\" (\(articles[claim.article].outlet))"
                }
                return describe(first) + " against " + describe(second) + ": one denies or reverses what the other "
                    + "says (\"\(word)\")"
            }
        }
        return nil
    }
}

/// A claim group with what ranking it needs.
struct RankedGroup {
    let members: [Int]
    let origins: [Int]
    let position: Double
    var conflict: String?

    init(members: [Int], claims: [Claim], provenance: Provenance) {
        self.members = members
        origins = Array(
            Set(members.map { provenance.origin(article: claims[$0].article, sentence: claims[$0].sentence) })
        ).sorted()
        position = members.map { claims[$0].position }.min() ?? 1
    }

    var status: CorroborationStatus {
        if conflict != nil { return .contested }
        return origins.count >= 2 ? .corroborated : .singleSource
    }

    /// Corroborated first, then contested, then single-source; within each, more origins first, then
    /// what the articles put nearer their top.
    static func precedes(_ a: RankedGroup, _ b: RankedGroup) -> Bool {
        func rank(_ status: CorroborationStatus) -> Int {
            switch status {
            case .corroborated: 0
            case .contested: 1
            case .singleSource: 2
            }
        }
        return (rank(a.status), -a.origins.count, a.position, a.members.first ?? 0)
            < (rank(b.status), -b.origins.count, b.position, b.members.first ?? 0)
    }
}

/// `values` without repeats, in first-seen order.
func unique<Value: Hashable>(_ values: [Value]) -> [Value] {
    var seen: Set<Value> = []
    return values.filter { seen.insert($0).inserted }
}
