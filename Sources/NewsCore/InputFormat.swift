/// The shape an article arrived in; stored with its raw input so it can be parsed again later.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain text: the first line is the title, the rest the body.
    case plainText = "text"
    /// One JSON object, or an array of them.
    case json
    /// One JSON object per line.
    case jsonLines = "jsonl"
    /// A web page, from which the article is extracted.
    case html
}
