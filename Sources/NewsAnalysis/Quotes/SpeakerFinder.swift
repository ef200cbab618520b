internal import NewsCore
internal import NewsText

/// Finds the words naming a speaker around a verb, and resolves pronouns and descriptions to entities.
struct SpeakerFinder {
    let context: AnalysisContext
    let table: EntityTable
    /// For each token, whether it lies inside quote marks (names there are not the speaker).
    let quoted: [Bool]

    // MARK: Phrases

    /// The speaker phrase whose last token is `index`: a name, a pronoun or a description.
    func phraseEnding(at index: Int) -> Speaker? {
        guard index >= 0, index < context.tokens.count, !quoted[index] else { return nil }
        if let mention = table.mention(at: index) {
            return Speaker(first: mention.candidate.first, last: mention.candidate.last, entity: mention.entity)
        }
        let word = context.lower[index]
        if AttributionWords.pronouns.contains(word) {
            return Speaker(first: index, last: index, pronoun: word)
        }
        // "the report", "The mayor": a document, a body or a role heads a description.
        guard context.has(index, .documentNoun) || (context.has(index, .role) && !context.isCapitalized(index)) else {
            return nil
        }
        let sentenceStart = context.text.sentenceTokens[context.sentenceOf[index]].lowerBound
        var first = index
        var probe = index - 1
        while probe >= sentenceStart, index - probe < 8,
            context.tokens[probe].kind == .word || context.lower[probe] == "-"
        {
            let previous = context.lower[probe]
            if AttributionWords.determiners.contains(previous) {
                first = probe
                break
            }
            if context.resources.stopWords.contains(previous) || context.resources.speechVerbs.contains(previous) {
                break
            }
            first = probe
            probe -= 1
        }
        let entity = (first..<index).lazy.compactMap { table.mention(at: $0)?.entity }.first
        return Speaker(first: first, last: index, entity: entity, headNoun: word)
    }

    /// The speaker phrase starting at `index`, after an inverted verb ("said Toner", "said the report").
    func phraseStarting(at index: Int) -> Speaker? {
        guard index < context.tokens.count, !quoted[index] else { return nil }
        if let mention = table.mention(at: index) {
            return Speaker(first: mention.candidate.first, last: mention.candidate.last, entity: mention.entity)
        }
        let word = context.lower[index]
        if AttributionWords.pronouns.contains(word) { return Speaker(first: index, last: index, pronoun: word) }
        // A speaker never runs into the next sentence ("According to the" on a line, a name on the next).
        let sentenceEnd = context.text.sentenceTokens[context.sentenceOf[index]].upperBound
        // "added goalkeeper Emiliano Martinez", "said the Red Cross": role words or an article, then a name.
        var next = index
        while next < sentenceEnd, next - index < 4,
            (context.tokens[next].kind == .word && (context.has(next, .role) || context.has(next, .determiner)))
                || (next > index && context.isPunctuation(next, ".") && !context.tokens[next].spaceBefore)
        {
            next += 1
        }
        if next > index, next < sentenceEnd, !quoted[next], let mention = table.mention(at: next),
            mention.candidate.first == next, mention.candidate.last < sentenceEnd
        {
            return Speaker(first: index, last: mention.candidate.last, entity: mention.entity)
        }
        // "said panel Chairman Rep. Jason Chaffetz": a body's title before the name is the name's too.
        var ahead = index
        while ahead < min(sentenceEnd, index + 6), !quoted[ahead],
            context.has(ahead, .role) || context.has(ahead, .documentNoun) || context.has(ahead, .organisationWord)
                || (ahead > index && context.isPunctuation(ahead, ".") && !context.tokens[ahead].spaceBefore)
        {
            ahead += 1
        }
        if ahead > index + 1, ahead < sentenceEnd, !quoted[ahead], let mention = table.mention(at: ahead),
            mention.candidate.first == ahead, mention.candidate.last < sentenceEnd,
            table.entities[mention.entity].kind == .person
        {
            return Speaker(first: index, last: mention.candidate.last, entity: mention.entity)
        }
        guard AttributionWords.determiners.contains(word) || context.tokens[index].kind == .word else { return nil }
        var probe = index
        while probe < sentenceEnd, probe - index < 6, context.tokens[probe].kind == .word {
            if context.has(probe, .documentNoun) {
                var speaker =
                    phraseEnding(at: probe) ?? Speaker(first: index, last: probe, headNoun: context.lower[probe])
                speaker.first = index
                if speaker.entity == nil {
                    speaker.entity = (index...probe).lazy.compactMap { table.mention(at: $0)?.entity }.first
                }
                // "a spokesman for the ministry", "a report by Amnesty International"
                if speaker.entity == nil, probe + 2 < sentenceEnd,
                    ["for", "of", "from", "by", "at"].contains(context.lower[probe + 1])
                {
                    let after = context.has(probe + 2, .determiner) ? probe + 3 : probe + 2
                    if let mention = table.mention(at: after) {
                        speaker.entity = mention.entity
                        speaker.last = mention.candidate.last
                    }
                }
                return speaker
            }
            probe += 1
        }
        // "said one resident", "said a witness": a short noun phrase up to the clause's end or a comma.
        if context.has(index, .determiner)
            || ["one", "another", "two", "three", "several", "many", "some"].contains(word)
        {
            var last = index
            while last + 1 < sentenceEnd, last - index < 4, context.tokens[last + 1].kind == .word,
                !context.has(last + 1, .stop) || context.has(last + 1, .determiner)
            {
                last += 1
            }
            let ends = last + 1 >= sentenceEnd || context.tokens[last + 1].kind == .punctuation
            // "said the mayor, Joan Ellis,": the name in apposition is the speaker.
            if last > index, last + 2 < sentenceEnd, context.isPunctuation(last + 1, ","),
                let named = table.mention(at: last + 2), table.entities[named.entity].kind == .person
            {
                return Speaker(first: named.candidate.first, last: named.candidate.last, entity: named.entity)
            }
            if last > index, ends, !context.lower[last].hasSuffix("ly") {
                return Speaker(first: index, last: last, headNoun: context.lower[last])
            }
        }
        return nil
    }

