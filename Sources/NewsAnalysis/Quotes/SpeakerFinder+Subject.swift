internal import NewsCore
internal import NewsText

/// The subject of a verb of saying: walked back over auxiliaries, times, adverbs, parentheticals, appositives
/// and a participle's place to the phrase that speaks.
extension SpeakerFinder {
    /// The subject of the verb at `verb`: the phrase before it, over auxiliaries, times and an appositive.
    func subject(ofVerb verb: Int) -> Speaker? {
        let sentenceStart = context.text.sentenceTokens[context.sentenceOf[verb]].lowerBound
        var index = verb - 1
        while index >= sentenceStart {
            let word = context.lower[index]
            // "Marc Morial … forcefully told": an adverb between the subject and its verb says how, not who.
            if AttributionWords.skippable.contains(word) || Self.isAdverb(index, context) {
                index -= 1
                continue
            }
            // "who in 2010 said": a year after "in" says when, not who.
            if index - 1 >= sentenceStart, Self.isYear(word), ["in", "since"].contains(context.lower[index - 1]) {
                index -= 2
                continue
            }
            // "Rep. John Mica (R-Fla.) said", "the Department of Justice (DOJ) said": a short parenthetical
            // after the subject says who they are, not who speaks.
            if let opening = parenthesis(closingAt: index, after: sentenceStart) {
                index = opening - 1
                continue
            }
            // "Russia - which claims ...": a relative pronoun speaks for the name before it, over an
            // appositive ("Raj Patel, an analyst at Meridian Research, who noted").
            if ["which", "who", "that"].contains(word) {
                var antecedent = index - 1
                while antecedent >= sentenceStart, context.tokens[antecedent].kind == .punctuation { antecedent -= 1 }
                // NB: the comma and the appositive must lie in this sentence (a line may start with ", who").
                if index - 1 > sentenceStart, context.isPunctuation(index - 1, ","),
                    let opening = (max(sentenceStart, index - 14)..<(index - 1)).last(where: {
                        context.lower[$0] == ","
                    }), opening > sentenceStart,
                    var head = phraseEnding(at: opening - 1),
                    head.entity.map({ table.entities[$0].kind == .person }) ?? false
                {
                    head.relative = index
                    return head
                }
                var phrase = phraseEnding(at: antecedent)
                phrase?.relative = index
                return phrase
            }
            if word == ",",
                let opening = (max(sentenceStart, index - 16)..<index).last(where: { context.lower[$0] == "," })
            {
                // "Strand's spokesman, Erik Lund, described": the name inside the commas is the speaker.
                if let inner = table.mention(at: index - 1), inner.candidate.first == opening + 1,
                    table.entities[inner.entity].kind == .person
                {
                    return Speaker(first: inner.candidate.first, last: inner.candidate.last, entity: inner.entity)
                }
                // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": over the parenthetical too.
                let before = parenthesis(closingAt: opening - 1, after: sentenceStart).map { $0 - 1 } ?? opening - 1
                if phraseEnding(at: before) != nil || commonNounPhrase(endingAt: before) != nil {
                    index = before  // "Igor Konashenkov, Russian Defence Ministry spokesman, said"
                    continue
                }
            }
            break
        }
        guard let phrase = phraseEnding(at: index) ?? commonNounPhrase(endingAt: index) else { return nil }
        return headOfPhrase(participleSubject(of: phrase) ?? phrase)
    }

    /// Whether a word is a year of the kind news dates events by (1900–2099).
    static func isYear(_ word: String) -> Bool {
        guard word.utf8.count == 4, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(word) else {
            return false
        }
        return (1900...2099).contains(year)
    }

    /// "Protesters marching through the streets chanted", "Residents living near the plant said": the phrase
    /// after a participle's preposition is where they were; the subject is the phrase before the participle.
    fileprivate func participleSubject(of phrase: Speaker) -> Speaker? {
        guard phrase.entity.map({ table.entities[$0].kind == .place }) ?? true, followsParticiple(phrase.first)
        else { return nil }
        let participle = phrase.first - 2
        return phraseEnding(at: participle - 1) ?? commonNounPhrase(endingAt: participle - 1)
    }

