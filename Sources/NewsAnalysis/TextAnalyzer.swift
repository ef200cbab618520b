public import Foundation
public import NewsCore
internal import NewsText

/// Options of the text analysis.
public struct AnalysisOptions: Sendable, Hashable {
    /// Analyse as this language whatever the detector says (`nil`: detect, then fall back on the hint).
    public var language: LanguageCode?

    /// Creates options.
    public init(language: LanguageCode? = nil) {
        self.language = language
    }
}

/// The whole text analysis of one article: language, paragraphs and sentences, entities with roles,
/// quotes with their speakers, numeric claims with their reporters, and dates. Pure: text in, value out.
public struct TextAnalyzer: Sendable {
    /// The algorithm's identifier, stored with every analysis; bump it when results change.
    public static let algorithm = "corroborate-analysis.v2"

    /// The options in use.
    public var options: AnalysisOptions

    /// Creates an analyser.
    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
    }

    /// Analyses `text` (an article's clean text, paragraphs separated by blank lines). `published` anchors
    /// relative dates ("on Tuesday"); `languageHint` is used when the text is too short to tell.
    public func analyze(_ text: String, published: Date? = nil, languageHint: LanguageCode? = nil) -> ArticleAnalysis {
        let paragraphRanges = TextSegmenter.paragraphs(in: text)
        let detected = LanguageDetector.detect(text, spans: paragraphRanges)
        let language =
            options.language ?? (detected.whole.isReliable ? detected.whole.language : nil) ?? languageHint
            ?? detected.whole.language
        let segmented = TextSegmenter(language: language).segment(text)
        let roles = BlockClassifier.roles(of: segmented.paragraphs.map { segmented.string($0) })
        let context = AnalysisContext(
            text: segmented, resources: LanguageResources.forLanguage(language), paragraphRoles: roles)

        let names = NameFinder(context: context).candidates()
        let table = EntityResolver.resolve(names, tokenCount: segmented.tokens.count) { last in
            last + 1 < context.tokens.count && context.has(last + 1, .speech)
        }
        let reference = published.map {
            CivilDate(dayNumber: Int((($0.timeIntervalSince1970) / 86_400).rounded(.down)))
        }
        let (dates, dateTokens) = DateFinder(context: context, reference: reference).dates()
        var attributor = QuoteAttributor(context: context, table: table)
        let quotes = attributor.quotes()
        let resolvedTable = attributor.table
        let numbers = NumberFinder(
            context: context, table: resolvedTable, quotes: quotes, dates: dates, dateTokens: dateTokens
        ).claims()

        let paragraphs = segmented.paragraphs.indices.map { index in
            Paragraph(
                range: segmented.paragraphs[index], role: roles[index],
                language: index < detected.spans.count ? detected.spans[index] : .unknown)
        }
        let sentences = segmented.sentences.indices.map { index in
            Sentence(
                range: segmented.sentences[index], paragraph: segmented.sentenceParagraphs[index],
                block: roles[segmented.sentenceParagraphs[index]])
        }
        return ArticleAnalysis(
            algorithm: Self.algorithm, language: detected.whole, paragraphs: paragraphs, sentences: sentences,
            entities: resolvedTable.entities, quotes: quotes, numbers: numbers, dates: dates)
    }
}
