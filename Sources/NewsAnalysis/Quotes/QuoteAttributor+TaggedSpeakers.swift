internal import NewsCore
internal import NewsText

/// What the tagger's labels name: the speaker its source words read as, and the labels that name nobody.
extension QuoteAttributor {
    /// Whether tokens `first...last`, labelled a source, cannot be one: a time ("this month", "Monday") or a
    /// heading in capitals no entity holds ("CLARIFICATION").
    func namesNobody(_ first: Int, _ last: Int) -> Bool {
        let words = (first...last).filter { context.tokens[$0].kind == .word }
        guard !words.isEmpty else { return true }
        let times: TokenFlags = [.month, .weekday, .dateWord, .numberWord, .determiner]
        if words.allSatisfy({ !context.flags[$0].isDisjoint(with: times) || Self.timeNouns.contains(context.lower[$0]) }
        ) {
            return true
        }
        return words.allSatisfy(isAllCapitals) && !words.contains { table.mention(at: $0) != nil }
            && words.count == 1 && context.tokens[words[0]].range.length > 4
    }

    /// Words that make a source phrase a time ("this month", "last week") or a manner ("together").
    static let timeNouns: Set<String> = [
        "month", "months", "week", "weeks", "year", "years", "day", "days", "weekend", "morning", "afternoon",
        "evening", "night", "together", "ago", "earlier", "later",
    ]

    /// Whether tokens `first...last` are the news idiom of a source's anonymity ("asked not to be named",
    /// "not to be identified"): a condition of the reporting, not something said.
    func isAnonymityPhrase(_ first: Int, _ last: Int) -> Bool {
        last - first <= 5 && context.lower[first] == "not" && first + 2 <= last && context.lower[first + 1] == "to"
            && context.lower[first + 2] == "be"
    }

    /// The speaker the tokens `first...last` name: the name, pronoun or description the finder reads there.
    func speaker(_ first: Int, _ last: Int) -> Speaker {
        if let phrase = finder.phraseStarting(at: first), phrase.first == first, phrase.last <= last + 2 {
            return phrase
        }
        if let phrase = finder.phraseEnding(at: last), phrase.first >= first - 2 { return phrase }
        let entity = (first...last).lazy.compactMap { table.mention(at: $0)?.entity }.first
        let pronoun =
            first == last && AttributionWords.pronouns.contains(context.lower[first]) ? context.lower[first] : nil
        return Speaker(
            first: first, last: last, entity: entity, pronoun: pronoun,
            headNoun: entity == nil && pronoun == nil ? context.lower[last] : nil)
    }
}
