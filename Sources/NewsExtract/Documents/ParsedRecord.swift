public import NewsCore

/// Where in an input a record was found, for messages such as `feed.jsonl:17: …`.
public enum RecordLocation: Sendable, Hashable, CustomStringConvertible {
    /// The whole input.
    case whole
    /// A line of a JSON Lines input, counted from 1.
    case line(Int)
    /// An element of a top-level JSON array, counted from 0.
    case element(Int)

    /// `"line 17"`, `"element 3"`, or `""` for the whole input, to put before a message.
    public var label: String {
        switch self {
        case .whole: ""
        case .line(let number): "line \(number)"
        case .element(let index): "element \(index)"
        }
    }

    /// `""`, `":17"` or `"[3]"`, to append to the input's name.
    public var description: String {
        switch self {
        case .whole: ""
        case .line(let number): ":\(number)"
        case .element(let index): "[\(index)]"
        }
    }
}

/// One record of an input: an article draft, or the reason it is not one, with warnings either way.
public struct ParsedRecord: Sendable, Hashable {
    /// Where it was.
    public var location: RecordLocation
    /// The draft, or why there is none.
    public var outcome: Result<ArticleDraft, ExtractionRejection>
    /// Things a person should know that did not stop the record: an ignored field, an unreadable date.
    public var warnings: [String]
    /// Whether the record's bytes were not valid UTF-8 and were decoded with the fallback charset (set by
    /// `ArticleParser.parseLine(_:number:)`; a whole document says so in `ParsedDocument.usedFallback`).
    public var usedFallback = false
    /// The record's own bytes, when it is not the whole input (a JSON Lines line, an array element), so a
    /// rejected record can be kept with its input.
    public var raw: [UInt8]?

    /// Creates a record.
    public init(location: RecordLocation, outcome: Result<ArticleDraft, ExtractionRejection>, warnings: [String] = []) {
        self.location = location
        self.outcome = outcome
        self.warnings = warnings
    }
}

/// What an input held: records, or one rejection for the whole input, and the charset it was read in.
public struct ParsedDocument: Sendable, Hashable {
    /// The records found, in input order; empty when `rejection` is set.
    public var records: [ParsedRecord]
    /// Why the input as a whole yielded nothing (empty, binary, unsupported), if it did.
    public var rejection: ExtractionRejection?
    /// The charset the input was decoded from, and whether it was the fallback.
    public var charset: String?
    /// Whether bytes were invalid UTF-8 and the fallback charset was used.
    public var usedFallback: Bool
    /// The format the input was read as (given, from its name, or sniffed).
    public var format: InputFormat?

    /// Creates a parsed document.
    public init(
        records: [ParsedRecord], rejection: ExtractionRejection? = nil, charset: String? = nil,
        usedFallback: Bool = false
    ) {
        self.records = records
        self.rejection = rejection
        self.charset = charset
        self.usedFallback = usedFallback
    }

    /// A document that is one rejection.
    public static func rejected(_ rejection: ExtractionRejection) -> ParsedDocument {
        ParsedDocument(records: [], rejection: rejection)
    }
}
