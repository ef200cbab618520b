public import Foundation
internal import NewsCore

/// The attribution tagger's weights: a linear model over token features with label transitions, decoded by
/// Viterbi per sentence. Learned by `AttributionTraining` (from PolNeAR train, for the bundled model).
public struct AttributionModel: Sendable {
    /// Feature keys fold into `1 << bucketBits` buckets (the hashing trick, as in training, so colliding features
    /// share a weight the model learned to live with): a lookup is one load with no key to compare.
    static let bucketBits = 16

    /// Each bucket's seven weights, one signed byte each in units of `scale`.
    let buckets: [UInt64]
    /// Transition weights, from-label × to-label, in units of `scale`.
    let transitions: [Int16]
    /// The transitions as the emission sums' type.
    let widenedTransitions: [Int32]
    /// The size of a weight unit.
    let scale: Float
    /// Words (hashed) that were cues in training often enough to count as attribution words.
    let cueLexicon: Set<UInt64>
    /// The same, for lookups per token.
    let cueWords: WordHashSet
    /// The number of buckets with a weight.
    public let featureCount: Int

    private static let magic: [UInt8] = Array("CAT2".utf8)

    /// A model of per-bucket `weights` (`AttributionLabel.count` each), each rounded to 1/127 of the largest; a
    /// bucket whose weights all round below `minimumUnits` is emptied (it changes no decision a larger weight
    /// does not make).
    init(weights: [Float], transitions: [Float], cueLexicon: Set<UInt64>, minimumUnits: Int = 1) {
        let labels = AttributionLabel.count
        let largest = max(weights.lazy.map(abs).max() ?? 1, transitions.lazy.map(abs).max() ?? 1, 1e-6)
        let scale = largest / 127
        var buckets = [UInt64](repeating: 0, count: 1 << Self.bucketBits)
        var kept = 0
        for bucket in 0..<min(buckets.count, weights.count / labels) {
            let quantised = (0..<labels).map { Int8(clamping: Int((weights[bucket * labels + $0] / scale).rounded())) }
            guard quantised.contains(where: { abs(Int($0)) >= max(1, minimumUnits) }) else { continue }
            buckets[bucket] = Self.pack(quantised)
            kept += 1
        }
        self.buckets = buckets
        self.transitions = transitions.map { Int16(clamping: Int(($0 / scale).rounded())) }
        widenedTransitions = self.transitions.map(Int32.init)
        self.scale = scale
        self.cueLexicon = cueLexicon
        cueWords = WordHashSet(cueLexicon)
        featureCount = kept
    }

    private init(buckets: [UInt64], transitions: [Int16], scale: Float, cueLexicon: Set<UInt64>) {
        self.buckets = buckets
        self.transitions = transitions
        widenedTransitions = transitions.map(Int32.init)
        self.scale = scale
        self.cueLexicon = cueLexicon
        cueWords = WordHashSet(cueLexicon)
        featureCount = buckets.lazy.filter { $0 != 0 }.count
    }

    private static func pack(_ weights: [Int8]) -> UInt64 {
        var packed: UInt64 = 0
        for (label, weight) in weights.enumerated() { packed |= UInt64(UInt8(bitPattern: weight)) << (8 * label) }
        return packed
    }

