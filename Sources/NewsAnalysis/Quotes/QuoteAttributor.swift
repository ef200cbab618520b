internal import NewsCore
internal import NewsText

/// The tagger's model and one article's features, boxed so that copying the attributor copies one reference.
final class AttributionTagging {
    let model: AttributionModel
    let features: AttributionFeatures

    init(model: AttributionModel, features: AttributionFeatures) {
        self.model = model
        self.features = features
    }
}

/// Finds direct, partial and indirect quotes and their speakers, in text order so that a pronoun can
/// fall back on the last speaker.
struct QuoteAttributor {
    let context: AnalysisContext
    var table: EntityTable
    let spans: [QuoteSpan]
    let finder: SpeakerFinder
    /// Where descriptions naming an owner occur ("A recent Amnesty International report"): token, head, entity.
    let ownedDescriptions: [(token: Int, head: String, entity: Int)]
    var lastSpeakers: [(entity: Int, kind: EntityKind, paragraph: Int)] = []

    /// The learned tagger and the article's features for it, when reported speech is also tagged.
    let tagger: AttributionTagging?

    init(context: AnalysisContext, table: EntityTable, tagger model: AttributionModel? = nil) {
        self.context = context
        self.table = table
        spans = QuoteMarks.spans(in: context)
        let quoted = Self.quotedTokens(in: context, spans: spans)
        finder = SpeakerFinder(context: context, table: table, quoted: quoted)
        // NB: the bundled model learned English news; other languages keep the rules alone.
        tagger = model.flatMap { model in context.resources.language == "en" ? model : nil }.map {
            AttributionTagging(
                model: $0,
                features: AttributionFeatures(context: context, table: table, quoted: quoted, cueLexicon: $0.cueWords))
        }
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

    /// Whether each token is inside quote marks (the marks included).
    static func quotedTokens(in context: AnalysisContext, spans: [QuoteSpan]? = nil) -> [Bool] {
        var quoted = [Bool](repeating: false, count: context.tokens.count)
        for span in spans ?? QuoteMarks.spans(in: context) {
            for token in span.open...span.close { quoted[token] = true }
        }
        return quoted
    }

    /// Every quote, in text order.
    mutating func quotes() -> [Quote] {
        var quotes: [Quote] = []
        var spanIndex = 0
        for sentence in context.text.sentenceTokens.indices where context.sentenceRoles[sentence] == .body {
            while spanIndex < spans.count, context.sentenceOf[spans[spanIndex].open] < sentence { spanIndex += 1 }
            let sentenceStart = quotes.count
            while spanIndex < spans.count, context.sentenceOf[spans[spanIndex].open] == sentence {
                if let quote = quoted(spans[spanIndex]) { quotes.append(quote) }
                spanIndex += 1
            }
            if tagger != nil {
                tagged(in: sentence, quotes: &quotes, sentenceStart: sentenceStart)
            } else {
                quotes += indirect(in: sentence)
            }
        }
        attributeLoneQuotes(&quotes)
        return joinPieces(quotes.sorted { ($0.range.start, $0.kind.rawValue) < ($1.range.start, $1.kind.rawValue) })
    }

    // MARK: Quotes in marks

    /// The quote in marks, or `nil` for words in marks that nobody is said to have said: scare quotes,
    /// titles, terms ("so-called 'smart' meters").
    mutating func quoted(_ span: QuoteSpan) -> Quote? {
        let openSentence = context.sentenceOf[span.open]
        let closeSentence = context.sentenceOf[span.close]
        let head = context.text.sentenceTokens[openSentence].lowerBound..<span.open
        let tailEnd = context.text.sentenceTokens[closeSentence].upperBound
        let headHasWords = head.contains { context.tokens[$0].kind != .punctuation }
        var kind = QuoteKind.partial
        var attribution: (cue: Int, speaker: Speaker)?
        if let japanese = japaneseAttribution(span, end: tailEnd) {
            attribution = japanese
            kind = .direct  // 大臣は「…」と述べた: the speaker before the quote, the verb after it
        } else if let tail = tailAttribution(after: span.close, end: tailEnd) {
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
        if kind == .partial, attribution == nil { return nil }
        return quote(kind: kind, range: span.range, attribution: attribution, sentence: openSentence)
    }

    /// `"...," Toner said.` or `"...," said Toner.`
    func tailAttribution(after close: Int, end: Int) -> (cue: Int, speaker: Speaker)? {
        // "…” ― Azucena Gonzàlez": a dash, then a name that ends the paragraph, signs the quote (the sentence
        // breaker may put the signature in a sentence of its own).
        if close + 2 < context.tokens.count, ["―", "—", "–"].contains(context.lower[close + 1]) {
            let paragraph = context.text.sentenceParagraphs[context.sentenceOf[close]]
            var stop = close + 2
            while stop < min(context.tokens.count, close + 14),
                context.text.sentenceParagraphs[context.sentenceOf[stop]] == paragraph
            {
                stop += 1
            }
            if let speaker = finder.phraseStarting(at: close + 2), speaker.last < stop,
                (speaker.last + 1..<stop).allSatisfy({ context.tokens[$0].kind == .punctuation }),
                stop == context.tokens.count
                    || context.text.sentenceParagraphs[context.sentenceOf[stop]] != paragraph
            {
                return (close + 1, speaker)
            }
        }
        var index = close + 1
        while index < end, context.tokens[index].kind == .punctuation, context.lower[index] != "." { index += 1 }
        guard index < end else { return nil }
        if isSpeech(index) || isCue(index), let speaker = finder.phraseStarting(at: index + 1) {
            return (index, speaker)
        }
        // NB: a speaker with a title and an appositive ("Vann R. Newkirk II, a writer for The Atlantic, said")
        // runs past eight tokens; the verb's subject must still start right after the quote.
        for verb in index..<min(index + 16, end) where isSpeech(verb) || isCue(verb) {
            // Past eight tokens, only a subject that starts right after the quote: "…," Russia - which claims…
            // is another clause.
            if let speaker = finder.subject(ofVerb: verb), speaker.first >= index,
                verb < index + 8 || speaker.first == index
            {
                return (verb, speaker)
            }
            return nil
        }
        return nil
    }

    /// `大臣は「撤退しない」と述べた`: と after the closing bracket, then a verb of saying; the speaker is what
    /// comes before は or が in the sentence.
    func japaneseAttribution(_ span: QuoteSpan, end: Int) -> (cue: Int, speaker: Speaker)? {
        // NB: ICU's dictionary may cut a verb (述 + べた), so the words after と are read as one string.
        let verb = span.close + 2
        guard verb < end, context.lower[span.close] == "」", context.lower[span.close + 1] == "と" else { return nil }
        let following = context.string(verb, min(end - 1, verb + 3))
        guard Self.japaneseSpeechVerbs.contains(where: { following.hasPrefix($0) }) else { return nil }
        let start = context.text.sentenceTokens[context.sentenceOf[span.open]].lowerBound
        guard let particle = (start..<span.open).first(where: { ["は", "が"].contains(context.lower[$0]) }),
            particle > start
        else { return nil }
        return (verb, Speaker(first: start, last: particle - 1))
    }

    static let japaneseSpeechVerbs = LanguageResources.forLanguage(LanguageCode(rawValue: "ja")).speechVerbs

    /// `Toner said: "..."` or `He added, "..."`.
    func headAttribution(before open: Int) -> (cue: Int, speaker: Speaker)? {
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
    func sentenceAttribution(_ sentence: Int, before limit: Int) -> (cue: Int, speaker: Speaker)? {
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
    func speaker(ofVerb verb: Int, sentence: Int) -> Speaker? {
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
}
