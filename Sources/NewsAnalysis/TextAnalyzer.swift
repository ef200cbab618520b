public import Foundation
public import NewsCore
internal import NewsText

/// Options of the text analysis.
public struct AnalysisOptions: Sendable, Hashable {
    /// Analyse as this language whatever the detector says (`nil`: detect, then fall back on the hint).
    public var language: LanguageCode?
    /// Whether reported speech the rules miss is taken from the learned attribution tagger.
    public var attributionTagger: Bool

    /// Creates options.
    public init(language: LanguageCode? = nil, attributionTagger: Bool = true) {
        self.language = language
        self.attributionTagger = attributionTagger
    }
}

/// The whole text analysis of one article: language, paragraphs and sentences, entities with roles,
/// quotes with their speakers, numeric claims with their reporters, and dates. Pure: text in, value out.
public struct TextAnalyzer: Sendable {
    /// The algorithm's identifier, stored with every analysis; bump it when results change.
    public static let algorithm = "corroborate-analysis.v6"

    /// The options in use.
    public var options: AnalysisOptions
    /// The attribution tagger's weights (the bundled model unless another is given).
    public var attributionModel: AttributionModel?

    /// Creates an analyser.
    public init(options: AnalysisOptions = AnalysisOptions(), attributionModel: AttributionModel? = .bundled) {
        self.options = options
        self.attributionModel = attributionModel
    }

    /// Analyses `text` (an article's clean text, paragraphs separated by blank lines). `published` anchors
    /// relative dates ("on Tuesday"); `languageHint` is used when the text is too short to tell.
    public func analyze(_ text: String, published: Date? = nil, languageHint: LanguageCode? = nil) -> ArticleAnalysis {
        let paragraphRanges = TextSegmenter.paragraphs(in: text)
        let detected = LanguageDetector.detect(text, spans: paragraphRanges)
        let language =
            options.language ?? (detected.whole.isReliable ? detected.whole.language : nil) ?? languageHint
            ?? detected.whole.language
        let (context, table) = prepared(text, language: language)
        let segmented = context.text
        let roles = context.paragraphRoles
        let reference = published.map {
            CivilDate(dayNumber: Int((($0.timeIntervalSince1970) / 86_400).rounded(.down)))
        }
        let (dates, dateTokens) = DateFinder(context: context, reference: reference).dates()
        var attributor = QuoteAttributor(
            context: context, table: table, tagger: options.attributionTagger ? attributionModel : nil)
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

    /// The segmented text with its per-token lookups, and its resolved names: what every later step reads.
    func prepared(_ text: String, language: LanguageCode? = nil) -> (AnalysisContext, EntityTable) {
        let language =
            language ?? LanguageDetector.detect(text, spans: TextSegmenter.paragraphs(in: text)).whole.language
        let segmented = TextSegmenter(language: language).segment(text)
        let roles = BlockClassifier.roles(of: segmented.paragraphs.map { segmented.string($0) })
        let context = AnalysisContext(
            text: segmented, resources: LanguageResources.forLanguage(language), paragraphRoles: roles)
        let names = NameFinder(context: context).candidates()
        let table = EntityResolver.resolve(names, tokenCount: segmented.tokens.count) { last in
            last + 1 < context.tokens.count && context.has(last + 1, .speech)
        }
        return (context, table)
    }
}