    /// The model encoded as bytes: a header, the cue lexicon, the transitions, then every non-empty bucket's
    /// number and weights.
    public func encoded() -> Data {
        var data = Data(Self.magic)
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data += $0 } }
        put(scale.bitPattern)
        put(UInt32(cueLexicon.count))
        for word in cueLexicon.sorted() { put(word) }
        for weight in transitions { put(weight) }
        put(UInt32(featureCount))
        for (bucket, weights) in buckets.enumerated() where weights != 0 {
            put(UInt32(bucket))
            for label in 0..<AttributionLabel.count { data.append(UInt8(truncatingIfNeeded: weights >> (8 * label))) }
        }
        return data
    }

    /// Reads a model `encoded()` wrote; `nil` when the bytes are not one.
    public init?(encoded data: Data) {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.magic) else { return nil }
        var reader = ByteReader(bytes: bytes, offset: Self.magic.count)
        func take<T: FixedWidthInteger>(_ type: T.Type) -> T? { reader.integer(type) }
        guard let scaleBits = take(UInt32.self), let lexiconCount = take(UInt32.self) else { return nil }
        var lexicon = Set<UInt64>()
        for _ in 0..<lexiconCount {
            guard let word = take(UInt64.self) else { return nil }
            lexicon.insert(word)
        }
        var transitions: [Int16] = []
        for _ in 0..<(AttributionLabel.count * AttributionLabel.count) {
            guard let weight = take(Int16.self) else { return nil }
            transitions.append(weight)
        }
        guard let count = take(UInt32.self) else { return nil }
        var buckets = [UInt64](repeating: 0, count: 1 << Self.bucketBits)
        for _ in 0..<count {
            guard let bucket = take(UInt32.self), Int(bucket) < buckets.count,
                let weights = reader.bytes(AttributionLabel.count)
            else { return nil }
            buckets[Int(bucket)] = Self.pack(weights.map { Int8(bitPattern: $0) })
        }
        guard reader.isAtEnd else { return nil }
        self.init(buckets: buckets, transitions: transitions, scale: Float(bitPattern: scaleBits), cueLexicon: lexicon)
    }

    /// The model shipped with the analysis (`Generated/AttributionModelData.swift`).
    public static let bundled: AttributionModel? = Data(base64Encoded: AttributionModelData.base64).flatMap {
        AttributionModel(encoded: $0)
    }

    /// The bucket of a feature key.
    @inline(__always)
    static func bucket(of key: UInt32) -> Int { Int(key) & ((1 << bucketBits) - 1) }

    /// Whether any token of `sentence` has a word the model leans towards opening a cue with: a sentence
    /// without one gets no cue from the full model either (checked on PolNeAR dev), so it need not be tagged.
    func mayHoldCue(_ sentence: Range<Int>, _ features: AttributionFeatures) -> Bool {
        sentence.contains { index in
            let packed = buckets[Self.bucket(of: features.wordKey(index))]
            return Int8(truncatingIfNeeded: packed >> (8 * UInt64(AttributionLabel.beginCue.rawValue))) > 0
        }
    }

    /// The best label sequence for tokens whose features are `keys` (`perToken` each): the path `viterbi` finds
    /// over the summed emissions, ties broken the same way, each token's sums made and used in one step.
    func decode(_ keys: [UInt32], perToken: Int) -> [AttributionLabel] {
        let count = keys.count / perToken
        guard count > 0 else { return [] }
        let labels = AttributionLabel.count
        let floor = Int32.min / 4
        var back = [Int8](repeating: 0, count: count * labels)
        var path = [AttributionLabel](repeating: .outside, count: count)
        keys.withUnsafeBufferPointer { keys in
            buckets.withUnsafeBufferPointer { buckets in
                widenedTransitions.withUnsafeBufferPointer { transitions in
                    back.withUnsafeMutableBufferPointer { back in
                        var scores = [Int32](repeating: 0, count: 3 * labels)
                        scores.withUnsafeMutableBufferPointer { scores in
                            Self.decode(
                                count: count, perToken: perToken, keys: keys.baseAddress!,
                                buckets: buckets.baseAddress!,
                                transitions: transitions.baseAddress!, back: back.baseAddress!,
                                scores: scores.baseAddress!, floor: floor, path: &path)
                        }
                    }
                }
            }
        }
        return path
    }

    /// `decode`'s loop over raw buffers: `scores` holds the token's emissions, the best scores so far and the
    /// next token's (`labels` each).
    @inline(__always)
    private static func decode(
        count: Int, perToken: Int, keys: UnsafePointer<UInt32>, buckets: UnsafePointer<UInt64>,
        transitions: UnsafePointer<Int32>, back: UnsafeMutablePointer<Int8>, scores: UnsafeMutablePointer<Int32>,
        floor: Int32, path: inout [AttributionLabel]
    ) {
        let labels = AttributionLabel.count
        let emission = scores
        var best = scores + labels
        var next = scores + 2 * labels
        func emissions(_ token: Int) {
            // NB: sixteen bits hold any token's sum (at most `perToken` × 127 per label).
            var lanes = SIMD8<Int16>()
            let row = keys + token * perToken
            for feature in 0..<perToken {
                let packed = buckets[Self.bucket(of: row[feature])]
                lanes &+= SIMD8<Int16>(truncatingIfNeeded: unsafeBitCast(packed, to: SIMD8<Int8>.self))
            }
            for label in 0..<labels { emission[label] = Int32(lanes[label]) }
        }
        emissions(0)
        for label in 0..<labels { best[label] = label == 0 || label % 2 == 1 ? emission[label] : floor }
        for token in 1..<max(1, count) {
            emissions(token)
            let from = back + token * labels
            var top = floor
            for label in 0..<labels {
                // An inside label continues its own part: only its begin label and itself may precede it.
                let inside = label != 0 && label % 2 == 0
                var previous = inside ? label - 1 : 0
                let last = inside ? label : labels - 1
                var high = floor
                var argument = 0
                while previous <= last {
                    let total = best[previous] &+ transitions[previous * labels + label]
                    if best[previous] != floor, total > high {
                        high = total
                        argument = previous
                    }
                    previous += 1
                }
                // A label no path reaches stays at the floor, as in `viterbi`.
                next[label] = high == floor ? floor : high &+ emission[label]
                from[label] = Int8(argument)
                if next[label] != floor { top = max(top, next[label]) }
            }
            // Scores kept near zero, so no sentence is long enough to sink a path to the floor; a shift shared
            // by every reachable label changes no comparison.
            for label in 0..<labels where next[label] != floor { next[label] &-= top }
            swap(&best, &next)
        }
        var label = 0
        for candidate in 1..<labels where best[candidate] > best[label] { label = candidate }
        for token in stride(from: count - 1, through: 0, by: -1) {
            path[token] = AttributionLabel(rawValue: label)!
            label = Int(back[token * labels + label])
        }
    }

    /// Transitions an inside label may not take: it only continues its own part.
    static let forbidden: [Bool] = AttributionLabel.allCases.flatMap { from in
        AttributionLabel.allCases.map { !from.allows($0) }
    }

    /// The highest-scoring label sequence where an inside label only continues its own part and none opens the
    /// sentence. `emissions` holds `count` × labels scores, `transitions` from-label × to-label.
    static func viterbi<Score: Comparable & AdditiveArithmetic>(
        count: Int, emissions: [Score], transitions: [Score], lowest: Score
    ) -> [AttributionLabel] {
        let labels = AttributionLabel.count
        guard count > 0 else { return [] }
        let forbidden = Self.forbidden
        var best = [Score](repeating: lowest, count: count * labels)
        var back = [Int8](repeating: 0, count: count * labels)
        for label in 0..<labels where label == 0 || label % 2 == 1 { best[label] = emissions[label] }
        for token in 1..<max(1, count) {
            let row = token * labels
            let previousRow = row - labels
            for label in 0..<labels {
                var top = lowest
                var from = 0
                for previous in 0..<labels where !forbidden[previous * labels + label] {
                    guard best[previousRow + previous] != lowest else { continue }
                    let total = best[previousRow + previous] + transitions[previous * labels + label]
                    if total > top {
                        top = total
                        from = previous
                    }
                }
                // NB: a forbidden path stays at the floor instead of sinking below it (no overflow for integers).
                best[row + label] = top == lowest ? lowest : top + emissions[row + label]
                back[row + label] = Int8(from)
            }
        }
        let lastRow = (count - 1) * labels
        var label = 0
        for candidate in 1..<labels where best[lastRow + candidate] > best[lastRow + label] { label = candidate }
        var path = [AttributionLabel](repeating: .outside, count: count)
        for token in stride(from: count - 1, through: 0, by: -1) {
            path[token] = AttributionLabel(rawValue: label)!
            label = Int(back[token * labels + label])
        }
        return path
    }
}
