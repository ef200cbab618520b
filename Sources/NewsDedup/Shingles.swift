/// Word shingles of a text, hashed: lower-cased runs of letters and digits (any byte of a multi-byte character
/// counts as a letter), five words a shingle, so a copy with a new headline or a changed paragraph still shares
/// most of its shingles with the original.
public enum Shingles {
    /// Words per shingle.
    public static let width = 5

    /// The distinct shingle hashes of `text`, sorted; a text of fewer words than `width` gives one shingle.
    public static func hashes(of text: String) -> [UInt64] {
        var words: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for byte in text.utf8 {
            let isLetter =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte >= 0x80
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if isLetter || isUpper {
                hash ^= UInt64(isUpper ? byte | 0x20 : byte)
                hash &*= 0x0000_0100_0000_01b3
                inWord = true
            } else if inWord {
                words.append(hash)
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { words.append(hash) }
        guard !words.isEmpty else { return [] }
        guard words.count >= width else {
            return [StableHash.mix(words.reduce(0) { ($0 << 7 | $0 >> 57) ^ $1 })]
        }
        var shingles: [UInt64] = []
        shingles.reserveCapacity(words.count - width + 1)
        for start in 0...(words.count - width) {
            var combined: UInt64 = 0
            for offset in 0..<width { combined = (combined << 7 | combined >> 57) ^ words[start + offset] }
            shingles.append(StableHash.mix(combined))
        }
        shingles.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(shingles.count)
        for shingle in shingles where unique.last != shingle { unique.append(shingle) }
        return unique
    }
}
