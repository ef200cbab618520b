internal import NewsCore

/// A word or mark of a sentence, with its span in the article (UTF-8 offsets).
struct RelayToken {
    let text: String
    let start: Int
    let end: Int
    let isWord: Bool
    /// The text lower-cased, for the cue lists (computed when asked: most tokens are never compared).
    var lower: String { text.lowercased() }
    var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }
    /// "'s", "’s" or a lone apostrophe after a name ("Reuters'").
    var isPossessive: Bool {
        !isWord && (text == "'s" || text == "'S" || text == "\u{2019}s" || text == "'" || text == "\u{2019}")
    }

    /// The tokens of `range` in `text`: words (letters and digits, joined by inner hyphens, apostrophes and
    /// abbreviation dots: "France-Presse", "L.A"), a possessive "'s" on its own, and each other mark.
    static func tokens(of range: TextRange, in text: String) -> [RelayToken] {
        let utf8 = text.utf8
        guard range.start < range.end, range.end <= utf8.count else { return [] }
        let lower = utf8.index(utf8.startIndex, offsetBy: range.start)
        let upper = utf8.index(utf8.startIndex, offsetBy: range.end)
        let scalars = Array(text[lower..<upper].unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        // 1: a letter, 2: another character of words (a digit), 0: anything else; ASCII without a table lookup.
        var kinds: [UInt8] = []
        kinds.reserveCapacity(scalars.count)
        var offset = range.start
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf8.count
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value) | 0x20
                kinds.append(byte >= 0x61 && byte <= 0x7A ? 1 : (value >= 0x30 && value <= 0x39 ? 2 : 0))
            } else {
                kinds.append(scalar.properties.isAlphabetic ? 1 : scalar.properties.numericType != nil ? 2 : 0)
            }
        }
        offsets.append(offset)
        func isLetter(_ index: Int) -> Bool { index >= 0 && index < scalars.count && kinds[index] == 1 }
        func isWordScalar(_ index: Int) -> Bool { index >= 0 && index < scalars.count && kinds[index] != 0 }
        func make(_ from: Int, _ to: Int, word: Bool) -> RelayToken {
            let text = String(
                text[
                    utf8.index(
                        lower, offsetBy: offsets[from] - range.start)..<utf8.index(
                            lower, offsetBy: offsets[to] - range.start)])
            return RelayToken(text: text, start: offsets[from], end: offsets[to], isWord: word)
        }
        var tokens: [RelayToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            let isApostrophe = scalar == "'" || scalar == "\u{2019}"
            if isApostrophe {
                // "Times's" and "Times'" are the possessive of a name; "d'après" and "O'Brien" are words.
                let sIsNext = index + 1 < scalars.count && (scalars[index + 1] == "s" || scalars[index + 1] == "S")
                if sIsNext && !isLetter(index + 2) {
                    tokens.append(make(index, index + 2, word: false))
                    index += 2
                    continue
                }
                if !isLetter(index + 1) {
                    tokens.append(make(index, index + 1, word: false))
                    index += 1
                    continue
                }
            }
            guard isWordScalar(index) else {
                tokens.append(make(index, index + 1, word: false))
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count {
                if isWordScalar(end) {
                    end += 1
                    continue
                }
                let joiner = scalars[end]
                let joins: Bool
                switch joiner {
                case "-", "\u{2010}": joins = isWordScalar(end - 1) && isWordScalar(end + 1)
                case ".": joins = isLetter(end - 1) && isLetter(end + 1)
                case "'", "\u{2019}":
                    // A possessive ends the word; an inner apostrophe before a letter other than a lone "s" joins.
                    let loneS =
                        (end + 1 < scalars.count && (scalars[end + 1] == "s" || scalars[end + 1] == "S"))
                        && !isLetter(end + 2)
                    joins = isLetter(end - 1) && isLetter(end + 1) && !loneS
                default: joins = false
                }
                guard joins else { break }
                end += 1
            }
            tokens.append(make(index, end, word: true))
            index = end
        }
        return tokens
    }
}
