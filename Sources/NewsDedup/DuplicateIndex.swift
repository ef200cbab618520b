internal import Foundation

/// How a new article relates to one already seen.
public enum DuplicateRelation: String, Sendable, Hashable, Codable {
    /// The same text (white space and case aside), or nearly all of it.
    case identical
    /// The same origin lightly rewritten: a wire story run with a new headline, a trimmed or extended copy.
    case wireCopy
    /// No earlier article shares its origin.
    case independent
}

/// What the index says of an article: its origin (the first article of its near-duplicate group) and why.
public struct DuplicateDecision: Sendable, Hashable {
    /// The article's own id.
    public var article: String
    /// The id of the first article of its origin (itself when independent).
    public var origin: String
    /// How it relates to the closest earlier article.
    public var relation: DuplicateRelation
    /// The closest earlier article, if any was a candidate.
    public var closest: String?
    /// The estimated Jaccard similarity of their shingles.
    public var similarity: Double
    /// Wire services the article credits.
    public var credits: [String]
}

/// Thresholds of the near-duplicate classification.
public struct DuplicateOptions: Sendable, Hashable, Codable {
    /// Estimated Jaccard at or above which two texts are the same text.
    public var identical = 0.9
    /// Estimated Jaccard at or above which two texts share an origin.
    public var wireCopy = 0.5
    /// Estimated Jaccard enough for a shared origin when both credit the same wire service.
    public var creditedCopy = 0.3

    /// The defaults.
    public init() {}
}

/// An article as the near-duplicate index keeps it: where it sits, its origin, its signature and credits.
public struct DuplicateEntry: Sendable, Hashable {
    /// Its position: the order it was added in, across every process that added to the index.
    public var position: Int32
    /// The article's id.
    public var id: String
    /// The position of the first article of its origin (its own when independent).
    public var origin: Int32
    /// The id of that article.
    public var originID: String
    /// Its MinHash signature.
    public var signature: MinHashSignature
    /// Wire services it credits.
    public var credits: [String]

    /// Creates an entry.
    public init(
        position: Int32, id: String, origin: Int32, originID: String, signature: MinHashSignature, credits: [String]
    ) {
        self.position = position
        self.id = id
        self.origin = origin
        self.originID = originID
        self.signature = signature
        self.credits = credits
    }

    /// The keys of its LSH buckets, one per band (each key says its band: keys of different bands differ).
    public var bandKeys: [UInt64] { DuplicateIndex.bandKeys(signature) }
}

/// Where an index finds the articles it did not add itself: a store's saved entries and LSH buckets.
public protocol DuplicateSource: AnyObject {
    /// The positions in `range` of the newest saved entries in the bucket `key`, newest first, at most `limit`.
    func positions(inBucket key: UInt64, in range: Range<Int32>, limit: Int) -> [Int32]
    /// The saved entries at these positions.
    func entries(at positions: [Int32]) -> [DuplicateEntry]
    /// `positions(inBucket:in:limit:)` for several buckets at once, each with its own limit, in order.
    func positions(inBuckets keys: [(key: UInt64, limit: Int)], in range: Range<Int32>) -> [[Int32]]
}

extension DuplicateSource {
    /// One question per bucket, for a source where a question costs no round trip.
    public func positions(inBuckets keys: [(key: UInt64, limit: Int)], in range: Range<Int32>) -> [[Int32]] {
        keys.map { positions(inBucket: $0.key, in: range, limit: $0.limit) }
    }
}

/// Near-duplicate detection with MinHash and LSH banding: 16 bands of 4 values, so pairs at Jaccard 0.5 meet
/// in some band with probability 0.65 and pairs at 0.8 with 0.9996, while a query reads a handful of buckets,
/// not the whole index. A value type: add articles, get decisions.
///
/// It holds every article itself, or works over a `DuplicateSource` (a store's saved entries), reading only the
/// buckets an article falls in and handing back the entries it added (`takeNewEntries()`); both decide alike.
public struct DuplicateIndex {
    static let bands = 16
    static let rows = MinHashSignature.count / bands
    /// The most articles a lookup reads in one bucket.
    static let maxWalk = 32
    /// How many of the latest articles a new one is compared with, by default: copies of a text appear within
    /// days of it (2^18 articles are two weeks of 20,000 a day), and a horizon keeps the buckets a store must
    /// search and update from growing with the archive.
    public static let defaultHorizon: Int32 = 1 << 18

