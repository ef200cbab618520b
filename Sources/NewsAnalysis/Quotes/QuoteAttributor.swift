internal import NewsCore
internal import NewsText

/// Finds direct, partial and indirect quotes and their speakers, in text order so that a pronoun can
/// fall back on the last speaker.
struct QuoteAttributor {
    let context: AnalysisContext
    private(set) var table: EntityTable
    private let spans: [QuoteSpan]
    private let finder: SpeakerFinder
    /// Where descriptions naming an owner occur ("A recent Amnesty International report"): token, head, entity.
    private let ownedDescriptions: [(token: Int, head: String, entity: Int)]
    private var lastSpeakers: [(entity: Int, kind: EntityKind, paragraph: Int)] = []

    init(context: AnalysisContext, table: EntityTable) {
        self.context = context
        self.table = table
        spans = QuoteMarks.spans(in: context)
        var quoted = [Bool](repeating: false, count: context.tokens.count)
        for span in spans {
            for token in span.open...span.close { quoted[token] = true }
        }
        finder = SpeakerFinder(context: context, table: table, quoted: quoted)
        var owned: [(Int, String, Int)] = []
        for index in context.tokens.indices where context.has(index, .documentNoun) {
            if let phrase = finder.phraseEnding(at: index), let entity = phrase.entity, phrase.first < index {
                owned.append((index, context.lower[index], entity))
            } else if let by = (index + 1..<min(context.tokens.count, index + 8)).first(where: {
                context.lower[$0] == "by"
            }),
                let owner = (by + 1..<min(context.tokens.count, by + 6)).lazy.compactMap({ table.mention(at: $0) })
                    .first
            {
                owned.append((index, context.lower[index], owner.entity))  // "a report published by Carbon Watch"
            }
        }
        ownedDescriptions = owned
    }

    /// Every quote, in text order.
    mutating func quotes() -> [Quote] {
        var quotes: [Quote] = []
        var spanIndex = 0
        for sentence in context.text.sentenceTokens.indices where context.sentenceRoles[sentence] == .body {
            while spanIndex < spans.count, context.sentenceOf[spans[spanIndex].open] < sentence { spanIndex += 1 }
            while spanIndex < spans.count, context.sentenceOf[spans[spanIndex].open] == sentence {
                quotes.append(quoted(spans[spanIndex]))
                spanIndex += 1
            }
            quotes += indirect(in: sentence)
        }
        attributeLoneQuotes(&quotes)
        return quotes.sorted { ($0.range.start, $0.kind.rawValue) < ($1.range.start, $1.kind.rawValue) }
    }

    // MARK: Quotes in marks

    private mutating func quoted(_ span: QuoteSpan) -> Quote {
        let openSentence = context.sentenceOf[span.open]
        let closeSentence = context.sentenceOf[span.close]
        let head = context.text.sentenceTokens[openSentence].lowerBound..<span.open
        let tailEnd = context.text.sentenceTokens[closeSentence].upperBound
        let headHasWords = head.contains { context.tokens[$0].kind != .punctuation }
        var kind = QuoteKind.partial
        var attribution: (cue: Int, speaker: Speaker)?
        if let tail = tailAttribution(after: span.close, end: tailEnd) {
            attribution = tail
            if !headHasWords { kind = .direct }
        } else if let headCue = headAttribution(before: span.open) {
            attribution = headCue
            // `Toner said: "..."` is direct, and so is `"We will stop," she said, "when we win."`, continued
            // after its attribution; `Toner said it was "fake"` is partial.
            let subjectStart = headCue.speaker.first
            if !head.contains(where: {
                $0 < subjectStart && context.tokens[$0].kind != .punctuation && !finder.quoted[$0]
            }) {
                kind = .direct
            }
        } else if !headHasWords,
            !(span.close + 1..<tailEnd).contains(where: { context.tokens[$0].kind != .punctuation })
        {
            kind = .direct  // a quote standing alone; its speaker comes from its neighbours
        } else {
            attribution = sentenceAttribution(openSentence, before: span.open)
        }
        return quote(kind: kind, range: span.range, attribution: attribution, sentence: openSentence)
    }

    /// `"...," Toner said.` or `"...," said Toner.`
    private func tailAttribution(after close: Int, end: Int) -> (cue: Int, speaker: Speaker)? {
        var index = close + 1
        while index < end, context.tokens[index].kind == .punctuation, context.lower[index] != "." { index += 1 }
        guard index < end else { return nil }
        if isSpeech(index) || isCue(index), let speaker = finder.phraseStarting(at: index + 1) {
            return (index, speaker)
        }
        for verb in index..<min(index + 8, end) where isSpeech(verb) || isCue(verb) {
            if let speaker = finder.subject(ofVerb: verb), speaker.first >= index { return (verb, speaker) }
            return nil
        }
        return nil
    }

