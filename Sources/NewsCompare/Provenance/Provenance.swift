internal import Foundation
internal import NewsCore

/// Which independent origin each sentence of a story traces to. A sentence is its article's own unless it
/// names another outlet, agency or report as its source ("…, The New York Times reports.", "according to
/// Reuters", "told CNN", "an Amnesty International report says"), or its article carries an agency's wire
/// credit ("WASHINGTON (AP) —"): then it traces to that source's origin, a story article's when the source
/// ran in the story, else an origin of its own with no articles (`Origin.external`).
struct Provenance {
    /// Each article's own origin.
    let originOf: [Int]
    /// The origins named as sources that have no article in the story; ids follow the articles' origins.
    private(set) var external: [Origin] = []
    /// Per article: sentence -> (origin, the name it is shown "via").
    private var relayed: [[Int: (origin: Int, via: String)]]
    /// Per article: the wire credit that makes every sentence without its own source the agency's.
    private var credited: [(origin: Int, via: String)?]

    /// The origin sentence `sentence` of article `article` traces to.
    func origin(article: Int, sentence: Int) -> Int {
        relay(article: article, sentence: sentence)?.origin ?? originOf[article]
    }

    /// The source a sentence relays, as the comparison names it; nil when the sentence is its article's own.
    func via(article: Int, sentence: Int) -> String? {
        relay(article: article, sentence: sentence)?.via
    }

    /// The wire credit of a whole article, if it has one.
    func credit(article: Int) -> String? { credited[article]?.via }

    private func relay(article: Int, sentence: Int) -> (origin: Int, via: String)? {
        relayed[article][sentence] ?? credited[article]
    }

    init(articles: [CoverageArticle], originOf: [Int], origins: [Origin], index: OutletIndex) {
        self.originOf = originOf
        relayed = Array(repeating: [:], count: articles.count)
        credited = Array(repeating: nil, count: articles.count)
        guard !articles.isEmpty else { return }
        let outlets = index.outlets
        let finder = index.finder
        // The story's own outlets, as directory entries and owners.
        var storyOrigin: [Int: (origin: Int, via: String)] = [:]
        var ownerOrigin: [String: (origin: Int, via: String)] = [:]
        for (position, article) in articles.enumerated() {
            let entry = index.entry(forOutlet: article.outlet)
            if let entry, storyOrigin[entry] == nil { storyOrigin[entry] = (originOf[position], article.outlet) }
            for owner in [article.owner, entry.flatMap { outlets[$0].owner }].compactMap({ $0.map(OutletIndex.folded) })
            where !owner.isEmpty && ownerOrigin[owner] == nil {
                ownerOrigin[owner] = (originOf[position], article.outlet)
            }
        }
        // First pass: every sourcing phrase, per article and sentence.
        var found: [[(sentence: Int, relay: Relay)]] = []
        for article in articles {
            let analysis = article.analysis
            var organizations: [Int: [TextRange]] = [:]
            for entity in analysis.entities where entity.kind == .organization {
                for mention in entity.mentions {
                    if let sentence = ClaimBuilder.sentence(containing: mention.range, in: analysis) {
                        organizations[sentence, default: []].append(mention.range)
                    }
                }
            }
            var relays: [(sentence: Int, relay: Relay)] = []
            for (index, sentence) in analysis.sentences.enumerated()
            where finder.mayRelay(Substring(sentence.range.slice(of: article.text))) {
                let tokens = RelayToken.tokens(of: sentence.range, in: article.text)
                var relay: Relay?
                for mention in finder.mentions(in: tokens) {
                    let source: Relay.Source =
                        mention.isShort
                        ? .shortForm(tokens[mention.range.upperBound - 1].text) : .outlet(mention.outlet)
                    if RelayFinder.isSource(mention.range, in: tokens) {
                        relay = Relay(
                            source: source, isInterview: RelayFinder.isInterview(mention.range, in: tokens),
                            isWireCredit: false)
                    } else if outlets[mention.outlet].isAgency, !mention.isShort,
                        RelayFinder.isCredit(mention.range, in: tokens)
                    {
                        relay = Relay(source: source, isWireCredit: true)
                    }
                    if relay != nil { break }
                }
                if relay == nil {
                    relay = Self.reportSource(organizations[index] ?? [], tokens: tokens, in: analysis)
                }
                if relay == nil, RelayFinder.refersBack(tokens) { relay = Relay(source: .earlier, isWireCredit: false) }
                if let relay { relays.append((index, relay)) }
            }
            found.append(relays)
        }
        // Outlets each article names in full (for "the Times"), read only when a short form needs them.
        var fullNames: [Int: [(sentence: Int, outlet: Int)]] = [:]
        func names(in article: Int) -> [(sentence: Int, outlet: Int)] {
            if let known = fullNames[article] { return known }
            let text = articles[article].text
            var names: [(sentence: Int, outlet: Int)] = []
            for (index, sentence) in articles[article].analysis.sentences.enumerated() {
                let tokens = RelayToken.tokens(of: sentence.range, in: text)
                for mention in finder.mentions(in: tokens) where !mention.isShort {
                    names.append((index, mention.outlet))
                }
            }
            fullNames[article] = names
            return names
        }
        // Second pass: each source resolved to an origin; "reportedly" and "the report said" take the one
        // their article named last.
        var externalByKey: [String: Int] = [:]
        let firstExternal = origins.count
        func externalOrigin(_ key: String, _ label: String) -> (origin: Int, via: String) {
            if let known = externalByKey[key] { return (known, external[known - firstExternal].label) }
            let id = firstExternal + external.count
            externalByKey[key] = id
            external.append(Origin(id: id, label: label, outlets: [label], articles: [], external: true))
            return (id, label)
        }
        func outletOrigin(_ entry: Int) -> (origin: Int, via: String) {
            if let story = storyOrigin[entry] { return story }
            if let owner = outlets[entry].owner.map(OutletIndex.folded), let story = ownerOrigin[owner] { return story }
            return externalOrigin("outlet:" + outlets[entry].name, outlets[entry].name)
        }
        for (articleIndex, relays) in found.enumerated() {
            var last: (origin: Int, via: String, sentence: Int)?
            for (sentence, relay) in relays {
                let resolved: (origin: Int, via: String)
                switch relay.source {
                case .earlier:
                    // NB: only a source named a few sentences before (or pointed back at since): further on,
                    // "the report" is often another.
                    if let known = last, sentence - known.sentence <= Self.referenceWindow,
                        credited[articleIndex]?.origin != known.origin
                    {
                        relayed[articleIndex][sentence] = (known.origin, known.via)
                        last = (known.origin, known.via, sentence)
                    }
                    continue
                case .outlet(let entry):
                    resolved = outletOrigin(entry)
                case .shortForm(let form):
                    if let entry = Self.resolve(
                        form, article: articleIndex, sentence: sentence, names: names, articleCount: articles.count,
                        outlets: outlets, storyEntries: Set(storyOrigin.keys))
                    {
                        resolved = outletOrigin(entry)
                    } else {
                        resolved = externalOrigin("short:" + form, "The " + form)
                    }
                case .organization(let key, let name):
                    if let entry = index.entry(named: name) {
                        resolved = outletOrigin(entry)
                    } else if let owned = ownerOrigin[OutletIndex.folded(name)] {
                        resolved = owned
                    } else {
                        resolved = externalOrigin("organization:" + key, name)
                    }
                }
                guard resolved.origin != originOf[articleIndex] else {
                    last = nil
                    continue
                }
                last = relay.isInterview ? nil : (resolved.origin, resolved.via, sentence)
                if relay.isWireCredit, sentence < 3 {
                    // A dateline credit is the article's: "WASHINGTON (AP) —" makes the text the agency's copy.
                    if credited[articleIndex] == nil { credited[articleIndex] = resolved }
                } else {
                    relayed[articleIndex][sentence] = resolved
                }
            }
        }
    }

