public import NewsCore
public import NewsExtract

/// How `FileIngestor` reads inputs and writes them.
public struct IngestOptions: Sendable {
    /// The default size cap: 100 MiB. Larger files are refused before any byte is read.
    public static let defaultMaxFileBytes = 100 * 1024 * 1024

    /// The largest JSON Lines record: 16 MiB, a thousand times a long article with its page. A longer line is
    /// rejected as it streams past, so one bad line never holds gigabytes.
    public static let maxRecordBytes = 16 * 1024 * 1024

    /// Files (and standard input) larger than this are refused as a whole.
    public var maxFileBytes: Int
    /// The longest JSON Lines line read: `maxRecordBytes`, or the file cap when that is smaller.
    public var maxLineBytes: Int { min(maxFileBytes, Self.maxRecordBytes) }
    /// Articles per write transaction.
    public var batchSize: Int
    /// Read every input as this format instead of guessing from its name and content.
    public var format: InputFormat?
    /// How bytes become article drafts.
    public var parser: ArticleParser

    /// Creates options with the documented defaults.
    public init(
        maxFileBytes: Int = IngestOptions.defaultMaxFileBytes, batchSize: Int = 2_000, format: InputFormat? = nil,
        parser: ArticleParser = ArticleParser()
    ) {
        self.maxFileBytes = maxFileBytes
        self.batchSize = max(batchSize, 1)
        self.format = format
        self.parser = parser
    }
}