    /// `Toner said: "..."` or `He added, "..."`.
    private func headAttribution(before open: Int) -> (cue: Int, speaker: Speaker)? {
        var verb = open - 1
        if verb >= 0, [":", ",", "that"].contains(context.lower[verb]) { verb -= 1 }
        guard verb >= 0, context.sentenceOf[verb] == context.sentenceOf[open], isSpeech(verb) || isCue(verb) else {
            return nil
        }
        guard let speaker = finder.subject(ofVerb: verb) else { return nil }
        return (verb, speaker)
    }

    /// Who the sentence says is speaking: "according to X", the subject of the nearest attribution verb
    /// before `limit`, or the sentence's subject.
    private func sentenceAttribution(_ sentence: Int, before limit: Int) -> (cue: Int, speaker: Speaker)? {
        let tokens = context.text.sentenceTokens[sentence]
        if let according = finder.accordingTo(in: sentence),
            let cue = tokens.first(where: { context.tokens[$0].range.start == according.cue.start }), cue < limit
        {
            return (cue, according.speaker)
        }
        if let verb = (tokens.lowerBound..<limit).last(where: { (isSpeech($0) || isCue($0)) && !finder.quoted[$0] }) {
            let speaker = speaker(ofVerb: verb, sentence: sentence)
            if let speaker { return (verb, speaker) }
        }
        return nil
    }

    /// The speaker of an attribution verb: its subject; for a participle ("adding", "saying"), the subject of
    /// the sentence's earlier attribution ("he said, adding that") or the sentence's own subject.
    private func speaker(ofVerb verb: Int, sentence: Int) -> Speaker? {
        let start = context.text.sentenceTokens[sentence].lowerBound
        if context.lower[verb].hasSuffix("ing") {
            if let earlier = (start..<verb).last(where: { isSpeech($0) && !finder.quoted[$0] }),
                let speaker = finder.subject(ofVerb: earlier) ?? finder.phraseStarting(at: earlier + 1)
            {
                return speaker
            }
            return finder.sentenceSubject(sentence, before: verb)
        }
        return finder.subject(ofVerb: verb) ?? finder.sentenceSubject(sentence, before: verb)
    }

    // MARK: Reported speech

    /// Verbs that report speech only with an explicit "that" ("denied that", not "denied the allegations").
    private static let needsThat: Set<String> = [
        "deny", "denies", "denied", "denying", "confirm", "confirms", "confirmed", "confirming", "report",
        "reports", "reported", "reporting", "announce", "announces", "announced", "announcing", "reveal",
        "reveals", "revealed", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
        "show", "shows", "showed", "find", "finds", "found", "estimate", "estimates", "estimated", "tweet",
        "tweets", "tweeted", "highlight", "highlights", "highlighted", "stress", "stresses", "stressed",
        "promise", "promises", "promised", "predict", "predicts", "predicted", "recall", "recalls", "recalled",
        "write", "writes", "wrote", "respond", "responds", "responded", "reply", "replies", "replied",
        "conclude", "concludes", "concluded", "indicate", "indicates", "indicated", "tell", "tells", "told",
        "telling", "warning", "stating", "noting", "claim", "claims", "claimed", "claiming", "fear", "fears",
        "feared", "hope", "hopes", "hoped", "think", "thinks", "thought", "observe", "observes", "observed",
    ]
    /// Words that cannot open a reported clause.
    private static let notClauseOpeners: Set<String> = [
        "to", "by", "for", "about", "of", "with", "as", "at", "from", "into", "up", "out", "so", "and", "or",
        "but", "yes", "goodbye", "hello", "sorry", "thanks", "nothing", "something", "anything",
    ]

    /// The reported-speech quote of a sentence: `Toner said Kerry highlighted ...`, `UN estimates suggest
    /// that ...`, `According to the report, ...`, `..., Toner said.`
    private mutating func indirect(in sentence: Int) -> [Quote] {
        let tokens = context.text.sentenceTokens[sentence]
        guard let last = tokens.last(where: { !isClosingPunctuation($0) }), last >= tokens.lowerBound else {
            return []
        }
        if let according = accordingTo(in: sentence, last: last) { return [according] }
        // Each attribution verb past the previous reported clause ("said X and warned that Y") reports its own.
        var found: [Quote] = []
        var reportedUpTo = -1
        for verb in tokens
        where verb > reportedUpTo && isSpeech(verb) && !finder.quoted[verb]
            && verb != context.firstWord(of: sentence)
        {
            guard let clause = clauseStart(after: verb, end: tokens.upperBound), clause <= last,
                (clause...last).filter({ context.tokens[$0].kind == .word }).count >= 3
            else { continue }
            let speaker = speaker(ofVerb: verb, sentence: sentence)
            guard let speaker else { continue }
            let end = clauseEnd(clause, verb: verb, last: last)
            reportedUpTo = end
            found.append(
                quote(
                    kind: .indirect, range: context.range(clause, end), attribution: (verb, speaker), sentence: sentence
                ))
        }
        if !found.isEmpty { return found }
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
        return []
    }

