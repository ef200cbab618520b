public import Foundation
public import NewsCore

/// The comparison of a story's coverage: who reports what, what independent origins agree on, where they
/// differ. Every item cites the articles and character offsets it came from.
public struct StoryComparison: Sendable, Hashable, Codable {
    /// The document's schema, for readers of the JSON (`corroborate.story.v1`).
    public var schema = "corroborate.story.v1"
    /// The algorithm that built it.
    public var algorithm: String
    /// The story's id.
    public var story: ArticleID
    /// Its articles, oldest first.
    public var articles: [ArticleSummary]
    /// The independent origins: those the articles come from, then those the articles name as the source
    /// they relay but that ran no article in the story (`external`).
    public var origins: [Origin]
    /// How many claim groups have each status.
    public var statusCounts: [String: Int]
    /// Facts aligned across articles, most corroborated first.
    public var claims: [ClaimGroup]
    /// Every numeric claim, by what it counts.
    public var figures: [FigureRow]
    /// Who is quoted by which outlet, and quotes that several origins carry.
    public var quotes: QuoteMatrix
    /// Headlines, first-named entities and omissions, per article.
    public var framing: [Framing]
    /// About five sentences, corroborated facts first, each citing its articles.
    public var summary: [SummarySentence]
    /// Dated events in date order.
    public var timeline: [TimelineEntry]
}

extension StoryComparison {
    /// The origins that ran articles in the story (the external ones, named only as sources, left out).
    public var articleOrigins: [Origin] { origins.filter { $0.external != true } }
}

/// How many independent origins stand behind a claim or figure.
public enum CorroborationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Two or more independent origins report it.
    case corroborated
    /// Origins report it with figures that cannot both be true.
    case contested
    /// One origin reports it (however many of its copies ran).
    case singleSource = "single-source"
}

/// One article of the story, as the comparison lists it.
public struct ArticleSummary: Sendable, Hashable, Codable {
    /// Its id.
    public var id: ArticleID
    /// Its headline.
    public var title: String
    /// Its outlet.
    public var outlet: String
    /// Its outlet's owner, when the source registry knows it.
    public var owner: String?
    /// When it was published.
    public var published: Date?
    /// The index of its independent origin in `StoryComparison.origins`.
    public var origin: Int
    /// The article whose text it copies, when it is a wire copy or duplicate.
    public var copyOf: ArticleID?
    /// The agency its dateline credits ("WASHINGTON (AP) —"), whose copy its sentences are taken to be.
    public var via: String?
}

/// A group of articles that are not independent of each other: wire copies of one text, or outlets of one owner.
public struct Origin: Sendable, Hashable, Codable {
    /// Its index.
    public var id: Int
    /// A name for it: its outlets, joined.
    public var label: String
    /// Its outlets.
    public var outlets: [String]
    /// Its articles.
    public var articles: [ArticleID]
    /// True for an outlet, agency or organisation the articles name as the source of what they relay
    /// ("…, The New York Times reports.") that has no article in the story.
    public var external: Bool?
}

/// Where a piece of evidence is: an article and a span of its text in Unicode scalar (character) offsets.
public struct Citation: Sendable, Hashable, Codable {
    /// The article.
    public var article: ArticleID
    /// Its outlet.
    public var outlet: String
    /// The first character.
    public var start: Int
    /// One past the last character.
    public var end: Int
    /// The cited text, exactly the article's characters `start..<end`.
    public var text: String
    /// The outlet, agency or report the sentence says it relays, when it names one as its source.
    public var via: String?
}

/// One fact as the story's articles tell it: aligned sentences and the status their origins give it.
public struct ClaimGroup: Sendable, Hashable, Codable {
    /// Its index.
    public var id: Int
    /// How corroborated it is.
    public var status: CorroborationStatus
    /// The indices of the independent origins it traces to: an article relaying another outlet's report
    /// counts that outlet's origin, not its own.
    public var origins: [Int]
    /// The outlets that report it.
    public var outlets: [String]
    /// The outlets that carry it only by relaying another origin's report (nil when none does).
    public var relayedBy: [String]?
    /// Its sentences, one per article at most.
    public var evidence: [Citation]
    /// Why it is contested, when it is.
    public var conflict: String?
}

