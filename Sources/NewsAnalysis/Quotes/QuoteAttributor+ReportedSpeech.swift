internal import NewsCore
internal import NewsText

/// Reported speech without quote marks: `Toner said Kerry highlighted ...`, `According to the report, ...`.
extension QuoteAttributor {
    /// Verbs that report speech only with an explicit "that" ("denied that", not "denied the allegations").
    static let needsThat: Set<String> = [
        "deny", "denies", "denied", "denying", "confirm", "confirms", "confirmed", "confirming", "report",
        "reports", "reported", "reporting", "announce", "announces", "announced", "announcing", "reveal",
        "reveals", "revealed", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
        "show", "shows", "showed", "find", "finds", "found", "estimate", "estimates", "estimated", "tweet",
        "tweets", "tweeted", "highlight", "highlights", "highlighted", "stress", "stresses", "stressed",
        "promise", "promises", "promised", "predict", "predicts", "predicted", "recall", "recalls", "recalled",
        "write", "writes", "wrote", "respond", "responds", "responded", "reply", "replies", "replied",
        "conclude", "concludes", "concluded", "indicate", "indicates", "indicated", "tell", "tells", "told",
        "telling", "warning", "stating", "noting", "writing", "adding", "add", "adds", "disclose", "discloses",
        "disclosed", "claim", "claims", "claimed", "claiming", "fear", "fears",
        "feared", "hope", "hopes", "hoped", "think", "thinks", "thought", "observe", "observes", "observed",
    ]
    /// Words that cannot open a reported clause.
    static let notClauseOpeners: Set<String> = [
        "to", "by", "for", "about", "of", "with", "as", "at", "from", "into", "up", "out", "so", "and", "or",
        "but", "yes", "goodbye", "hello", "sorry", "thanks", "nothing", "something", "anything",
    ]

    /// The reported-speech quote of a sentence: `Toner said Kerry highlighted ...`, `UN estimates suggest
    /// that ...`, `According to the report, ...`, `..., Toner said.`
    mutating func indirect(in sentence: Int) -> [Quote] {
        let tokens = context.text.sentenceTokens[sentence]
        guard let last = tokens.last(where: { !isClosingPunctuation($0) }), last >= tokens.lowerBound else {
            return []
        }
        if let according = accordingTo(in: sentence, last: last) { return [according] }
        // Each attribution verb past the previous reported clause ("said X and warned that Y") reports its own.
        var found: [Quote] = []
        var reportedUpTo = -1
        for verb in tokens
        where verb > reportedUpTo && !finder.quoted[verb] && verb != context.firstWord(of: sentence)
            && (isSpeech(verb) || isStance(verb))
        {
            let clause: Int
            if isSpeech(verb) {
                guard let start = clauseStart(after: verb, end: tokens.upperBound), start <= last,
                    (start...last).filter({ context.tokens[$0].kind == .word }).count >= 3
                else { continue }
                clause = start
            } else {
                // "endorsed Cruz", "declined to comment": the position is what follows the verb.
                guard verb + 1 <= last,
                    context.tokens[verb + 1].kind != .punctuation
                        || QuoteMarks.doubleMarks.contains(context.lower[verb + 1])
                else { continue }
                clause = verb + 1
            }
            let speaker = speaker(ofVerb: verb, sentence: sentence)
            // NB: outside quote marks, "I think" and "we believe" are the writer's own voice, not a source's.
            guard let speaker, speaker.pronoun != "i", speaker.pronoun != "we" else { continue }
            let end = clauseEnd(clause, verb: verb, last: last)
            reportedUpTo = end
            found.append(
                quote(
                    kind: .indirect, range: context.range(clause, end), attribution: (verb, speaker), sentence: sentence
                ))
        }
        if !found.isEmpty { return found }
        if let parenthetical = parenthetical(in: sentence, last: last) { return [parenthetical] }
        // "..., Toner said." / "..., said Toner."
        if let verb = (tokens.lowerBound..<tokens.upperBound).last(where: { isSpeech($0) && !finder.quoted[$0] }),
            verb > tokens.lowerBound + 3
        {
            let trailing = verb >= last || isTrailingAdjunct(verb + 1...last)
            if let speaker = finder.subject(ofVerb: verb), trailing {
                // "..., union leader Jane Doe said.": back over the role words to the comma.
                var comma = speaker.first - 1
                while comma > tokens.lowerBound + 2, comma >= speaker.first - 5, context.tokens[comma].kind == .word,
                    !context.has(comma, .stop)
                        || context.has(comma, .determiner)
                {
                    comma -= 1
                }
                if comma > tokens.lowerBound + 2, context.isPunctuation(comma, ","), !finder.quoted[comma - 1] {
                    return [
                        quote(
                            kind: .indirect, range: context.range(tokens.lowerBound, comma - 1),
                            attribution: (verb, speaker),
                            sentence: sentence)
                    ]
                }
            }
            if context.isPunctuation(verb - 1, ","), !finder.quoted[verb - 2],
                let speaker = finder.phraseStarting(at: verb + 1),
                speaker.last == last
            {
                return [
                    quote(
                        kind: .indirect, range: context.range(tokens.lowerBound, verb - 2),
                        attribution: (verb, speaker),
                        sentence: sentence)
                ]
            }
        }
        return commaAttribution(in: sentence, last: last).map { [$0] } ?? []
    }

