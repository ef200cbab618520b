internal import CStemmer
internal import Foundation
internal import GRDB

/// An FTS5 tokenizer that runs SQLite's `unicode61` (lower-casing, diacritics removed) and stems each token
/// with Snowball: `tokenize='snowball spanish'` makes "elecciones" find "elección". `snowball none`
/// only folds.
///
/// NB: works on the C buffers directly instead of GRDB's `FTS5WrapperTokenizer`, which builds two Swift
/// strings per token; indexing is the hot path of `corroborate add`.
final class SnowballTokenizer: FTS5CustomTokenizer {
    static let name = "snowball"

    /// The argument for an index that folds without stemming.
    static let noStemming = "none"

    private let wrapped: any FTS5Tokenizer
    /// `nil` when the index does not stem.
    private let stemmer: OpaquePointer?
    private let cache = StemCache()

    init(db: Database, arguments: [String]) throws {
        wrapped = try db.makeTokenizer(.unicode61())
        let algorithm = arguments.first ?? Self.noStemming
        if algorithm == Self.noStemming {
            stemmer = nil
        } else if let stemmer = sb_stemmer_new(algorithm, "UTF_8") {
            self.stemmer = stemmer
        } else {
            throw DatabaseError(message: "libstemmer has no Snowball algorithm named '\(algorithm)'")
        }
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
        cache.deallocate()
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
        nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        // A prefix query ("elec*") must stay as typed: its stem would no longer be a prefix of the stems.
        guard let stemmer, !tokenization.contains(.prefix) else {
            return wrapped.tokenize(
                context: context, tokenization: tokenization, pText: pText, nText: nText, tokenCallback: tokenCallback)
        }
        var relay = StemmingRelay(stemmer: stemmer, cache: cache, context: context, callback: tokenCallback)
        return relay(tokenization, pText, nText, wrapped)
    }
}

extension StemmingRelay {
    /// Runs the wrapped tokenizer with a C callback that stems each token (through the cache) and hands it on.
    fileprivate mutating func callAsFunction(
        _ tokenization: FTS5Tokenization, _ pText: UnsafePointer<CChar>?, _ nText: CInt, _ wrapped: any FTS5Tokenizer
    ) -> CInt {
        withUnsafeMutablePointer(to: &self) { relayPointer in
            wrapped.tokenize(context: relayPointer, tokenization: tokenization, pText: pText, nText: nText) {
                relayPointer, flags, pToken, nToken, start, end in
                let relay = relayPointer!.assumingMemoryBound(to: StemmingRelay.self).pointee
                guard let pToken, nToken > 0 else {
                    return relay.callback(relay.context, flags, pToken, nToken, start, end)
                }
                return pToken.withMemoryRebound(to: UInt8.self, capacity: Int(nToken)) { token in
                    if let (cached, length) = relay.cache.lookup(token, Int(nToken)) {
                        return cached.withMemoryRebound(to: CChar.self, capacity: length) {
                            relay.callback(relay.context, flags, $0, CInt(length), start, end)
                        }
                    }
                    guard let stem = sb_stemmer_stem(relay.stemmer, token, nToken) else {
                        return 7  // SQLITE_NOMEM: libstemmer's only failure
                    }
                    let length = sb_stemmer_length(relay.stemmer)
                    relay.cache.store(token, Int(nToken), stem: stem, Int(length))
                    return stem.withMemoryRebound(to: CChar.self, capacity: Int(length)) {
                        relay.callback(relay.context, flags, $0, length, start, end)
                    }
                }
            }
        }
    }
}

/// What the C callback needs to stem a token and hand it on to SQLite.
private struct StemmingRelay {
    let stemmer: OpaquePointer
    let cache: StemCache
    let context: UnsafeMutableRawPointer?
    let callback: FTS5TokenCallback
}