    /// The organisation whose report a sentence relays, if the sentence names one that way.
    private static func reportSource(
        _ mentions: [TextRange], tokens: [RelayToken], in analysis: ArticleAnalysis
    ) -> Relay? {
        for range in mentions {
            let covered = tokens.indices.filter { tokens[$0].start >= range.start && tokens[$0].end <= range.end }
            guard let first = covered.first, let last = covered.last,
                RelayFinder.isReportSource(first..<(last + 1), in: tokens),
                let entity = analysis.entities.first(where: { $0.mentions.contains { $0.range == range } })
            else { continue }
            return Relay(source: .organization(key: EntityKey.key(entity), name: entity.name), isWireCredit: false)
        }
        return nil
    }

    /// The outlet a shared short form ("the Times") means: the one the article names in full nearest before
    /// (or anywhere in it), else the one story outlet with that form, else the one the other articles name.
    private static func resolve(
        _ form: String, article: Int, sentence: Int, names: (Int) -> [(sentence: Int, outlet: Int)],
        articleCount: Int, outlets: [KnownOutlet], storyEntries: Set<Int>
    ) -> Int? {
        let having = { (entry: Int) in outlets[entry].shortForms.contains(form) }
        let own = names(article).filter { having($0.outlet) }
        if let nearest = own.last(where: { $0.sentence <= sentence }) ?? own.first { return nearest.outlet }
        let inStory = storyEntries.filter(having)
        if inStory.count == 1 { return inStory.first }
        let named = Set((0..<articleCount).flatMap { names($0).map(\.outlet) }.filter(having))
        return named.count == 1 ? named.first : nil
    }

    /// How many sentences after a named source "reportedly" or "the report said" still point back at it.
    static let referenceWindow = 6
}