    /// "But to prevent problems, he said, local officials should be vigilant.": an attribution between commas
    /// inside the reported words, which are the whole sentence around it.
    mutating func parenthetical(in sentence: Int, last: Int) -> Quote? {
        let tokens = context.text.sentenceTokens[sentence]
        guard tokens.lowerBound + 3 < last,
            let verb = (tokens.lowerBound + 3..<last).first(where: {
                isSpeech($0) && !finder.quoted[$0] && context.isPunctuation($0 + 1, ",")
            }),
            let speaker = finder.subject(ofVerb: verb), speaker.last == verb - 1, speaker.last - speaker.first < 6,
            verb + 2 <= last, (verb + 2...last).filter({ context.tokens[$0].kind == .word }).count >= 3
        else { return nil }
        // Back over the role words ("Mayor Joan Ellis") to the comma that opens the attribution.
        var comma = speaker.first - 1
        while comma > tokens.lowerBound + 2, comma >= speaker.first - 5, context.tokens[comma].kind == .word,
            !context.has(comma, .stop) || context.has(comma, .determiner)
        {
            comma -= 1
        }
        guard comma > tokens.lowerBound + 2, context.isPunctuation(comma, ","), !finder.quoted[comma - 1] else {
            return nil
        }
        return quote(
            kind: .indirect, range: context.range(tokens.lowerBound, last), attribution: (verb, speaker),
            sentence: sentence)
    }

    /// Words after a final attribution verb that add only when or where: "on Tuesday", "in The Lancet".
    func isTrailingAdjunct(_ tokens: ClosedRange<Int>) -> Bool {
        if tokens.allSatisfy({ context.has($0, .skippable) }) { return true }
        let first = context.lower[tokens.lowerBound]
        return ["in", "on", "at", "to", "during", "from"].contains(first) && tokens.count <= 5
            && tokens.allSatisfy { context.tokens[$0].kind == .word }
    }

    /// A clause inside dashes or after "which" ends at the closing dash or comma; others at the sentence's end.
    func clauseEnd(_ clause: Int, verb: Int, last: Int) -> Int {
        let start = context.text.sentenceTokens[context.sentenceOf[verb]].lowerBound
        let dashes: Set<String> = ["-", "–", "—"]
        let isSpacedDash = { (index: Int) in
            dashes.contains(self.context.lower[index]) && self.context.tokens[index].spaceBefore
        }
        let relative = verb > start && ["which", "who"].contains(context.lower[verb - 1])
        // "denied that X and said Y": the clause stops before the next attribution.
        if clause < last,
            let next = (clause + 1...last).first(where: {
                context.lower[$0] == "and" && $0 + 1 <= last && isSpeech($0 + 1)
            }), next > clause
        {
            return next - 1
        }
        guard relative || (start..<verb).contains(where: isSpacedDash) else { return last }
        if let closing = (clause...last).first(where: { isSpacedDash($0) || (relative && context.lower[$0] == ",") }),
            closing > clause
        {
            return closing - 1
        }
        return last
    }