/// Every figure given for one quantity ("civilians killed"), with who reports each.
public struct FigureRow: Sendable, Hashable, Codable {
    /// What the figures count, as most articles word it.
    public var counted: String
    /// `agree` (one value), `differ` (values that can all be true, or that are not stated as one fact) or
    /// `conflict` (figures of two origins that cannot both be true: one reporter's changing, two named
    /// reporters' incompatible, or two outlets' own in sentences aligned as one fact).
    public var agreement: String
    /// Why, in words: "849 (Syrian Network for Human Rights) and at most 300 (Amnesty International) cannot
    /// both be true".
    public var explanation: String
    /// The figures, largest first.
    public var figures: [Figure]
}

/// One stated number.
public struct Figure: Sendable, Hashable, Codable {
    /// Its value (the lower bound of a range or an order of magnitude).
    public var value: Double
    /// The upper bound of a range.
    public var upperValue: Double?
    /// How it is hedged (`exact`, `atLeast`, ...).
    public var qualifier: NumberQualifier
    /// What it counts, as this article words it.
    public var counted: String?
    /// What happened to what it counts ("killed").
    public var predicate: String?
    /// Who reports it, when the article says.
    public var reporter: String?
    /// How many independent origins give the same value for this quantity.
    public var originCount: Int
    /// Its status: corroborated by several origins, single-source, or contested by a conflicting figure
    /// from the same reporter.
    public var status: CorroborationStatus
    /// The number as written.
    public var number: Citation
    /// The sentence it is in.
    public var sentence: Citation
}

/// Who is quoted by which outlet.
public struct QuoteMatrix: Sendable, Hashable, Codable {
    /// The outlets, in the order of the story's articles.
    public var outlets: [String]
    /// One row per speaker, most quoted first.
    public var speakers: [SpeakerRow]
    /// Quotes that several independent origins carry.
    public var shared: [SharedQuote]
}

/// A speaker and their quotes.
public struct SpeakerRow: Sendable, Hashable, Codable {
    /// The speaker's name.
    public var name: String
    /// Their role, when an article gives one.
    public var role: String?
    /// How many quotes each outlet gives them.
    public var countsByOutlet: [String: Int]
    /// The quotes, in story order.
    public var quotes: [QuotedWords]
}

/// One quote of one article.
public struct QuotedWords: Sendable, Hashable, Codable {
    /// Direct, partial or indirect.
    public var kind: QuoteKind
    /// The quoted words.
    public var words: Citation
}

/// Words quoted by several independent origins.
public struct SharedQuote: Sendable, Hashable, Codable {
    /// The words they share (the shortest version).
    public var text: String
    /// Who the articles say spoke them.
    public var speakers: [String]
    /// How many independent origins carry them.
    public var originCount: Int
    /// Each article's version.
    public var evidence: [Citation]
}

/// How one article frames the story.
public struct Framing: Sendable, Hashable, Codable {
    /// The article.
    public var article: ArticleID
    /// Its outlet.
    public var outlet: String
    /// Its headline.
    public var headline: String
    /// Headline words no other headline of the story uses (counting synonyms as the same word).
    public var distinctiveWords: [String]
    /// The first entities it names, in order.
    public var firstNamed: [String]
    /// Entities other origins name that it does not.
    public var omittedEntities: [String]
    /// Claim groups other origins corroborate that it does not report.
    public var omittedClaims: [Int]
}

/// One sentence of the story's summary.
public struct SummarySentence: Sendable, Hashable, Codable {
    /// The sentence, as one article words it.
    public var text: String
    /// The claim group it stands for.
    public var claim: Int
    /// Its status.
    public var status: CorroborationStatus
    /// Every article that reports it.
    public var citations: [Citation]
}

/// A dated event.
public struct TimelineEntry: Sendable, Hashable, Codable {
    /// The date in ISO 8601 at its granularity (`2015-12-29`, `2015-12`, a week as `first/last`).
    public var date: String
    /// How precise it is.
    public var granularity: DateGranularity
    /// What happened, as one article words it.
    public var text: String
    /// The claim group it belongs to.
    public var claim: Int
    /// The dates as written and where.
    public var citations: [Citation]
}
