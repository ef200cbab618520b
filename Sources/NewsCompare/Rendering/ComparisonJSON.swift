public import Foundation

/// The comparison as the JSON document `corroborate.story.v1` (docs/JSON.md): sorted keys, ISO 8601 dates.
public enum ComparisonJSON {
    /// The document's bytes.
    public static func encode(_ comparison: StoryComparison, pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        // NB: the comparison is plain values (no non-finite numbers: intervals are not encoded), so this
        // cannot fail; a failure is a programming error.
        return try! encoder.encode(comparison)
    }

    /// Reads a document back.
    public static func decode(_ data: Data) throws -> StoryComparison {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(StoryComparison.self, from: data)
    }
}