    /// The options in use.
    public let options: DuplicateOptions
    /// How many of the latest articles a new one is compared with.
    public let horizon: Int32
    /// The saved entries, if any; positions below `base` are there.
    private let source: (any DuplicateSource)?
    private let base: Int32
    /// The entries added here, by position - base.
    private var entries: [DuplicateEntry] = []
    /// Entries read from the source, by position.
    private var loaded: [Int32: DuplicateEntry] = [:]
    /// How many of `entries` were handed out by `takeNewEntries()`.
    private var taken = 0
    /// Per band, the last entry added here whose band key is the key; `chains[band][position - base]` is the
    /// entry before it with the same key (-1 for none here). NB: most buckets hold one article, and an array
    /// per bucket would cost an allocation each.
    private var heads: [[UInt64: Int32]] = Array(repeating: [:], count: bands)
    private var chains: [[Int32]] = Array(repeating: [], count: bands)

    /// An empty index.
    public init(options: DuplicateOptions = DuplicateOptions(), horizon: Int32 = defaultHorizon) {
        self.options = options
        self.horizon = max(1, horizon)
        source = nil
        base = 0
    }

    /// An index over `count` saved entries, read from `source` as lookups need them.
    public init(
        options: DuplicateOptions = DuplicateOptions(), horizon: Int32 = defaultHorizon, count: Int,
        source: any DuplicateSource
    ) {
        self.options = options
        self.horizon = max(1, horizon)
        self.source = source
        base = Int32(count)
    }

    /// How many articles it holds.
    public var count: Int { Int(base) + entries.count }

    /// The oldest position the next article is compared with: a store may forget the buckets of older ones.
    public var oldestCompared: Int32 { max(0, Int32(count) - horizon) }

    /// The entries added since it was made or last asked, for a store to save.
    public mutating func takeNewEntries() -> [DuplicateEntry] {
        defer { taken = entries.count }
        return Array(entries[taken...])
    }

    /// Classifies an article against the earlier ones within the horizon and adds it.
    public mutating func add(id: String, text: String) -> DuplicateDecision {
        add(id: id, signature: MinHashSignature(text: text), credits: WireCredits.agencies(in: text))
    }

    /// Classifies an article given its signature and credits, and adds it.
    public mutating func add(
        id: String, signature: MinHashSignature, credits articleCredits: [String]
    )
        -> DuplicateDecision
    {
        let keys = Self.bandKeys(signature)
        let oldest = oldestCompared
        // The walk, band by band, newest first: entries added here along the chain, then saved ones.
        var walks: [[Int32]] = []
        walks.reserveCapacity(Self.bands)
        var wanted: [Int32] = []
        for band in 0..<Self.bands {
            var walk: [Int32] = []
            var candidate = heads[band][keys[band]] ?? -1
            // NB: a bucket holding thousands of near-identical texts (boilerplate syndicated everywhere) would
            // make every lookup walk them all; the newest few are as good a match, so a walk stops there.
            while candidate >= oldest, walk.count < Self.maxWalk {
                walk.append(candidate)
                candidate = chains[band][Int(candidate - base)]
            }
            walks.append(walk)
        }
        // The saved part of every band's walk in one question (a round trip per band was most of the lookup's
        // time on a server).
        if let source, oldest < base {
            let short = (0..<Self.bands).filter { walks[$0].count < Self.maxWalk }
            if !short.isEmpty {
                let saved = source.positions(
                    inBuckets: short.map { (keys[$0], Self.maxWalk - walks[$0].count) }, in: oldest..<base)
                for (band, positions) in zip(short, saved) {
                    walks[band] += positions
                    wanted += positions.filter { loaded[$0] == nil }
                }
            }
        }
        if let source, !wanted.isEmpty {
            for entry in source.entries(at: Array(Set(wanted)).sorted()) { loaded[entry.position] = entry }
        }
        var best: (entry: DuplicateEntry, similarity: Double)?
        var seen = Set<Int32>()
        for walk in walks {
            for candidate in walk where seen.insert(candidate).inserted {
                guard let entry = entry(at: candidate) else { continue }
                let similarity = signature.similarity(to: entry.signature)
                if similarity > best?.similarity ?? -1
                    || (similarity == best?.similarity && candidate < best!.entry.position)
                {
                    best = (entry, similarity)
                }
            }
        }
        let position = Int32(count)
        var relation = DuplicateRelation.independent
        var origin = (position: position, id: id)
        if let best {
            let sharesCredit = !Set(articleCredits).isDisjoint(with: best.entry.credits)
            if best.similarity >= options.identical {
                relation = .identical
            } else if best.similarity >= options.wireCopy || (sharesCredit && best.similarity >= options.creditedCopy) {
                relation = .wireCopy
            }
            if relation != .independent { origin = (best.entry.origin, best.entry.originID) }
        }
        entries.append(
            DuplicateEntry(
                position: position, id: id, origin: origin.position, originID: origin.id, signature: signature,
                credits: articleCredits))
        for band in 0..<Self.bands {
            chains[band].append(heads[band][keys[band]] ?? -1)
            heads[band][keys[band]] = position
        }
        return DuplicateDecision(
            article: id, origin: origin.id, relation: relation, closest: best?.entry.id,
            similarity: best?.similarity ?? 0, credits: articleCredits)
    }

