internal import NewsCore
internal import NewsText

/// Attribution words, told apart from their uses as nouns and names.
extension QuoteAttributor {
    func isSpeech(_ index: Int) -> Bool {
        context.tokens[index].kind == .word && context.has(index, .speech)
            && isVerbUse(index)
    }

    func isStance(_ index: Int) -> Bool {
        context.tokens[index].kind == .word && context.has(index, .stance) && isVerbUse(index)
    }

    func isCue(_ index: Int) -> Bool {
        context.tokens[index].kind == .word && context.has(index, .cue)
            && isVerbUse(index)
    }

    /// Words that are nouns as often as verbs ("reports of", "UN estimates").
    static let nounOrVerb: Set<String> = [
        "report", "reports", "estimate", "estimates", "claim", "claims", "state", "states", "note", "notes",
        "finds", "shows", "show", "tweet", "tweets", "promise", "promises", "warning", "call", "calls", "quote",
        "reply", "replies", "statement", "recall", "stress", "highlight", "highlights", "label", "labels", "term",
        "terms", "brand", "cite", "post", "write", "find", "deny", "add",
    ]

    /// Whether the word is used as a verb: not capitalised inside a sentence (that is a name), and for a
    /// noun-or-verb word, right after its subject or an auxiliary.
    func isVerbUse(_ index: Int) -> Bool {
        if context.isCapitalized(index), context.firstWord(of: context.sentenceOf[index]) != index { return false }
        guard Self.nounOrVerb.contains(context.lower[index]) else { return true }
        guard index > 0, context.sentenceOf[index - 1] == context.sentenceOf[index] else { return false }
        let previous = context.lower[index - 1]
        if ["has", "have", "had", "will", "would", "also", "which", "who", "that", "it", "he", "she", "they", "we"]
            .contains(previous)
        {
            return true
        }
        if index + 1 < context.tokens.count, ["of", "on", "from", "by", "for"].contains(context.lower[index + 1]) {
            return false
        }
        return table.mention(at: index - 1) != nil && !AttributionWords.determiners.contains(previous)
            || AttributionWords.documentNouns.contains(previous)
    }

    func isClosingPunctuation(_ index: Int) -> Bool {
        context.tokens[index].kind == .punctuation
            && (context.isClauseEnd(index) || QuoteMarks.doubleMarks.contains(context.lower[index])
                || QuoteMarks.singleMarks.contains(context.lower[index]))
    }

    /// How many words lie within `range`.
    func words(in range: TextRange) -> Int {
        var count = 0
        var token = firstToken(atOrAfter: range.start)
        while token < context.tokens.count, context.tokens[token].range.end <= range.end {
            if context.tokens[token].kind == .word { count += 1 }
            token += 1
        }
        return count
    }
}