    /// Whether the phrase starting at `first` follows a participle and its preposition of place ("marching
    /// through [the streets]"): where someone was, not who speaks.
    func followsParticiple(_ first: Int) -> Bool {
        var start = first
        if start > 0, !context.has(start, .determiner), context.has(start - 1, .determiner) { start -= 1 }
        let preposition = start - 1
        let participle = preposition - 1
        return participle >= 1 && context.sentenceOf[participle] == context.sentenceOf[first]
            && Self.placePrepositions.contains(context.lower[preposition])
            && context.lower[participle].hasSuffix("ing") && context.tokens[participle].kind == .word
            && !context.isCapitalized(participle)
    }

    /// Prepositions of place and way a participle takes ("marching through", "living near").
    static let placePrepositions: Set<String> = [
        "through", "in", "at", "on", "near", "along", "across", "outside", "inside", "around", "into", "from",
    ]

    /// Whether the token is a lower-case "-ly" adverb ("forcefully", "angrily"), not one of the nouns, verbs
    /// and adjectives that end so ("family", "reply", "likely").
    static func isAdverb(_ index: Int, _ context: AnalysisContext) -> Bool {
        let word = context.lower[index]
        return word.utf8.count > 4 && word.hasSuffix("ly") && context.tokens[index].kind == .word
            && !context.isCapitalized(index) && !lyWords.contains(word)
    }

    /// Words ending in "ly" that are not adverbs of manner.
    static let lyWords: Set<String> = [
        "family", "rally", "ally", "assembly", "supply", "monopoly", "anomaly", "belly", "bully", "jelly", "italy",
        "july", "only", "holy", "ugly", "silly", "lonely", "friendly", "elderly", "deadly", "likely", "costly",
        "daily", "weekly", "monthly", "yearly", "quarterly", "orderly", "melancholy", "reply", "apply", "comply",
        "multiply", "imply",
    ]

    /// The opening of a short parenthetical that `index` closes, when it opens after `sentenceStart`.
    fileprivate func parenthesis(closingAt index: Int, after sentenceStart: Int) -> Int? {
        guard context.isPunctuation(index, ")"),
            let opening = (max(sentenceStart, index - 8)..<index).last(where: { context.lower[$0] == "(" }),
            opening > sentenceStart
        else { return nil }
        return opening
    }

    /// People and bodies whose phrase may carry a prepositional tail ("a senior official in the department").
    static let personNouns: Set<String> = [
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "researcher", "researchers",
        "analyst", "analysts", "source", "sources", "diplomat", "diplomats", "member", "members", "expert",
        "experts", "representative", "officer", "head", "chief",
    ]

    /// "Niamh Byrne of the Dublin Renters' Union", "A senior official in the department": the phrase's head
    /// comes before its prepositional tail.
    fileprivate func headOfPhrase(_ phrase: Speaker) -> Speaker {
        var preposition = phrase.first - 1
        if preposition >= 0, context.has(preposition, .determiner) { preposition -= 1 }
        guard preposition >= 1, context.sentenceOf[preposition] == context.sentenceOf[phrase.first],
            ["of", "in", "at", "from", "for", "to", "with"].contains(context.lower[preposition])
        else { return phrase }
        let before = preposition - 1
        if let mention = table.mention(at: before) {
            let kind = table.entities[mention.entity].kind
            guard kind != .place else { return phrase }
            return Speaker(first: mention.candidate.first, last: mention.candidate.last, entity: mention.entity)
        }
        let word = context.lower[before]
        guard Self.personNouns.contains(word) && !context.isCapitalized(before) else { return phrase }
        guard var head = commonNounPhrase(endingAt: before) else { return phrase }
        head.last = phrase.last
        head.headNoun = word
        return head
    }
}
