internal import NewsCore
internal import NewsText

/// Finds numeric claims: a number with its hedge, what it counts, what happened to it, and who says so.
struct NumberFinder {
    let context: AnalysisContext
    let table: EntityTable
    let quotes: [Quote]
    let dates: [DateMention]
    /// Tokens inside dates, which are not claims.
    let dateTokens: Set<Int>

    /// A number read from the tokens.
    struct Reading {
        var first: Int
        var last: Int
        var value: Double
        var upper: Double?
        var qualifier: NumberQualifier
        var ofFollows: Bool
    }

    func claims() -> [NumericClaim] {
        var claims: [NumericClaim] = []
        for sentence in context.text.sentenceTokens.indices where context.sentenceRoles[sentence] == .body {
            let tokens = context.text.sentenceTokens[sentence]
            var index = tokens.lowerBound
            var sentenceClaims: [NumericClaim] = []
            while index < tokens.upperBound {
                guard !dateTokens.contains(index), var reading = read(at: index, end: tokens.upperBound) else {
                    index += 1
                    continue
                }
                index = reading.last + 1
                hedge(&reading, sentenceStart: tokens.lowerBound)
                guard let claim = claim(reading, sentence: sentence, previous: sentenceClaims.last) else { continue }
                sentenceClaims.append(claim)
            }
            claims += sentenceClaims
        }
        return claims
    }

    // MARK: Reading numbers

    func read(at index: Int, end: Int) -> Reading? {
        let token = context.tokens[index]
        guard token.kind == .number || context.has(index, .numberWord) else { return nil }
        let word = context.lower[index]
        var reading: Reading
        if token.kind == .number {
            guard let value = Self.parse(word), !isIdentifier(index), !isYear(index, value: value, end: end) else {
                return nil
            }
            reading = Reading(first: index, last: index, value: value, qualifier: .exact, ofFollows: false)
        } else if let order = NumberWords.orders[word], index + 1 < end, context.lower[index + 1] == "of" {
            return Reading(first: index, last: index + 1, value: order, qualifier: .order, ofFollows: true)
        } else if word == "dozen", index > 0, ["a", "one"].contains(context.lower[index - 1]) {
            reading = Reading(
                first: index - 1, last: index, value: NumberWords.dozen, qualifier: .exact, ofFollows: false)
        } else if let fraction = NumberWords.fractions[word] {
            var first = index
            var value = fraction
            if index > 0, let count = NumberWords.value(of: context.lower[index - 1]) {
                first = index - 1
                value = word == "thirds" ? count / 3 : (word == "quarters" ? count / 4 : fraction)
            } else if index > 0, ["a", "one"].contains(context.lower[index - 1]) {
                first = index - 1
            }
            guard index + 1 < end, context.lower[index + 1] == "of" || word == "half" else { return nil }
            let ofFollows = index + 1 < end && context.lower[index + 1] == "of"
            return Reading(
                first: first, last: ofFollows ? index + 1 : index, value: value, qualifier: .exact, ofFollows: ofFollows
            )
        } else if let value = NumberWords.value(of: word) {
            // "one of the main allies" is not a count; "two thirds" is read as a fraction.
            if index + 1 < end, NumberWords.fractions[context.lower[index + 1]] != nil { return nil }
            if word == "one", index + 1 < end, ["of", "another", "day"].contains(context.lower[index + 1]) {
                return nil
            }
            reading = Reading(first: index, last: index, value: value, qualifier: .exact, ofFollows: false)
            // "twenty-five"
            if index + 2 < end, context.isPunctuation(index + 1, "-"),
                let unit = NumberWords.value(of: context.lower[index + 2]),
                value >= 20, unit < 10
            {
                reading.value += unit
                reading.last = index + 2
            }
        } else {
            return nil
        }
        // "2.5 million", "two hundred"
        var next = reading.last + 1
        while next < end, let multiplier = NumberWords.multipliers[context.lower[next]] {
            reading.value *= multiplier
            reading.last = next
            next += 1
        }
        // "61 percent", "61%"
        if next < end, context.lower[next] == "%" || context.lower[next] == "percent" {
            reading.last = next
            return reading
        }
        if next + 1 < end, context.lower[next] == "per", context.lower[next + 1] == "cent" {
            reading.last = next + 1
            return reading
        }
        // "20 to 30", "20-30"
        if next + 1 < end,
            context.lower[next] == "to" || (context.isPunctuation(next, "-") && !context.tokens[next].spaceBefore),
            let upper = context.tokens[next + 1].kind == .number
                ? Self.parse(context.lower[next + 1]) : NumberWords.value(of: context.lower[next + 1]),
            upper > reading.value
        {
            reading.upper = upper
            reading.qualifier = .range
            reading.last = next + 1
        }
        return reading
    }

    /// "250,000" → 250000; "1.5" → 1.5.
    static func parse(_ text: String) -> Double? {
        var digits = ""
        for character in text {
            switch character {
            case "0"..."9", ".": digits.append(character)
            case ",", "\u{2009}", "\u{202F}": continue
            default: return nil
            }
        }
        return Double(digits)
    }

    /// "Resolution 2254", "Apollo 11": a number naming a thing, not counting one.
    func isIdentifier(_ index: Int) -> Bool {
        guard index > 0, context.sentenceOf[index - 1] == context.sentenceOf[index] else { return false }
        return context.isCapitalized(index - 1) && context.firstWord(of: context.sentenceOf[index]) != index - 1
            || ["no", "number", "no.", "#", "page", "article", "section", "chapter", "room", "flight", "route"]
                .contains(context.lower[index - 1])
            || context.lower[index].contains(":")
    }

    func isYear(_ index: Int, value: Double, end: Int) -> Bool {
        guard value >= 1900, value <= 2100, !context.lower[index].contains(","), !context.lower[index].contains(".")
        else {
            return false
        }
        let next = index + 1 < end ? context.lower[index + 1] : ""
        return !(next.hasSuffix("s") && context.tokens[index + 1].kind == .word)
    }

    /// Reads "at least", "more than", "nearly" before the number into its qualifier and range.
    func hedge(_ reading: inout Reading, sentenceStart: Int) {
        guard reading.qualifier == .exact else { return }
        for (words, meaning) in NumberWords.qualifiers {
            let first = reading.first - words.count
            guard first >= sentenceStart else { continue }
            if (0..<words.count).allSatisfy({ context.lower[first + $0] == words[$0] }) {
                reading.first = first
                switch meaning {
                case .atLeast: reading.qualifier = .atLeast
                case .atMost: reading.qualifier = .atMost
                case .approximately: reading.qualifier = .approximately
                }
                return
            }
        }
        // "between 20 and 30"
        if reading.first > sentenceStart, context.lower[reading.first - 1] == "between",
            reading.last + 2 < context.tokens.count,
            context.lower[reading.last + 1] == "and", let upper = Self.parse(context.lower[reading.last + 2])
        {
            reading.first -= 1
            reading.upper = upper
            reading.last += 2
            reading.qualifier = .range
        }
    }
}
