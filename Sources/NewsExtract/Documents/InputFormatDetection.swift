public import NewsCore

extension InputFormat {
    /// The format a file name's extension names (`.txt`, `.json`, `.jsonl`, `.ndjson`), or `nil`.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        guard let dot = lowered.lastIndex(of: "."), !lowered[dot...].contains("/") else { return nil }
        switch lowered[lowered.index(after: dot)...] {
        case "txt", "text", "md": self = .plainText
        case "json": self = .json
        case "jsonl", "ndjson", "jsonlines": self = .jsonLines
        case "html", "htm", "xhtml", "shtml": self = .html
        default: return nil
        }
    }

    /// Guesses the format from content: `[` is JSON; `{` is JSON Lines when the first line is a whole object
    /// and another line follows, else JSON; anything else is plain text.
    public init(sniffing bytes: some Collection<UInt8>) {
        let significant = bytes.drop(while: { Self.isJSONSpace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
        switch significant.first {
        case UInt8(ascii: "["): self = .json
        case UInt8(ascii: "{"):
            let lines = significant.split(separator: UInt8(ascii: "\n"), maxSplits: 1)
            let firstLine = lines.first.map { Array($0) } ?? []
            let hasMore = lines.count > 1 && lines[1].contains(where: { !Self.isJSONSpace($0) })
            self = hasMore && JSONArticleReader.isCompleteObject(firstLine) ? .jsonLines : .json
        default:
            let head = String(decoding: significant.prefix(1024), as: UTF8.self)
            self = ArticleParser.looksLikeHTML(head) ? .html : .plainText
        }
    }

    static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
