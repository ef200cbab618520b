public import NewsCore

/// Values given by the user for records that do not carry their own (`corroborate add --source VOA`).
public struct ArticleDefaults: Sendable, Hashable {
    /// The outlet, for records without a source.
    public var source: String?
    /// The language, for records without one.
    public var language: LanguageCode?
    /// Whether a record without a title is rejected: a stored article needs a headline, while `cluster`
    /// groups bare texts (dumps of snippets) as they are.
    public var requiresTitle = true

    /// Creates defaults; `nil` leaves the field unknown.
    public init(source: String? = nil, language: LanguageCode? = nil) {
        self.source = source
        self.language = language
    }
}
