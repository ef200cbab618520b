internal import Foundation
internal import NewsCore

/// The analysis of one article as docs/JSON.md specifies it: offsets are `[start, end)` in Unicode scalars
/// of the article's text, and every span carries its text so readers need not slice.
struct AnalysisDTO: Encodable {
    struct Language: Encodable {
        var code: String
        var percent: Int
        var reliable: Bool
    }
    struct Paragraph: Encodable {
        var start: Int
        var end: Int
        var role: String
        var language: Language
    }
    struct Sentence: Encodable {
        var start: Int
        var end: Int
        var paragraph: Int
        var block: String
    }
    struct Span: Encodable {
        var start: Int
        var end: Int
        var text: String
    }
    struct EntityMention: Encodable {
        var start: Int
        var end: Int
        var text: String
        var form: String
    }
    struct Entity: Encodable {
        var id: Int
        var kind: String
        var name: String
        var role: String?
        var mentions: [EntityMention]
    }
    struct Quote: Encodable {
        var kind: String
        var start: Int
        var end: Int
        var text: String
        var cue: Span?
        var speakerMention: Span?
        var speaker: Int?
        var speakerName: String?
        var sentence: Int
        var pieces: [Span]?
        var quotedWords: [Span]?
    }
    struct Number: Encodable {
        var start: Int
        var end: Int
        var text: String
        var value: Double
        var upperValue: Double?
        var qualifier: String
        var counted: String?
        var predicate: String?
        var reporter: Int?
        var reporterName: String?
        var reporterMention: Span?
        var sentence: Int
        var dates: [Int]
    }
    struct DateValue: Encodable {
        var start: Int
        var end: Int
        var text: String
        var value: String?
        var granularity: String
        var relative: Bool
        var sentence: Int
    }

    var input: String
    var title: String
    var source: String?
    var published: Date?
    var algorithm: String
    /// The analysed text, which every offset indexes.
    var text: String
    var language: Language
    var paragraphs: [Paragraph]
    var sentences: [Sentence]
    var entities: [Entity]
    var quotes: [Quote]
    var numbers: [Number]
    var dates: [DateValue]

    init(input: String, title: String, source: String?, published: Date?, text: String, analysis: ArticleAnalysis) {
        let offsets = ScalarOffsets(text)
        func span(_ range: TextRange) -> Span {
            Span(start: offsets[range.start], end: offsets[range.end], text: range.slice(of: text))
        }
        func language(_ guess: LanguageGuess) -> Language {
            Language(code: guess.code, percent: guess.percent, reliable: guess.isReliable)
        }
        let names = analysis.entities.map(\.name)
        self.input = input
        self.title = title
        self.source = source
        self.published = published
        algorithm = analysis.algorithm
        self.text = text
        self.language = language(analysis.language)
        paragraphs = analysis.paragraphs.map {
            Paragraph(
                start: offsets[$0.range.start], end: offsets[$0.range.end], role: $0.role.rawValue,
                language: language($0.language))
        }
        sentences = analysis.sentences.map {
            Sentence(
                start: offsets[$0.range.start], end: offsets[$0.range.end], paragraph: $0.paragraph,
                block: $0.block.rawValue)
        }
        entities = analysis.entities.map { entity in
            Entity(
                id: entity.id, kind: entity.kind.rawValue, name: entity.name, role: entity.role,
                mentions: entity.mentions.map {
                    let mention = span($0.range)
                    return EntityMention(
                        start: mention.start, end: mention.end, text: mention.text, form: $0.form.rawValue)
                })
        }
        quotes = analysis.quotes.map { quote in
            let body = span(quote.range)
            return Quote(
                kind: quote.kind.rawValue, start: body.start, end: body.end, text: body.text, cue: quote.cue.map(span),
                speakerMention: quote.speakerMention.map(span), speaker: quote.speaker,
                speakerName: quote.speaker.map { names[$0] }, sentence: quote.sentence,
                pieces: quote.pieces.map { $0.map(span) }, quotedWords: quote.quotedWords.map { $0.map(span) })
        }
        numbers = analysis.numbers.map { claim in
            let body = span(claim.range)
            return Number(
                start: body.start, end: body.end, text: body.text, value: claim.value, upperValue: claim.upperValue,
                qualifier: claim.qualifier.rawValue, counted: claim.counted, predicate: claim.predicate,
                reporter: claim.reporter, reporterName: claim.reporter.map { names[$0] },
                reporterMention: claim.reporterMention.map(span), sentence: claim.sentence, dates: claim.dates)
        }
        dates = analysis.dates.map { date in
            let body = span(date.range)
            return DateValue(
                start: body.start, end: body.end, text: body.text, value: date.value,
                granularity: date.granularity.rawValue, relative: date.isRelative, sentence: date.sentence)
        }
    }
}

/// `corroborate analyse --json` → `corroborate.analysis.v1`.
struct AnalysisDocument: Encodable {
    var schema = "corroborate.analysis.v1"
    /// An input, or a record of it, that yielded no article.
    struct Problem: Encodable {
        var input: String
        var location: String
        var code: String
        var reason: String
    }
    var articles: [AnalysisDTO]
    var rejected: [Problem]
}

/// Maps UTF-8 offsets of a text to Unicode scalar offsets.
struct ScalarOffsets {
    private var table: [Int32]

    init(_ text: String) {
        var table = [Int32](repeating: 0, count: text.utf8.count + 1)
        var scalarIndex: Int32 = 0
        var byte = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            for offset in 0..<width { table[byte + offset] = scalarIndex }
            byte += width
            scalarIndex += 1
        }
        table[byte] = scalarIndex
        self.table = table
    }

    subscript(utf8Offset: Int) -> Int { Int(table[min(max(0, utf8Offset), table.count - 1)]) }
}