    /// The entry at a position, added here or read from the source.
    private func entry(at position: Int32) -> DuplicateEntry? {
        position >= base ? entries[Int(position - base)] : loaded[position]
    }

    private enum CodingKeys: String, CodingKey {
        case options, ids, origins, credits, signatures
        /// Signatures as one hex string of little-endian UInt32s (schema 7's form).
        case packedSignatures
    }

    /// The index schema 7 saved as one JSON document, every entry pending in `takeNewEntries()`, so that a
    /// store can write it out once.
    public init(legacyState json: [UInt8]) throws(DuplicateStateError) {
        let state: LegacyState
        do {
            state = try JSONDecoder().decode(LegacyState.self, from: Data(json))
        } catch {
            throw DuplicateStateError(reason: "the saved near-duplicate index (schema 7) does not decode: \(error)")
        }
        let count = state.ids.count
        guard state.origins.count == count, state.credits.count == count else {
            throw DuplicateStateError(reason: "the saved near-duplicate index (schema 7) has arrays of unequal length")
        }
        let signatures: [MinHashSignature]
        if let packed = state.packedSignatures {
            let width = MinHashSignature.count * 8
            let hex = Array(packed.utf8)
            guard hex.count == count * width, let nibbles = Self.nibbles(hex) else {
                throw DuplicateStateError(
                    reason: "the saved near-duplicate index (schema 7): signatures do not match ids")
            }
            signatures = (0..<count).map { article in
                MinHashSignature(
                    values: (0..<MinHashSignature.count).map { index in
                        var value: UInt32 = 0
                        let base = article * width + index * 8
                        for byte in 0..<4 {
                            let high = UInt32(nibbles[base + byte * 2]), low = UInt32(nibbles[base + byte * 2 + 1])
                            value |= (high << 4 | low) << (8 * UInt32(byte))
                        }
                        return value
                    })
            }
        } else {
            signatures = state.signatures ?? []
        }
        guard signatures.count == count, state.origins.allSatisfy({ $0 >= 0 && Int($0) < count }) else {
            throw DuplicateStateError(reason: "the saved near-duplicate index (schema 7) does not hold together")
        }
        self.init(options: state.options)
        for position in 0..<count {
            let origin = state.origins[position]
            entries.append(
                DuplicateEntry(
                    position: Int32(position), id: state.ids[position], origin: origin,
                    originID: state.ids[Int(origin)],
                    signature: signatures[position], credits: state.credits[position]))
            let keys = Self.bandKeys(signatures[position])
            for band in 0..<Self.bands {
                chains[band].append(heads[band][keys[band]] ?? -1)
                heads[band][keys[band]] = Int32(position)
            }
        }
    }

    private struct LegacyState: Decodable {
        var options: DuplicateOptions
        var ids: [String]
        var origins: [Int32]
        var credits: [[String]]
        var packedSignatures: String?
        var signatures: [MinHashSignature]?
    }

    /// Hex digits as their values, or `nil` if one is not a hex digit.
    private static func nibbles(_ hex: [UInt8]) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: hex.count)
        for (index, digit) in hex.enumerated() {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): out[index] = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): out[index] = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        return out
    }

    /// One key per band: the band's values hashed together.
    static func bandKeys(_ signature: MinHashSignature) -> [UInt64] {
        (0..<bands).map { band in
            var key: UInt64 = UInt64(band)
            for row in 0..<rows { key = StableHash.mix(key ^ UInt64(signature.values[band * rows + row])) }
            return key
        }
    }
}

/// Why a saved near-duplicate index could not be read.
public struct DuplicateStateError: Error, Hashable, Sendable {
    /// What was wrong with it.
    public var reason: String
}
