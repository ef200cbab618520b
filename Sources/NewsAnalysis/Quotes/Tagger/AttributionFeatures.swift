internal import NewsCore
internal import NewsText

/// Stable 64-bit hashes (FNV-1a, then a SplitMix finaliser): the model's feature keys must be the same in
/// every process and on every machine, which Swift's seeded `Hasher` is not.
enum StableHash {
    static func of(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { fnv1a($0[...]) }
    }

    /// The hash of the last `scalars` Unicode scalars of `string`.
    static func suffix(_ string: String, scalars: Int) -> UInt64 {
        var string = string
        return string.withUTF8 { bytes in
            var start = bytes.count
            var taken = 0
            while start > 0, taken < scalars {
                start -= 1
                if bytes[start] & 0xC0 != 0x80 { taken += 1 }
            }
            return fnv1a(bytes[start...])
        }
    }

    @inline(__always)
    private static func fnv1a(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9e37_79b9_7f4a_7c15 &+ (b &* 0xbf58_476d_1ce4_e5b9)
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// A set of word hashes, open-addressed: the hashes are already well mixed, so a lookup is a mask and a compare
/// (a `Set<UInt64>` would hash each again).
struct WordHashSet: Sendable {
    private let slots: [UInt64]

    init(_ words: some Collection<UInt64>) {
        var capacity = 16
        while capacity < words.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        for word in words where word != 0 {
            var slot = Int(truncatingIfNeeded: word) & (capacity - 1)
            while slots[slot] != 0, slots[slot] != word { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = word
        }
        self.slots = slots
    }

    func contains(_ word: UInt64) -> Bool {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: word) & mask
        while true {
            let found = slots[slot]
            if found == word { return true }
            if found == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}

/// The token labels the attribution tagger assigns: outside, or the beginning or inside of a source, a cue
/// or a content span.
enum AttributionLabel: Int, CaseIterable {
    case outside, beginSource, insideSource, beginCue, insideCue, beginContent, insideContent

    static let count = 7

    /// Whether `next` may follow `self`: an inside label continues its own part only.
    func allows(_ next: AttributionLabel) -> Bool {
        switch next {
        case .insideSource: self == .beginSource || self == .insideSource
        case .insideCue: self == .beginCue || self == .insideCue
        case .insideContent: self == .beginContent || self == .insideContent
        default: true
        }
    }

    /// Which part the label belongs to (0 none, 1 source, 2 cue, 3 content).
    var part: Int { (rawValue + 1) / 2 }
}

/// The tagger's view of one article: per-token hashes and classes computed once, then the features of
/// each token of a sentence as 32-bit keys (a template number mixed with what it reads).
final class AttributionFeatures {
    let context: AnalysisContext
    /// Each token's word hash.
    private let word: [UInt64]
    /// Each token's last three letters, hashed.
    private let suffix: [UInt64]
    /// Each token's shape: 0 lower, 1 capitalised, 2 all capitals, 3 digits, 4 punctuation, 5 quote mark.
    private let shape: [UInt8]
    /// Each token's word classes the lists know (speech, cue, stance, role, …), as one small number.
    private let classes: [UInt64]
    /// Each token's entity kind (0 none, 1 person, 2 organisation, 3 place, 4 other, 5 pronoun).
    private let mention: [UInt8]
    /// Whether each token is inside quote marks.
    private let quoted: [Bool]
    /// Whether each token is an attribution word: in the language's lists or in the model's cue lexicon.
    private let cueLike: [Bool]

    /// Whether the word at `index` is one that attributes: a word of saying or stance, or a cue the model's
    /// training saw often, outside quote marks.
    func isCueLike(_ index: Int) -> Bool { cueLike[index] }
    /// Each token's place in the features' bookkeeping: a comma, "that", "according" or none (0).
    private let marker: [UInt8]

    /// The hashes of the pronouns that may stand for a speaker.
    static let pronouns = WordHashSet(AttributionWords.pronouns.map(StableHash.of))

    init(context: AnalysisContext, table: EntityTable, quoted: [Bool], cueLexicon: WordHashSet) {
        self.context = context
        self.quoted = quoted
        let count = context.tokens.count
        var word = [UInt64](repeating: 0, count: count)
        var suffix = [UInt64](repeating: 0, count: count)
        var shape = [UInt8](repeating: 0, count: count)
        var classes = [UInt64](repeating: 0, count: count)
        var mention = [UInt8](repeating: 0, count: count)
        var cueLike = [Bool](repeating: false, count: count)
        var marker = [UInt8](repeating: 0, count: count)
        let listed: TokenFlags = [.speech, .cue, .stance, .role, .organisationWord, .documentNoun, .determiner, .stop]
        for index in 0..<count {
            let lower = context.lower[index]
            word[index] = StableHash.of(lower)
            switch word[index] {
            case Self.commaHash: marker[index] = Self.comma
            case Self.thatHash: marker[index] = Self.that
            case Self.accordingHash: marker[index] = Self.according
            default: break
            }
            suffix[index] = StableHash.suffix(lower, scalars: 3)
            switch context.tokens[index].kind {
            case .number: shape[index] = 3
            case .punctuation: shape[index] = QuoteMarks.doubleMarks.contains(lower) ? 5 : 4
            default:
                if context.isCapitalized(index) {
                    // All capitals when the second byte is an ASCII capital too ("NATO", "U.S."): enough to tell.
                    let range = context.tokens[index].range
                    let second = range.length > 1 ? context.text.bytes[range.start + 1] : 0
                    shape[index] = second >= UInt8(ascii: "A") && second <= UInt8(ascii: "Z") ? 2 : 1
                }
            }
            classes[index] = UInt64(context.flags[index].intersection(listed).rawValue)
            if let found = table.mention(at: index) {
                switch table.entities[found.entity].kind {
                case .person: mention[index] = 1
                case .organization: mention[index] = 2
                case .place: mention[index] = 3
                case .other: mention[index] = 4
                }
            } else if Self.pronouns.contains(word[index]) {
                mention[index] = 5
            }
            cueLike[index] =
                !quoted[index]
                && (context.flags[index].contains(.speech) || context.flags[index].contains(.stance)
                    || cueLexicon.contains(word[index]))
        }
        self.word = word
        self.suffix = suffix
        self.shape = shape
        self.classes = classes
        self.mention = mention
        self.cueLike = cueLike
        self.marker = marker
    }

    /// The key of token `index`'s own word feature (the second of `keys(of:)`), for a look before tagging.
    func wordKey(_ index: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: StableHash.mix(word[index] ^ (2 &* 0x9e37_79b9_7f4a_7c15), 0))
    }

    /// The number of keys `keys(of:)` gives each token.
    static let perToken = 27

    /// The features of every token of `sentence`, `perToken` keys each, token after token.
    func keys(of sentence: Range<Int>) -> [UInt32] {
        let start = sentence.lowerBound
        let end = sentence.upperBound
        let length = UInt64(sentence.count)
        let hasQuote: UInt64 = sentence.contains { quoted[$0] } ? 1 : 0
        var nextCue = [Int](repeating: -1, count: sentence.count)
        var following = -1
        for index in sentence.reversed() {
            nextCue[index - start] = following
            if cueLike[index] { following = index }
        }
        // Commas before each token of the sentence, so "a comma between here and the next cue" is one subtraction.
        var commas = [Int](repeating: 0, count: sentence.count + 1)
        for index in sentence {
            commas[index - start + 1] = commas[index - start] + (marker[index] == Self.comma ? 1 : 0)
        }
        let boundary: UInt64 = 0x5eed
        @inline(__always) func w(_ index: Int) -> UInt64 {
            index < start ? boundary : index >= end ? boundary &+ 1 : word[index]
        }
        @inline(__always) func s(_ index: Int) -> UInt64 { index < start || index >= end ? 9 : UInt64(shape[index]) }
        @inline(__always) func m(_ index: Int) -> UInt64 {
            index < start || index >= end ? 9 : UInt64(mention[index])
        }
        @inline(__always) func c(_ index: Int) -> UInt64 { index < start || index >= end ? 99 : classes[index] }
        @inline(__always) func bucket(_ distance: Int) -> UInt64 {
            distance < 4 ? UInt64(max(0, distance)) : distance <= 6 ? 4 : distance <= 12 ? 5 : 6
        }
        return [UInt32](unsafeUninitializedCapacity: sentence.count * Self.perToken) { buffer, initialized in
            var out = buffer.baseAddress!
            @inline(__always) func add(_ slot: UInt64, _ a: UInt64, _ b: UInt64 = 0) {
                out[Int(slot)] = UInt32(
                    truncatingIfNeeded: StableHash.mix(a ^ ((slot + 1) &* 0x9e37_79b9_7f4a_7c15), b))
            }
            var previous = -1
            var commasSincePrevious: UInt64 = 0
            var thatSincePrevious: UInt64 = 0
            var according: UInt64 = 0
            for index in sentence {
                let q: UInt64 = quoted[index] ? 1 : 0
                let next = nextCue[index - start]
                let nextBucket: UInt64 = next < 0 ? 99 : bucket(next - index)
                let previousBucket: UInt64 = previous < 0 ? 99 : bucket(index - previous)
                let nextWord = next < 0 ? 0 : word[next]
                let previousWord = previous < 0 ? 0 : word[previous]
                let commaBefore: UInt64 = next >= 0 && commas[next - start] > commas[index - start] ? 1 : 0
                add(0, 0)
                add(1, w(index))
                add(2, w(index - 1))
                add(3, w(index + 1))
                add(4, w(index - 2))
                add(5, w(index + 2))
                add(6, w(index - 1), w(index))
                add(7, w(index), w(index + 1))
                add(8, suffix[index])
                add(9, s(index - 1) << 8 | s(index) << 4 | s(index + 1))
                add(10, c(index))
                add(11, c(index - 1), c(index + 1))
                add(12, q, UInt64(shape[index]))
                add(13, m(index - 1) << 8 | m(index) << 4 | m(index + 1))
                add(14, nextBucket, commaBefore)
                add(15, nextWord, min(nextBucket, 4))
                add(16, previousBucket, min(commasSincePrevious, 2))
                add(17, previousWord, min(previousBucket, 4))
                add(18, UInt64(index - start) * 5 / max(1, length), index == start ? 1 : index == end - 1 ? 2 : 0)
                add(19, hasQuote << 2 | q << 1 | according)
                add(20, bucket(end - 1 - index))
                add(21, previousWord, nextWord)
                add(22, thatSincePrevious, min(previousBucket, 5))
                add(23, c(index) << 8 | s(index), nextBucket << 8 | previousBucket)
                add(24, w(index), nextBucket)
                add(25, w(index), previousBucket)
                add(26, m(index) << 4 | q, nextBucket << 8 | previousBucket)
                out += Self.perToken
                switch marker[index] {
                case Self.according: according = 1
                case Self.comma: if !cueLike[index] { commasSincePrevious += 1 }
                case Self.that: if !cueLike[index] { thatSincePrevious = 1 }
                default: break
                }
                if cueLike[index] {
                    previous = index
                    commasSincePrevious = 0
                    thatSincePrevious = 0
                }
            }
            initialized = sentence.count * Self.perToken
        }
    }

    private static let comma: UInt8 = 1
    private static let that: UInt8 = 2
    private static let according: UInt8 = 3
    private static let commaHash = StableHash.of(",")
    private static let thatHash = StableHash.of("that")
    private static let accordingHash = StableHash.of("according")
}