    /// "According to the report, ..." or "..., according to the report."
    mutating func accordingTo(in sentence: Int, last: Int) -> Quote? {
        let tokens = context.text.sentenceTokens[sentence]
        if let according = finder.accordingTo(in: sentence) {
            let cueToken = tokens.first { context.tokens[$0].range.start == according.cue.start } ?? tokens.lowerBound
            let range: TextRange?
            if cueToken == context.firstWord(of: sentence),
                let comma = (according.speaker.last + 1..<tokens.upperBound).first(where: { context.lower[$0] == "," }),
                comma + 1 <= last
            {
                range = context.range(comma + 1, last)
            } else if cueToken > tokens.lowerBound + 2, context.isPunctuation(cueToken - 1, ",") {
                range = context.range(tokens.lowerBound, cueToken - 2)
            } else {
                range = nil
            }
            if let range {
                return quote(
                    kind: .indirect, range: range, attribution: (cueToken, according.speaker), sentence: sentence)
            }
        }
        return nil
    }

    /// Where the reported clause after a speech verb starts, over times, "in a statement" and "that".
    func clauseStart(after verb: Int, end: Int) -> Int? {
        var index = verb + 1
        let word = context.lower[verb]
        if ["tell", "tells", "told", "telling"].contains(word) {
            // "told reporters that": the listener, then "that".
            guard let that = (index..<min(end, index + 5)).first(where: { context.lower[$0] == "that" }) else {
                // "told his advisers to find a way", "told Marlow how surprised he is": what was told runs from
                // the listener on (PolNeAR's reading).
                let opener = (index..<min(end, index + 6)).first {
                    ["to", "how", "why", "what", "whether"].contains(context.lower[$0])
                }
                guard let opener, opener > index, context.tokens[index].kind == .word,
                    (opener + 1..<end).contains(where: { context.tokens[$0].kind == .word })
                else { return nil }
                return index
            }
            index = that
        }
        while index < end, context.has(index, .skippable) { index += 1 }
        // "cautioned, however, that": a parenthetical between commas.
        if index + 2 < end, context.isPunctuation(index, ","), context.tokens[index + 1].kind == .word,
            context.isPunctuation(index + 2, ",")
        {
            index += 3
        }
        if index < end, context.lower[index] == "in" || context.lower[index] == "on",
            let closing = (index + 1..<min(end, index + 5)).first(where: { Self.channels.contains(context.lower[$0]) })
        {
            index = closing + 1  // "in a statement", "on Twitter"
        }
        var explicit = false
        if index < end, context.lower[index] == "that" {
            explicit = true
            index += 1
            // "said that, if elected, he would": a parenthetical between commas after "that".
            if index < end, context.isPunctuation(index, ","),
                let closing = (index + 1..<min(end, index + 8)).first(where: { context.isPunctuation($0, ",") })
            {
                index = closing + 1
            }
        }
        guard index < end, explicit || !Self.needsThat.contains(word) else { return nil }
        // "at least 200", "about 1,500"
        // "said when asked about", "said after meeting": a circumstance, not what was said.
        if index + 1 < end, ["when", "after", "before", "while"].contains(context.lower[index]),
            context.lower[index + 1].hasSuffix("ed") || context.lower[index + 1].hasSuffix("ing")
        {
            return nil
        }
        let opensHedge =
            index + 1 < end
            && (["least", "most"].contains(context.lower[index + 1]) || context.tokens[index + 1].kind == .number)
        guard index < end, context.tokens[index].kind != .punctuation,
            opensHedge || !Self.notClauseOpeners.contains(context.lower[index])
        else {
            return nil
        }
        // NB: the clause keeps its "that" ("said that it would"): it is part of what was reported, as annotated
        // in PolNeAR; the checks above read the words after it.
        if explicit, let that = (verb + 1..<index).last(where: { context.lower[$0] == "that" }) { return that }
        return index
    }

    static let channels: Set<String> = [
        "statement", "interview", "call", "briefing", "conference", "speech", "post", "tweet", "twitter",
        "letter", "message", "television", "radio", "report",
    ]
}
