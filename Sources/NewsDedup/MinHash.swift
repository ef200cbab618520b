/// A MinHash signature: for each of `count` fixed hash functions, the smallest hash over a text's shingles.
/// Two signatures agree at a position with probability equal to the texts' Jaccard similarity.
public struct MinHashSignature: Sendable, Hashable, Codable {
    /// The minima, one per hash function (32 bits each: enough to estimate, half the memory).
    public var values: [UInt32]

    /// The algorithm identifier stored with signatures; a change of shingles or hashes takes a new one.
    public static let algorithm = "minhash-64x32-multiplyshift-shingle5-fnv1a.v1"
    /// Hash functions per signature.
    public static let count = 64

    /// The fixed multipliers (odd) and offsets of the hash functions, drawn with SplitMix64 from 0x5EED: part
    /// of the algorithm's definition. Shingle hashes are already mixed, so multiply-shift hashing suffices.
    static let multipliers: [UInt64] = (0..<count).map { StableHash.mix(0x5EED &+ UInt64($0)) | 1 }
    static let offsets: [UInt64] = (0..<count).map { StableHash.mix(0xFACE &+ UInt64($0)) }

    /// The signature of a set of shingle hashes (empty text: every value is the maximum).
    public init(shingles: [UInt64]) {
        var minima = [UInt32](repeating: .max, count: Self.count)
        Self.multipliers.withUnsafeBufferPointer { multipliers in
            Self.offsets.withUnsafeBufferPointer { offsets in
                minima.withUnsafeMutableBufferPointer { minima in
                    for shingle in shingles {
                        for index in 0..<Self.count {
                            let value = UInt32(
                                truncatingIfNeeded: (shingle &* multipliers[index] &+ offsets[index]) >> 32)
                            if value < minima[index] { minima[index] = value }
                        }
                    }
                }
            }
        }
        values = minima
    }

    /// A signature from its values (as saved).
    public init(values: [UInt32]) { self.values = values }

    /// The signature of a text.
    public init(text: String) {
        self.init(shingles: Shingles.hashes(of: text))
    }

    /// The share of positions where both agree: an estimate of the texts' Jaccard similarity.
    public func similarity(to other: MinHashSignature) -> Double {
        var same = 0
        for index in values.indices where values[index] == other.values[index] { same += 1 }
        return Double(same) / Double(values.count)
    }
}
