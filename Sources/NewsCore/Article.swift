public import Foundation

/// A stored article, as listings and searches return it (without its raw input, which is fetched apart).
public struct Article: Sendable, Hashable, Identifiable {
    /// The store's id.
    public var id: ArticleID
    /// The headline.
    public var title: String
    /// The clean body text, paragraphs separated by blank lines.
    public var text: String
    /// The outlet's name, if known.
    public var source: String?
    /// Where it was published, if known.
    public var url: String?
    /// When it was published, if known.
    public var published: Date?
    /// When it entered this store.
    public var ingested: Date
    /// Its language, if known.
    public var language: LanguageCode?
    /// Its authors.
    public var authors: [String]
    /// The identity it was deduplicated on.
    public var contentHash: ContentHash
    /// The shape of its raw input.
    public var format: InputFormat
    /// The charset its raw input was decoded from.
    public var charset: String
    /// The file (or `-` for standard input) it was added from.
    public var inputName: String

    /// Creates a stored article value.
    public init(
        id: ArticleID, title: String, text: String, source: String?, url: String?, published: Date?,
        ingested: Date, language: LanguageCode?, authors: [String], contentHash: ContentHash,
        format: InputFormat, charset: String, inputName: String
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.source = source
        self.url = url
        self.published = published
        self.ingested = ingested
        self.language = language
        self.authors = authors
        self.contentHash = contentHash
        self.format = format
        self.charset = charset
        self.inputName = inputName
    }

    /// The number of words in the text, counted as runs of letters or digits.
    public var wordCount: Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }
}
