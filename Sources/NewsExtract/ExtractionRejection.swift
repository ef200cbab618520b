/// Why an input (or one record of it) did not become an article: an outcome, never a silent `nil`.
public enum ExtractionRejection: Error, Sendable, Hashable {
    /// Nothing but white space.
    case empty
    /// Looks like binary data: a NUL byte, or too many control characters, at `offset`.
    case binary(offset: Int)
    /// JSON that does not parse; `detail` is the parser's own words.
    case invalidJSON(detail: String)
    /// JSON that parses but is not an object (or array of objects).
    case notAnObject(found: String)
    /// A required field is absent or empty (`"title"`, `"text"`).
    case missingField(String)
    /// A field has a value of the wrong type.
    case wrongType(field: String, expected: String)
    /// A plain-text input with a title line and nothing after it.
    case noBody
    /// A web page with markup but no article text in it.
    case noContent
    /// A page nested deeper than any real page, refused before parsing.
    case tooDeep(depth: Int, limit: Int)
    /// A page whose main text is shorter than an article's.
    case tooShort(characters: Int, minimum: Int)
    /// A page that shows a login or subscription wall instead of the article.
    case loginWall
    /// A page that is not a news article (a listing, a product, a service page); the reason says why.
    case notAnArticle(String)
    /// One record (a JSON Lines line) longer than any article, skipped without being held in memory.
    case tooLarge(bytes: Int, limit: Int)

    /// A stable, machine-readable code, used in `--json` output and stored with the input.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .binary: "binary"
        case .invalidJSON: "invalid-json"
        case .notAnObject: "not-an-object"
        case .missingField: "missing-field"
        case .wrongType: "wrong-type"
        case .noBody: "no-body"
        case .noContent: "no-content"
        case .tooDeep: "too-deep"
        case .tooShort: "too-short"
        case .loginWall: "login-wall"
        case .notAnArticle: "not-an-article"
        case .tooLarge: "too-large"
        }
    }

    /// One line for a person: what is wrong, without the input's name (the shell adds it).
    public var reason: String {
        switch self {
        case .empty: "empty input: nothing but white space"
        case .binary(let offset): "binary data, not text (control byte at offset \(offset))"
        case .invalidJSON(let detail): "invalid JSON: \(detail)"
        case .notAnObject(let found): "expected a JSON object with \"title\" and \"text\", found \(found)"
        case .missingField(let field): "no \"\(field)\" (or it is empty)"
        case .wrongType(let field, let expected): "\"\(field)\" should be \(expected)"
        case .noBody: "only a title line, no body text after it"
        case .noContent: "no article text found in the page"
        case .tooDeep(let depth, let limit):
            "elements nested more than \(limit) deep (at least \(depth)): not a real page"
        case .tooShort(let characters, let minimum):
            "main text has \(characters) characters, fewer than the \(minimum) of an article"
        case .loginWall: "a login or subscription wall, not the article"
        case .notAnArticle(let why): "not a news article: \(why)"
        case .tooLarge(let bytes, let limit):
            "over \(bytes >> 20) MiB in one record (the limit is \(limit >> 20) MiB); split it into one article per line"
        }
    }
}
