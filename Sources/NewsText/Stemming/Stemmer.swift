internal import CStemmer
public import NewsCore

/// A Snowball stemmer for one language. Not thread-safe (libstemmer keeps state): one per task.
public final class Stemmer {
    /// The language it stems.
    public let language: LanguageCode
    private let stemmer: OpaquePointer
    private var cache: [String: String] = [:]

    /// A stemmer for `language`, or `nil` when Snowball has no algorithm for it.
    public init?(language: LanguageCode) {
        guard let algorithm = language.snowballAlgorithm, let stemmer = sb_stemmer_new(algorithm, "UTF_8") else {
            return nil
        }
        self.language = language
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of `word`, lower-cased first (Snowball expects lower case).
    public func stem(_ word: String) -> String {
        let lowered = word.lowercased()
        if let cached = cache[lowered] { return cached }
        let bytes = Array(lowered.utf8)
        let stem: String
        if let out = sb_stemmer_stem(stemmer, bytes, Int32(bytes.count)) {
            stem = String(
                decoding: UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
        } else {
            stem = lowered
        }
        // NB: news vocabulary is Zipfian; a bounded cache keeps memory flat on a long-running server.
        if cache.count > 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[lowered] = stem
        return stem
    }
}