    /// "The regional weather service", "Scientists", "their union": a plain noun phrase as a speaker, walked
    /// back to its determiner or the sentence's start.
    func commonNounPhrase(endingAt index: Int) -> Speaker? {
        guard index >= 0, index < context.tokens.count, !quoted[index], context.tokens[index].kind == .word else {
            return nil
        }
        let word = context.lower[index]
        let resources = context.resources
        guard !resources.stopWords.contains(word), !resources.speechVerbs.contains(word),
            !resources.cueVerbs.contains(word), !word.hasSuffix("ly"), !word.hasSuffix("ed"), !word.hasSuffix("ing")
        else { return nil }
        let sentenceStart = context.text.sentenceTokens[context.sentenceOf[index]].lowerBound
        var first = index
        while first > sentenceStart, index - first < 5 {
            let previous = context.lower[first - 1]
            if AttributionWords.determiners.contains(previous) {
                first -= 1
                break
            }
            guard context.tokens[first - 1].kind == .word, !resources.stopWords.contains(previous),
                !previous.hasSuffix("ed"), !resources.speechVerbs.contains(previous)
            else { break }
            first -= 1
        }
        // Only a phrase opening the sentence, or opened by a determiner, is a subject.
        guard first == sentenceStart || context.has(first, .determiner) else { return nil }
        let entity = (first...index).lazy.compactMap { table.mention(at: $0)?.entity }.first
        return Speaker(first: first, last: index, entity: entity, headNoun: word)
    }

    /// The sentence's subject: its first name, pronoun or speaking description, before `limit`.
    func sentenceSubject(_ sentence: Int, before limit: Int) -> Speaker? {
        let tokens = context.text.sentenceTokens[sentence]
        var index = tokens.lowerBound
        while index < min(limit, tokens.upperBound), index - tokens.lowerBound < 14 {
            if !quoted[index] {
                if let mention = table.mention(at: index) {
                    // "Department spokesman Mark Toner": the person the role words lead to.
                    var next = mention.candidate.last + 1
                    while next < limit, next - mention.candidate.last <= 3, context.tokens[next].kind == .word,
                        !context.isCapitalized(next), context.has(next, .role)
                    {
                        next += 1
                    }
                    if next > mention.candidate.last + 1, let person = table.mention(at: next) {
                        return Speaker(
                            first: person.candidate.first, last: person.candidate.last, entity: person.entity)
                    }
                    // A description headed past the name ("Amnesty International report") speaks as a whole.
                    var end = mention.candidate.last + 1
                    while end < limit, end - mention.candidate.last < 4, context.tokens[end].kind == .word,
                        !context.has(end, .documentNoun),
                        !context.has(end, .stop)
                    {
                        end += 1
                    }
                    if end < limit, context.has(end, .documentNoun),
                        let description = phraseEnding(at: end)
                    {
                        return description
                    }
                    return Speaker(first: mention.candidate.first, last: mention.candidate.last, entity: mention.entity)
                }
                let word = context.lower[index]
                if index - tokens.lowerBound < 2, AttributionWords.pronouns.contains(word) {
                    return Speaker(first: index, last: index, pronoun: word)
                }
                // "Education Minister Paul Fraser": a role word before a name is not the subject.
                let beforeName = index + 1 < limit && context.isCapitalized(index + 1)
                if AttributionWords.documentNouns.contains(word), !beforeName, let phrase = phraseEnding(at: index) {
                    return phrase
                }
                if context.resources.speechVerbs.contains(word) || context.resources.cueVerbs.contains(word) {
                    return nil
                }
            }
            index += 1
        }
        return nil
    }

    /// "according to X" in the sentence: the cue's tokens and the speaker.
    func accordingTo(in sentence: Int) -> (cue: TextRange, speaker: Speaker)? {
        let tokens = context.text.sentenceTokens[sentence]
        for index in tokens where context.lower[index] == "according" && !quoted[index] {
            guard index + 2 < tokens.upperBound, context.lower[index + 1] == "to",
                let speaker = phraseStarting(at: index + 2)
            else { continue }
            return (context.range(index, index + 1), speaker)
        }
        return nil
    }
}
