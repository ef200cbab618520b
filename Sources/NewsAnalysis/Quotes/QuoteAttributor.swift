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
    /// Each entity's name and role in lower case, as UTF-8: what "the spokesman" or "the company" is matched on.
    let lowered: (names: [[UInt8]], roles: [[UInt8]])

    /// Words in marks that are nobody's (titles, ids: see `namesNothing`), in text order.
    var nobodysWords: [TextRange] = []
    /// The learned tagger and the article's features for it, when reported speech is also tagged.
    let tagger: AttributionTagging?

    init(context: AnalysisContext, table: EntityTable, tagger model: AttributionModel? = nil) {
        self.context = context
        self.table = table
        lowered = (
            table.entities.map { Array($0.name.lowercased().utf8) },
            table.entities.map { Array(($0.role?.lowercased() ?? "").utf8) }
        )
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
        colonLines(&quotes)
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
        var tailEnd = context.text.sentenceTokens[closeSentence].upperBound
        // NB: a sentence always ends after "?” " or "!” ", so in `“You winning?” she said` the attribution is a
        // sentence of its own: it is the quote's tail when it follows in the same paragraph.
        if span.close > span.open + 1, ["?", "!"].contains(context.lower[span.close - 1]),
            (span.close + 1..<tailEnd).allSatisfy({ context.tokens[$0].kind == .punctuation }),
            closeSentence + 1 < context.text.sentenceTokens.count,
            context.text.sentenceParagraphs[closeSentence + 1] == context.text.sentenceParagraphs[closeSentence]
        {
            tailEnd = context.text.sentenceTokens[closeSentence + 1].upperBound
        }
        let headHasWords = head.contains { context.tokens[$0].kind != .punctuation }
        guard
            !namesNothing(
                span,
                standsAlone: !headHasWords
                    && (span.close + 1..<tailEnd).allSatisfy { context.tokens[$0].kind == .punctuation }
            )
        else {
            nobodysWords.append(span.range)
            return nil
        }
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
            // After a colon the quote is a whole utterance, whatever the sentence said before its speaker
            // ("Trump will make news, Kall said: "I feel …"").
            if context.isPunctuation(span.open - 1, ":")
                || !head.contains(where: {
                    $0 < subjectStart && context.tokens[$0].kind != .punctuation && !finder.quoted[$0]
                })
            {
                kind = .direct
            }
        } else if !headHasWords,
            !(span.close + 1..<tailEnd).contains(where: { context.tokens[$0].kind != .punctuation })
        {
            kind = .direct  // a quote standing alone; its speaker comes from `He said:` before it, or its neighbours
            attribution = colonAttribution(before: openSentence, open: span.open)
        } else {
            attribution = sentenceAttribution(openSentence, before: span.open)
        }
        if kind == .partial, attribution == nil { return nil }
        return quote(kind: kind, range: span.range, attribution: attribution, sentence: openSentence)
    }

    /// Whether the words in marks are nobody's: no letters at all (an id in markup, `tweet-id="7834…"`), or a
    /// title: words in title case after a possessive or "on" (`told MSNBC's "Morning Joe"`, `on CNN's "State of
    /// the Union"`) or standing alone (`'All Bets Are Off.'`, a related article's headline).
    func namesNothing(_ span: QuoteSpan, standsAlone: Bool) -> Bool {
        let inside = (span.open + 1..<span.close).filter { context.tokens[$0].kind != .punctuation }
        guard inside.contains(where: { context.lower[$0].contains(where: \.isLetter) }) else { return true }
        let words = inside.filter { context.tokens[$0].kind == .word }
        guard !words.isEmpty, words.count <= 8, context.isCapitalized(words[0]),
            words.allSatisfy({ context.isCapitalized($0) || context.has($0, .stop) })
        else { return false }
        if standsAlone {
            // A headline is a paragraph of its own in title case (two capitalised words at least, lower case only
            // for short words), with no stop or comma inside it.
            let sentence = context.sentenceOf[span.open]
            let paragraph = context.text.sentenceParagraphs[sentence]
            let alone =
                (sentence == 0 || context.text.sentenceParagraphs[sentence - 1] != paragraph)
                && (sentence + 1 == context.text.sentenceParagraphs.count
                    || context.text.sentenceParagraphs[sentence + 1] != paragraph)
            let stops = (span.open + 1..<span.close - 1).contains {
                [".", ",", "!", "?", ";", ":"].contains(context.lower[$0])
            }
            return alone && !stops && words.count(where: { context.isCapitalized($0) }) >= 2
        }
        guard span.open > 0 else { return false }
        let before = context.lower[span.open - 1]
        return before == "on" || before.hasSuffix("'s") || before.hasSuffix("’s")
    }

    /// `"...," Toner said.` or `"...," said Toner.`
    func tailAttribution(after close: Int, end: Int) -> (cue: Int, speaker: Speaker)? {
        // "…” ― Azucena Gonzàlez": a dash, then a name that ends its line or paragraph, signs the quote (the
        // sentence breaker may put the signature in a sentence of its own; a list of signed quotes has one per line).
        if close + 2 < context.tokens.count, ["―", "—", "–"].contains(context.lower[close + 1]),
            let speaker = signature(from: close + 2)
        {
            return (close + 1, speaker)
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
            // A title before the name ("Rep. John Mica (R-Fla.) said") still starts the subject there.
            if let speaker = finder.subject(ofVerb: verb), speaker.first >= index,
                verb < index + 8
                    || (index..<speaker.first).allSatisfy({ context.has($0, .role) || context.isPunctuation($0, ".") })
            {
                return (verb, speaker)
            }
            return nil
        }
        return nil
    }

    /// The name signing a quote from `start` to the end of its line or paragraph: a phrase the speaker finder
    /// knows, or else up to six capitalised words and initials (a reader's name no list holds: "Beck Pimentel").
    func signature(from start: Int) -> Speaker? {
        let paragraph = context.text.sentenceParagraphs[context.sentenceOf[start]]
        var stop = start + 1
        while stop < min(context.tokens.count, start + 12),
            context.text.sentenceParagraphs[context.sentenceOf[stop]] == paragraph, !lineBreak(before: stop)
        {
            stop += 1
        }
        let ends =
            stop == context.tokens.count || lineBreak(before: stop)
            || context.text.sentenceParagraphs[context.sentenceOf[stop]] != paragraph
        guard ends else { return nil }
        var last = stop - 1
        while last >= start, context.tokens[last].kind == .punctuation { last -= 1 }
        guard last >= start else { return nil }
        if let speaker = finder.phraseStarting(at: start), speaker.last <= last, speaker.last >= last - 1 {
            return speaker
        }
        let words = (start...last).filter { context.tokens[$0].kind == .word }
        let isName =
            words.count <= 6 && context.isCapitalized(start) && context.isCapitalized(words.last ?? start)
            && (start...last).allSatisfy { index in
                context.isCapitalized(index) || context.tokens[index].kind == .punctuation
                    || ["de", "del", "la", "van", "von", "da", "di", "bin", "al"].contains(context.lower[index])
            }
        return isName ? Speaker(first: start, last: last) : nil
    }

    /// Whether a line break comes between token `index` and the one before it.
    func lineBreak(before index: Int) -> Bool {
        guard index > 0, index < context.tokens.count else { return false }
        let from = context.tokens[index - 1].range.end
        let to = context.tokens[index].range.start
        return from < to && context.text.bytes[from..<to].contains(UInt8(ascii: "\n"))
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

    /// `The New York Times reports:` (or `Sanders made the following comment:`) ending the sentence before a quote
    /// that opens its own sentence: who that sentence says is speaking.
    func colonAttribution(before sentence: Int, open: Int) -> (cue: Int, speaker: Speaker)? {
        guard sentence > 0, context.text.sentenceTokens[sentence].lowerBound == open else { return nil }
        let previous = context.text.sentenceTokens[sentence - 1]
        guard let colon = previous.last, context.lower[colon] == ":", !finder.quoted[colon] else { return nil }
        return sentenceAttribution(sentence - 1, before: colon)
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
