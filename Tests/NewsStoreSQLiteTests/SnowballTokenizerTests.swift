import CStemmer
import GRDB
import Testing

@testable import NewsStoreSQLite

@Suite("Snowball FTS5 tokenizer")
struct SnowballTokenizerTests {
    /// Tokens through the cached tokenizer equal libstemmer's own stems, over a vocabulary big enough to
    /// make cache slots collide many times, and a second pass (all from the cache) changes nothing.
    @Test func cachedStemsEqualDirectStems() throws {
        var seeded = SeededWords(seed: 42)
        let words = (0..<30_000).map { _ in seeded.next() } + ["running", "runs", "ran", "elections", "civilians"]
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            db.add(tokenizer: SnowballTokenizer.self)
            let tokenizer = try db.makeTokenizer(SnowballTokenizer.tokenizerDescriptor(arguments: ["english"]))
            let stemmer = try #require(sb_stemmer_new("english", "UTF_8"))
            defer { sb_stemmer_delete(stemmer) }
            let expected = words.map { word -> String in
                let bytes = Array(word.utf8)
                let stem = sb_stemmer_stem(stemmer, bytes, Int32(bytes.count))!
                return String(
                    decoding: UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
            }
            let text = words.joined(separator: " ")
            for pass in 1...2 {
                let tokens = try tokenizer.tokenize(document: text).map(\.token)
                #expect(tokens == expected, "pass \(pass)")
            }
            let folding = try db.makeTokenizer(SnowballTokenizer.tokenizerDescriptor(arguments: ["none"]))
            #expect(try folding.tokenize(document: "Élections RUNNING").map(\.token) == ["elections", "running"])
            #expect(try tokenizer.tokenize(query: "Running").map(\.token) == ["run"])
        }
    }
}

/// Deterministic lower-case pseudo-words of 2 to 40 letters (some longer than a cache slot).
struct SeededWords {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> String {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let length = Int(2 + (state >> 33) % 39)
        var word = ""
        for _ in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            word.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((state >> 40) % 26))))
        }
        return word + "ing"
    }
}
