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

    private enum CodingKeys: String, CodingKey {
        case options, ids, origins, credits, signatures
        /// Signatures as one hex string of little-endian UInt32s: one JSON value instead of 64 numbers per
        /// article, so encoding the state of 20,000 articles no longer builds millions of boxed numbers.
        case packedSignatures
    }

    /// Reads the packed form, or the older form with one number per value; the band buckets are rebuilt
    /// rather than stored (they follow from the signatures).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        options = try container.decode(DuplicateOptions.self, forKey: .options)
        ids = try container.decode([String].self, forKey: .ids)
        origins = try container.decode([Int32].self, forKey: .origins)
        credits = try container.decode([[String]].self, forKey: .credits)
        if let packed = try container.decodeIfPresent(String.self, forKey: .packedSignatures) {
            let width = MinHashSignature.count * 8
            let hex = Array(packed.utf8)
            guard hex.count == ids.count * width, let nibbles = Self.nibbles(hex) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .packedSignatures, in: container, debugDescription: "signature bytes do not match ids")
            }
            signatures = (0..<ids.count).map { article in
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
            signatures = try container.decode([MinHashSignature].self, forKey: .signatures)
        }
        guard origins.count == ids.count, credits.count == ids.count, signatures.count == ids.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .ids, in: container, debugDescription: "the index's arrays differ in length")
        }
        for (position, signature) in signatures.enumerated() {
            let keys = Self.bandKeys(signature)
            for band in 0..<Self.bands {
                chains[band].append(heads[band][keys[band]] ?? -1)
                heads[band][keys[band]] = Int32(position)
            }
        }
    }

    /// Writes the packed form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(options, forKey: .options)
        try container.encode(ids, forKey: .ids)
        try container.encode(origins, forKey: .origins)
        try container.encode(credits, forKey: .credits)
        let digits = Array("0123456789abcdef".utf8)
        var packed = [UInt8]()
        packed.reserveCapacity(signatures.count * MinHashSignature.count * 8)
        for signature in signatures {
            for value in signature.values {
                for byte in 0..<4 {
                    let octet = Int(value >> (8 * UInt32(byte)) & 0xFF)
                    packed += [digits[octet >> 4], digits[octet & 0xF]]
                }
            }
        }
        try container.encode(String(decoding: packed, as: UTF8.self), forKey: .packedSignatures)
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
