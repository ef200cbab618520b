internal import NewsCore
internal import NewsText

/// A read number made a claim: what it counts, what happened to it, who reports it.
extension NumberFinder {
    func claim(_ reading: Reading, sentence: Int, previous: NumericClaim?) -> NumericClaim? {
        let end = context.text.sentenceTokens[sentence].upperBound
        let (counted, countedEnd) = countedPhrase(after: reading.last, end: end, afterOf: reading.ofFollows)
        let isPercent = counted?.hasPrefix("%") ?? false
        guard let counted,
            isPercent || !Self.timeUnits.contains(String(counted.lowercased().split(separator: " ").first ?? ""))
        else { return nil }
        var predicate = predicateAfter(countedEnd, end: end)
        let before = reading.first - 1
        var inheritsFromPrevious = false
        if before >= 0, context.sentenceOf[before] == sentence {
            let word = context.lower[before]
            if word == "including" || word == "among" {
                inheritsFromPrevious = true
            } else if predicate == nil, isParticiple(before) {
                predicate = word
            }
        }
        if inheritsFromPrevious, predicate == nil { predicate = previous?.predicate }
        let range = context.range(reading.first, reading.last)
        var (reporter, reporterMention) = reporterOf(range, after: countedEnd, end: end)
        if inheritsFromPrevious, reporter == nil, reporterMention == nil {
            (reporter, reporterMention) = (previous?.reporter, previous?.reporterMention)
        }
        let dateIndices = dates.indices.filter { dates[$0].sentence == sentence }
        return NumericClaim(
            range: range, value: reading.value, upperValue: reading.upper, qualifier: reading.qualifier,
            counted: counted, predicate: predicate, reporter: reporter, reporterMention: reporterMention,
            sentence: sentence, dates: dateIndices)
    }

    /// Durations ("six months", "two years") are periods, not counts.
    static let timeUnits: Set<String> = [
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries", "second",
        "minute", "hour", "day", "week", "month", "year", "decade", "century",
    ]

    /// "civilians", "civilian casualties", "the country's population": up to four words of a noun phrase.
    func countedPhrase(after last: Int, end: Int, afterOf: Bool) -> (String?, Int) {
        var index = last + 1
        if ["%", "percent", "cent"].contains(context.lower[last]) {
            return ("%", last)
        }
        if !afterOf, index < end, context.lower[index] == "of", index + 1 < end,
            ["the", "them", "those", "these", "their"].contains(context.lower[index + 1])
        {
            return (nil, last)  // "two of the men" counts a part of something named elsewhere
        }
        var words: [Int] = []
        while index < end, words.count < 4 {
            let word = context.lower[index]
            let token = context.tokens[index]
            if token.kind == .punctuation {
                if word == "-", !token.spaceBefore, !words.isEmpty { index += 1; continue }
                break
            }
            if token.kind != .word { break }
            let possessive = word.hasSuffix("'s") || word.hasSuffix("’s")
            if afterOf, words.isEmpty, ["the", "a", "an", "its", "their", "his", "her"].contains(word) {
                words.append(index)
                index += 1
                continue
            }
            if !possessive,
                context.resources.stopWords.contains(word) || context.resources.speechVerbs.contains(word)
                    || word.hasSuffix("ly") || (word.hasSuffix("ed") && !words.isEmpty)
                    || word.hasSuffix("ing") && !words.isEmpty
            {
                break
            }
            words.append(index)
            index += 1
        }
        while let lastWord = words.last,
            ["the", "a", "an", "its", "their", "his", "her"].contains(context.lower[lastWord])
        {
            words.removeLast()
        }
        guard let first = words.first, let lastWord = words.last else { return (nil, last) }
        return (context.string(first, lastWord), lastWord)
    }

    /// "have been killed": what happened to the counted thing, after it.
    func predicateAfter(_ countedEnd: Int, end: Int) -> String? {
        var index = countedEnd + 1
        while index < end, NumberWords.auxiliaries.contains(context.lower[index]) { index += 1 }
        guard index < end, index > countedEnd + 1 || context.lower[index].hasSuffix("ed"), isParticiple(index) else {
            return nil
        }
        return context.lower[index]
    }

    func isParticiple(_ index: Int) -> Bool {
        guard context.tokens[index].kind == .word, !context.isCapitalized(index) else { return false }
        let word = context.lower[index]
        if context.resources.speechVerbs.contains(word) { return false }
        return (word.hasSuffix("ed") && word.count > 3) || NumberWords.irregularParticiples.contains(word)
    }

    /// Who reports the number: "reported by X" right after it, else the speaker of the innermost quote holding
    /// it ("Toner mentioned the deaths of hundreds reported by NGOs": the NGOs count them, Toner relays).
    func reporterOf(_ range: TextRange, after countedEnd: Int, end: Int) -> (Int?, TextRange?) {
        if let explicit = reportedBy(after: countedEnd, end: end) { return explicit }
        let holding = quotes.filter { $0.range.contains(range) && $0.speakerMention != nil }
            .min { $0.range.length < $1.range.length }
        return holding.map { ($0.speaker, $0.speakerMention) } ?? (nil, nil)
    }

    /// "reported by X", "documented by X" within a few words after the counted noun.
    private func reportedBy(after countedEnd: Int, end: Int) -> (Int?, TextRange?)? {
        var index = countedEnd + 1
        while index + 1 < end, index - countedEnd < 5 {
            let word = context.lower[index]
            if ["reported", "documented", "recorded", "counted", "cited", "confirmed", "compiled"].contains(word),
                context.lower[index + 1] == "by"
            {
                // "reported by" ending the text or the sentence names nobody.
                guard index + 2 < end else { return nil }
                var last = index + 2
                var first = index + 2
                while first < end, ["the", "a", "an"].contains(context.lower[first]) { first += 1 }
                while last + 1 < end, last - index < 7,
                    context.tokens[last + 1].kind == .word || context.lower[last + 1] == "-",
                    !["and", "in", "on", "since", "during", "who", "which", "that"].contains(context.lower[last + 1])
                {
                    last += 1
                }
                guard first <= last else { return nil }
                let entity = (first...last).lazy.compactMap { table.mention(at: $0)?.entity }.first
                return (entity, context.range(first, last))
            }
            index += 1
        }
        return nil
    }
}