    /// Words after a final attribution verb that add only when or where: "on Tuesday", "in The Lancet".
    private func isTrailingAdjunct(_ tokens: ClosedRange<Int>) -> Bool {
        if tokens.allSatisfy({ context.has($0, .skippable) }) { return true }
        let first = context.lower[tokens.lowerBound]
        return ["in", "on", "at", "to", "during", "from"].contains(first) && tokens.count <= 5
            && tokens.allSatisfy { context.tokens[$0].kind == .word }
    }

    /// A clause inside dashes or after "which" ends at the closing dash or comma; others at the sentence's end.
    private func clauseEnd(_ clause: Int, verb: Int, last: Int) -> Int {
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
    private mutating func accordingTo(in sentence: Int, last: Int) -> Quote? {
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
    private func clauseStart(after verb: Int, end: Int) -> Int? {
        var index = verb + 1
        let word = context.lower[verb]
        if ["tell", "tells", "told", "telling"].contains(word) {
            // "told reporters that": the listener, then "that".
            guard let that = (index..<min(end, index + 5)).first(where: { context.lower[$0] == "that" }) else {
                return nil
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
        }
        guard index < end, explicit || !Self.needsThat.contains(word) else { return nil }
        // "at least 200", "about 1,500"
        let opensHedge =
            index + 1 < end
            && (["least", "most"].contains(context.lower[index + 1]) || context.tokens[index + 1].kind == .number)
        guard context.tokens[index].kind != .punctuation,
            opensHedge || !Self.notClauseOpeners.contains(context.lower[index])
        else {
            return nil
        }
        return index
    }

    private static let channels: Set<String> = [
        "statement", "interview", "call", "briefing", "conference", "speech", "post", "tweet", "twitter",
        "letter", "message", "television", "radio", "report",
    ]

    // MARK: Speakers

    private mutating func quote(
        kind: QuoteKind, range: TextRange, attribution: (cue: Int, speaker: Speaker)?, sentence: Int
    ) -> Quote {
        guard let attribution else {
            return Quote(kind: kind, range: range, cue: nil, speakerMention: nil, speaker: nil, sentence: sentence)
        }
        let speaker = attribution.speaker
        let entity = resolve(speaker)
        let mentionRange = context.range(speaker.first, speaker.last)
        if let entity {
            if let pronoun = speaker.pronoun, !pronoun.isEmpty {
                table.addMention(Mention(range: mentionRange, form: .pronoun), to: entity)
            } else if speaker.entity == nil {
                table.addMention(Mention(range: mentionRange, form: .description), to: entity)
            }
            let paragraph = context.text.sentenceParagraphs[sentence]
            lastSpeakers.append((entity, table.entities[entity].kind, paragraph))
        }
        var cue = context.range(attribution.cue, attribution.cue)
        if context.lower[attribution.cue] == "according" { cue = context.range(attribution.cue, attribution.cue + 1) }
        return Quote(
            kind: kind, range: range, cue: cue, speakerMention: mentionRange, speaker: entity, sentence: sentence)
    }

    /// The entity a speaker phrase stands for.
    private func resolve(_ speaker: Speaker) -> Int? {
        if let entity = speaker.entity { return entity }
        let sentence = context.sentenceOf[speaker.first]
        let paragraph = context.text.sentenceParagraphs[sentence]
        if let pronoun = speaker.pronoun {
            let wantsPerson = AttributionWords.personalPronouns.contains(pronoun)
            func fits(_ entity: Int) -> Bool { (table.entities[entity].kind == .person) == wantsPerson }
            let sentenceStart = context.text.sentenceTokens[sentence].lowerBound
            for index in stride(from: speaker.first - 1, through: sentenceStart, by: -1) where !finder.quoted[index] {
                if let mention = table.mention(at: index), fits(mention.entity) { return mention.entity }
            }
            // The person the previous sentence is about ("Mike Reynolds welcomed it. '...,' he said.").
            if sentence > 0, paragraph - context.text.sentenceParagraphs[sentence - 1] <= 1 {
                for index in context.text.sentenceTokens[sentence - 1] where !finder.quoted[index] {
                    if let mention = table.mention(at: index), fits(mention.entity) { return mention.entity }
                    if context.has(index, .speech) { break }
                }
            }
            if let recent = lastSpeakers.last(where: { fits($0.entity) }), paragraph - recent.paragraph <= 3 {
                return recent.entity
            }
            for index in stride(from: sentenceStart - 1, through: max(0, sentenceStart - 400), by: -1)
            where !finder.quoted[index] {
                if let mention = table.mention(at: index), fits(mention.entity) { return mention.entity }
            }
            return nil
        }
        guard let head = speaker.headNoun else { return nil }
        if ["spokesman", "spokeswoman", "spokesperson", "official", "minister", "envoy", "president", "leader"]
            .contains(head)
        {
            return table.entities.last { entity in
                entity.kind == .person && (entity.role?.lowercased().contains(head) ?? false)
                    && (entity.mentions.first?.range.start ?? .max) < context.tokens[speaker.first].range.start
            }?.id
        }
        let before = ownedDescriptions.filter { $0.token < speaker.first }
        if let owned = before.last(where: { $0.head == head }) { return owned.entity }
        // "The agency said", "the company said": the organisation named last.
        // Only a bare "the company" points back; "the data protection authority" names a body of its own.
        if AttributionWords.organisationNouns.contains(head), speaker.last - speaker.first <= 1 {
            for index in stride(from: speaker.first - 1, through: max(0, speaker.first - 600), by: -1)
            where !finder.quoted[index] {
                if let mention = table.mention(at: index), table.entities[mention.entity].kind == .organization {
                    return mention.entity
                }
            }
            // An unclassified name ("retailer Hollis & Co") is the next best owner.
            for index in stride(from: speaker.first - 1, through: max(0, speaker.first - 600), by: -1)
            where !finder.quoted[index] {
                if let mention = table.mention(at: index), table.entities[mention.entity].kind == .other {
                    return mention.entity
                }
            }
            return nil
        }
        return AttributionWords.documentHeads.contains(head) ? before.last?.entity : nil
    }

    /// A standing-alone quote in marks takes the speaker of the nearest attributed quote in its paragraph,
    /// else of the quote closing the paragraph before.
    private mutating func attributeLoneQuotes(_ quotes: inout [Quote]) {
        for index in quotes.indices where quotes[index].kind == .direct && quotes[index].speakerMention == nil {
            let paragraph = context.text.sentenceParagraphs[quotes[index].sentence]
            func paragraphOf(_ quote: Quote) -> Int { context.text.sentenceParagraphs[quote.sentence] }
            let attributed = quotes.indices.filter { quotes[$0].kind == .direct && quotes[$0].speakerMention != nil }
            let sameParagraph = attributed.filter { paragraphOf(quotes[$0]) == paragraph }
            let donor =
                sameParagraph.last { $0 < index } ?? sameParagraph.first { $0 > index }
                ?? attributed.last { $0 < index && paragraphOf(quotes[$0]) == paragraph - 1 }
            guard let donor else { continue }
            quotes[index].speaker = quotes[donor].speaker
            quotes[index].speakerMention = quotes[donor].speakerMention
        }
    }

    // MARK: Words

    private func isSpeech(_ index: Int) -> Bool {
        context.tokens[index].kind == .word && context.has(index, .speech)
            && isVerbUse(index)
    }

    private func isCue(_ index: Int) -> Bool {
        context.tokens[index].kind == .word && context.has(index, .cue)
            && isVerbUse(index)
    }

    /// Words that are nouns as often as verbs ("reports of", "UN estimates").
    private static let nounOrVerb: Set<String> = [
        "report", "reports", "estimate", "estimates", "claim", "claims", "state", "states", "note", "notes",
        "finds", "shows", "show", "tweet", "tweets", "promise", "promises", "warning", "call", "calls", "quote",
        "reply", "replies", "statement", "recall", "stress", "highlight", "highlights", "label", "labels", "term",
        "terms", "brand", "cite", "post", "write", "find", "deny", "add",
    ]

    /// Whether the word is used as a verb: not capitalised inside a sentence (that is a name), and for a
    /// noun-or-verb word, right after its subject or an auxiliary.
    private func isVerbUse(_ index: Int) -> Bool {
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

    private func isClosingPunctuation(_ index: Int) -> Bool {
        context.tokens[index].kind == .punctuation
            && (context.isClauseEnd(index) || QuoteMarks.doubleMarks.contains(context.lower[index])
                || QuoteMarks.singleMarks.contains(context.lower[index]))
    }
}
