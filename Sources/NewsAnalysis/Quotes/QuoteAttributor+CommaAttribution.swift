internal import NewsCore
internal import NewsText

/// Reported speech whose source comes after the words, set off by a comma, in a phrase the name finder does
/// not take whole: "…, attorneys for the family said.", "…, a USA TODAY analysis of filings shows.",
/// "Climate change, Mr. Obama often says, is …".
extension QuoteAttributor {
    /// Prepositions that end a subject's head: "attorneys for the family" is headed by "attorneys".
    static let headEnders: Set<String> = ["of", "for", "at", "with", "from", "in", "on", "to"]

    /// The quote of a sentence whose last speech verb has a comma-led subject phrase before it and nothing but
    /// circumstance after it (the words before the comma are reported), or more words after a comma (then the
    /// whole sentence is, the attribution inside it).
    mutating func commaAttribution(in sentence: Int, last: Int) -> Quote? {
        guard let found = commaAttributionParts(in: sentence, last: last) else { return nil }
        return quote(kind: .indirect, range: found.range, attribution: (found.verb, found.speaker), sentence: sentence)
    }

    /// The reported words, verb and speaker of `commaAttribution`, found without changing anything: its many
    /// closures then read `self` in place instead of copying it.
    private func commaAttributionParts(in sentence: Int, last: Int) -> (range: TextRange, verb: Int, speaker: Speaker)?
    {
        let tokens = context.text.sentenceTokens[sentence]
        guard tokens.lowerBound + 4 <= last,
            let verb = (tokens.lowerBound + 4...last).last(where: { isSpeech($0) && !finder.quoted[$0] })
        else { return nil }
        var end = verb - 1
        while end > tokens.lowerBound + 3, context.has(end, .skippable) || context.lower[end].hasSuffix("ly") {
            end -= 1
        }
        let earliest = max(tokens.lowerBound + 3, end - 12)
        guard earliest < end, let comma = (earliest...end).last(where: { context.isPunctuation($0, ",") }),
            comma < end, !finder.quoted[comma - 1]
        else { return nil }
        let phrase = comma + 1...end
        let allowed: Set<String> = [".", "-", "’", "'", "(", ")", "&"]
        guard phrase.allSatisfy({ context.tokens[$0].kind != .punctuation || allowed.contains(context.lower[$0]) }),
            !phrase.contains(where: { isSpeech($0) || isStance($0) || isCue($0) }),
            phrase.contains(where: { context.tokens[$0].kind == .word && !context.has($0, .stop) }),
            (tokens.lowerBound..<comma).filter({ context.tokens[$0].kind == .word }).count >= 3
        else { return nil }
        let range: TextRange
        if verb >= last || isTrailingAdjunct(verb + 1...last) {
            range = context.range(tokens.lowerBound, comma - 1)
        } else if let next = (verb + 1...min(last, verb + 7)).first(where: { context.isPunctuation($0, ",") }),
            next + 1 <= last, (next + 1...last).filter({ context.tokens[$0].kind == .word }).count >= 3
        {
            range = context.range(tokens.lowerBound, last)
        } else {
            return nil
        }
        let words = phrase.filter { context.tokens[$0].kind == .word }
        let pronoun = words.count == 1 && AttributionWords.pronouns.contains(context.lower[words[0]])
        if pronoun, ["i", "we"].contains(context.lower[words[0]]) { return nil }
        let head = words.prefix { !Self.headEnders.contains(context.lower[$0]) }.last
        let entity = phrase.first { table.mention(at: $0) != nil }.flatMap { table.mention(at: $0)?.entity }
        let speaker = Speaker(
            first: phrase.lowerBound, last: phrase.upperBound, entity: entity,
            pronoun: pronoun ? context.lower[words[0]] : nil, headNoun: head.map { context.lower[$0] })
        return (range, verb, speaker)
    }
}
