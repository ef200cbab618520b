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

/// Near-duplicate detection with MinHash and LSH banding: 16 bands of 4 values, so pairs at Jaccard 0.5 meet
/// in some band with probability 0.65 and pairs at 0.8 with 0.9996, while a query reads a handful of buckets,
/// not the whole index. A value type: add articles, get decisions.
public struct DuplicateIndex: Sendable, Codable {
    static let bands = 16
    static let rows = MinHashSignature.count / bands
    /// The most articles a lookup reads in one bucket.
    static let maxWalk = 32

    /// The options in use.
    public let options: DuplicateOptions
    private var ids: [String] = []
    private var origins: [Int32] = []
    private var signatures: [MinHashSignature] = []
    private var credits: [[String]] = []
    /// Per band, the last article whose band key is the key; `chains[band][article]` is the article before it
    /// with the same key (-1 for none). NB: most buckets hold one article, and an array per bucket would cost
    /// an allocation each.
    private var heads: [[UInt64: Int32]] = Array(repeating: [:], count: bands)
    private var chains: [[Int32]] = Array(repeating: [], count: bands)

    /// An empty index.
    public init(options: DuplicateOptions = DuplicateOptions()) {
        self.options = options
    }

    /// How many articles it holds.
    public var count: Int { ids.count }

    /// Classifies an article against every earlier one and adds it.
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
        var best: (index: Int32, similarity: Double)?
        var seen = Set<Int32>()
        for band in 0..<Self.bands {
            var candidate = heads[band][keys[band]] ?? -1
            // NB: a bucket holding thousands of near-identical texts (boilerplate syndicated everywhere) would
            // make every lookup walk them all; the newest few are as good a match, so a walk stops there.
            var walked = 0
            while candidate >= 0, walked < Self.maxWalk {
                walked += 1
                if seen.insert(candidate).inserted {
                    let similarity = signature.similarity(to: signatures[Int(candidate)])
                    if similarity > best?.similarity ?? -1
                        || (similarity == best?.similarity && candidate < best!.index)
                    {
                        best = (candidate, similarity)
                    }
                }
                candidate = chains[band][Int(candidate)]
            }
        }
        let position = Int32(ids.count)
        var relation = DuplicateRelation.independent
        var origin = position
        if let best {
            let sharesCredit = !Set(articleCredits).isDisjoint(with: credits[Int(best.index)])
            if best.similarity >= options.identical {
                relation = .identical
            } else if best.similarity >= options.wireCopy || (sharesCredit && best.similarity >= options.creditedCopy) {
                relation = .wireCopy
            }
            if relation != .independent { origin = origins[Int(best.index)] }
        }
        ids.append(id)
        origins.append(origin)
        signatures.append(signature)
        credits.append(articleCredits)
        for band in 0..<Self.bands {
            chains[band].append(heads[band][keys[band]] ?? -1)
            heads[band][keys[band]] = position
        }
        return DuplicateDecision(
            article: id, origin: ids[Int(origin)], relation: relation, closest: best.map { ids[Int($0.index)] },
            similarity: best?.similarity ?? 0, credits: articleCredits)
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
