internal import NewsCore
internal import NewsText

/// Reported speech the learned tagger finds (each content span it labels, with the cue nearest to it and that
/// cue's speaker), merged with the rules' quotes of the same sentence.
extension QuoteAttributor {
    /// One attribution the tagger found: the reported words (in pieces when the attribution stands inside them),
    /// the cue and the speaker.
    struct TaggedAttribution {
        var range: TextRange
        var pieces: [TextRange]?
        var attribution: (cue: Int, speaker: Speaker)
    }

    /// Words that open a relative clause: as a speaker they name nobody by themselves.
    static let relativePronouns: Set<String> = ["who", "which", "that", "whom"]

    /// Whether a word of saying is in a past or third-person form ("warned", "says", "told"): a bare form after
    /// "and" is more often a noun or an infinitive's verb ("federal and state law") than a second attribution.
    static func isFiniteVerbForm(_ word: String) -> Bool {
        word.hasSuffix("ed") || (word.hasSuffix("s") && !word.hasSuffix("ss")) || irregularPasts.contains(word)
    }

    /// Past forms of words of saying that do not end in "-ed".
    static let irregularPasts: Set<String> = ["said", "told", "wrote", "spoke", "thought", "knew", "felt", "held"]

    /// Adds the attributions of `sentence` to `quotes`, whose quotes in marks for it start at `sentenceStart`:
    /// the tagger's, which replace the rules' reported speech they overlap and the phrases in marks they hold
    /// ("he had concerns about “trial lawyers” and …" is one attribution); direct quotes stay the rules'.
    mutating func tagged(in sentence: Int, quotes: inout [Quote], sentenceStart: Int) {
        let candidates = taggedAttributions(in: sentence)
        let marked = Array(quotes[sentenceStart...])
        let markedSpans = SpanIndex(marked.map(\.range))
        let earlier = SpanIndex(quotes[max(0, sentenceStart - 4)..<sentenceStart].map(\.range))
        func overlaps(_ a: TextRange, _ b: TextRange) -> Bool { a.start < b.end && b.start < a.end }
        func holds(_ outer: TextRange, _ inner: TextRange) -> Bool {
            outer.start <= inner.start && inner.end <= outer.end
        }
        // The rules' quotes in marks stand, and phrases in marks yield to a clause that wholly holds them and
        // says more. The tagger's reported speech replaces the rules' it overlaps, unless its cue lies inside
        // the rules' reported words: "He said [Kerry discussed [the strikes …]]" is two attributions, one inside
        // the other, as PolNeAR annotates them.
        // NB: the titles of this sentence and the few before it: the list grows with the article.
        let recentTitles = Array(nobodysWords.suffix(8))
        let titles = SpanIndex(recentTitles)
        // A title with a word or two around it ("said on CNN's "State of the Union"") is no report.
        func aroundTitle(_ range: TextRange) -> Bool {
            titles.overlapping(range).contains { words(in: range) - words(in: recentTitles[$0]) < 3 }
        }
        let rules = indirect(in: sentence).filter { !aroundTitle($0.range) }
        // An attribution nested in the rules' reported words needs a word that attributes: "…, but the Secret
        // Service whisked her away …, another source said" holds no second attribution at "whisked".
        func nestedWithoutCue(_ candidate: TaggedAttribution) -> Bool {
            let cue = candidate.attribution.cue
            guard let features = tagger?.features, !features.isCueLike(cue), !isCue(cue) else { return false }
            let cueRange = context.tokens[cue].range
            return rules.contains { holds($0.range, cueRange) }
        }
        let kept = candidates.filter { candidate in
            earlier.overlapping(candidate.range).isEmpty && !aroundTitle(candidate.range)
                && !nestedWithoutCue(candidate)
                && markedSpans.overlapping(candidate.range).allSatisfy { index in
                    marked[index].kind != .direct && holds(candidate.range, marked[index].range)
                }
        }
        let keptSpans = SpanIndex(kept.map(\.range))
        var reported: [Quote] = []
        for candidate in kept {
            // "The administration may be reluctant to act while Kerry negotiates, Schiff said.": reported words
            // before their attribution run from the sentence's start, where the rules begin them; the tagger
            // may begin at a clause inside ("while").
            let cue = context.tokens[candidate.attribution.cue].range
            var range = candidate.range
            if candidate.pieces == nil,
                let rule = rules.first(where: { rule in
                    rule.cue == cue && holds(rule.range, range) && rule.range.end <= cue.start
                        && rule.range.start < range.start
                })
            {
                range = rule.range
            }
            reported.append(
                quote(kind: .indirect, range: range, attribution: candidate.attribution, sentence: sentence))
            reported[reported.count - 1].pieces = candidate.pieces
        }
        reported += rules.filter { rule in
            keptSpans.overlapping(rule.range).allSatisfy { index in
                // A tagged attribution whose cue lies inside the rules' reported words (not their own cue) is
                // nested in theirs.
                let cue = context.tokens[kept[index].attribution.cue].range
                return holds(rule.range, cue) && !(rule.cue.map { overlaps($0, cue) } ?? false)
            }
        }
        // Reported speech holding phrases in marks is one attribution (`said the group was "deeply alarmed" by
        // it`), the phrases kept as its `quotedWords`: they are what outlets quote word for word.
        var absorbed = Set<Int>()
        for index in reported.indices {
            let range = reported[index].range
            let held = markedSpans.overlapping(range).filter {
                marked[$0].kind == .partial && holds(range, marked[$0].range)
            }
            guard !held.isEmpty else { continue }
            // Words all in marks are the quote itself, its marks included (PolNeAR's span), not reported speech.
            var token = firstToken(atOrAfter: range.start)
            var says = false
            while !says, token < context.tokens.count, context.tokens[token].range.end <= range.end {
                says = context.tokens[token].kind == .word && !finder.quoted[token]
                token += 1
            }
            reported[index].kind = .partial
            if says { reported[index].quotedWords = held.map { marked[$0].range } }
            absorbed.formUnion(held)
        }
        quotes.removeSubrange(sentenceStart...)
        quotes += marked.indices.filter { !absorbed.contains($0) }.map { marked[$0] }
        quotes += reported.filter { quote in
            markedSpans.overlapping(quote.range).allSatisfy { marked[$0].kind != .direct }
        }
    }

    /// The tagger's attributions in `sentence`: content spans of three words or more, each with the cue nearest
    /// to it and the source nearest to that cue.
    func taggedAttributions(in sentence: Int) -> [TaggedAttribution] {
        guard let tagger else { return [] }
        let tokens = context.text.sentenceTokens[sentence]
        guard tokens.count >= 4, tagger.model.mayHoldCue(tokens, tagger.features) else { return [] }
        let labels = tagger.model.decode(tagger.features.keys(of: tokens), perToken: AttributionFeatures.perToken)
        var segments: [(part: Int, first: Int, last: Int)] = []
        for (offset, label) in labels.enumerated() where label != .outside {
            let token = tokens.lowerBound + offset
            if label.rawValue % 2 == 1 || segments.last?.part != label.part {
                segments.append((label.part, token, token))
            } else {
                segments[segments.count - 1].last = token
            }
        }
        // A content the tagger broke by a word or two of its own ("X said that, if elected, he") is one.
        var joined: [(part: Int, first: Int, last: Int)] = []
        for segment in segments {
            if segment.part == 3, let previous = joined.last, previous.part == 3, segment.first - previous.last <= 3 {
                joined[joined.count - 1].last = segment.last
            } else {
                joined.append(segment)
            }
        }
        // A content the tagger ends at a coordinating "and"/"or" whose rest of the sentence it leaves unlabelled,
        // with no other attribution in it, goes on to the sentence's end ("Putin's threat to Eastern and Northern
        // Europe").
        if let last = joined.last, last.part == 3, last.last + 2 < tokens.upperBound,
            ["and", "or"].contains(context.lower[last.last + 1])
        {
            var end = tokens.upperBound - 1
            while end > last.last, context.tokens[end].kind == .punctuation { end -= 1 }
            if end > last.last + 1,
                !((last.last + 1)...end).contains(where: {
                    isSpeech($0) || isStance($0) || isCue($0) || context.lower[$0] == ","
                })
            {
                joined[joined.count - 1].last = end
            }
        }
        // "said X and warned that Y": a second verb of saying after "and" starts an attribution of its own.
        segments = []
        for segment in joined {
            guard segment.part == 3 else {
                segments.append(segment)
                continue
            }
            var first = segment.first
            for token in segment.first...segment.last
            where token > first + 1 && token < segment.last && context.lower[token - 1] == "and"
                && context.has(token, .speech) && !finder.quoted[token] && Self.isFiniteVerbForm(context.lower[token])
            {
                segments.append((3, first, token - 2))
                segments.append((2, token, token))
                first = token + 1
            }
            segments.append((3, first, segment.last))
        }
        // A cue is headed by a word that attributes: an auxiliary or an adverb the tagger took with it ("has
        // denied", "recently reported") is not its head, and a cue of such words alone is none.
        func attributes(_ token: Int) -> Bool {
            context.tokens[token].kind == .word
                && (!context.has(token, .stop) || isSpeech(token) || isStance(token) || isCue(token))
                && !context.lower[token].hasSuffix("ly") && !context.has(token, .numberWord)
                // NB: after a determiner the word is a noun ("on a call"), not the verb that attributes.
                && !(token > tokens.lowerBound && context.has(token - 1, .determiner))
        }
        let cues = segments.compactMap { segment -> (part: Int, first: Int, last: Int)? in
            guard segment.part == 2, let head = (segment.first...segment.last).first(where: attributes) else {
                return nil
            }
            return (2, head, segment.last)
        }
        let sources = segments.filter { $0.part == 1 }
        guard !cues.isEmpty else { return [] }
        func distance(_ a: (part: Int, first: Int, last: Int), _ b: (part: Int, first: Int, last: Int)) -> Int {
            a.last < b.first ? b.first - a.last : a.first > b.last ? a.first - b.last : 0
        }
        // Each content with the cue nearest to it; "To prevent floods, Mayor Ellis said, the town must …" is one
        // content in two pieces around its attribution.
        var linked: [(cue: (part: Int, first: Int, last: Int), pieces: [(part: Int, first: Int, last: Int)])] = []
        for content in segments where content.part == 3 {
            let cue = cues.min { distance($0, content) < distance($1, content) }!
            // Words right after a passive's "by" ("reported by rights groups") are its agent, not its content.
            if content.first > tokens.lowerBound, context.lower[content.first - 1] == "by",
                content.first - 1 <= cue.last + 1, content.first > cue.last
            {
                continue
            }
            if let previous = linked.last, previous.cue == cue, previous.pieces.count == 1,
                previous.pieces[0].last < cue.first, content.first > cue.last
            {
                linked[linked.count - 1].pieces.append(content)
            } else {
                linked.append((cue, [content]))
            }
        }
        var found: [TaggedAttribution] = []
        for (cue, pieces) in linked {
            let first = pieces[0].first
            let last = pieces[pieces.count - 1].last
            // A content of a word or two is a label's slip more often than an attribution.
            let words = pieces.reduce(0) { sum, piece in
                sum + (piece.first...piece.last).filter { context.tokens[$0].kind == .word }.count
            }
            guard words >= 3, !isAnonymityPhrase(first, last) else { continue }
            // The source the tagger labels nearest to the cue, unless the rules' subject of the cue overlaps it
            // (they read names, roles and pronouns whole) or it opens a relative clause ("who asked …").
            // A participle's speaker is the subject of the clause it hangs on ("rejected the report, accusing
            // it of …"), which the rules read; a passive's is the agent after "by" ("reported by rights groups").
            let rules = self.speaker(ofVerb: cue.first, sentence: sentence)
            var speaker = rules
            if cue.last + 2 < tokens.upperBound, context.lower[cue.last + 1] == "by",
                let agent = finder.phraseStarting(at: cue.last + 2)
            {
                speaker = agent
            } else if let source = sources.min(by: { distance($0, cue) < distance($1, cue) }),
                !Self.relativePronouns.contains(context.lower[source.first]),
                rules.map({ distance((1, $0.first, $0.last), cue) > distance(source, cue) }) ?? true,
                !context.lower[cue.first].hasSuffix("ing") || rules == nil
                    || !(tokens.lowerBound..<source.first).contains(where: { isSpeech($0) || isStance($0) }),
                rules.map({ $0.first > source.last || source.first > $0.last }) ?? true,
                rules == nil || !finder.followsParticiple(source.first),
                rules.map({ !walkedOver(source, from: $0, to: cue.first) }) ?? true,
                // "Minyon Moore, an adviser, called Mr. Obama's remarks …": words after the verb that open what
                // it says are its object, not its speaker, when the subject stands before the verb.
                rules.map({ !($0.last < cue.first && source.first > cue.last && first > cue.last) }) ?? true
            {
                speaker = self.speaker(source.first, source.last)
            }
            // A time or a heading read as the speaker ("announced this month", "CLARIFICATION: … is calling for")
            // is nobody: the tagger's nearest source then, if it names someone.
            if let chosen = speaker, namesNobody(chosen.first, chosen.last) {
                speaker = sources.filter { !namesNobody($0.first, $0.last) }
                    .min(by: { distance($0, cue) < distance($1, cue) }).map { self.speaker($0.first, $0.last) }
            }
            // The rules' relative pronoun ("Lane, who said") is another mention of the same speaker.
            if let rules, let relative = rules.relative, let chosen = speaker, chosen.relative == nil,
                chosen.first <= rules.last, rules.first <= chosen.last
            {
                speaker?.relative = relative
            }
            // NB: outside quote marks, "I think" is the writer's own voice; a bare "who" names nobody.
            guard let speaker, speaker.pronoun != "i", speaker.pronoun != "we",
                !(speaker.first == speaker.last && Self.relativePronouns.contains(context.lower[speaker.first]))
            else { continue }
            found.append(
                TaggedAttribution(
                    range: context.range(first, last),
                    pieces: pieces.count > 1 ? pieces.map { context.range($0.first, $0.last) } : nil,
                    attribution: (cue.first, speaker)))
        }
        return found
    }

    /// Whether the rules' subject reached the verb over a parenthetical holding the tagger's source, between
    /// commas ("Trump, speaking to a veterans group in Virginia, said"): the words set apart are not the speaker.
    func walkedOver(_ source: (part: Int, first: Int, last: Int), from rules: Speaker, to cue: Int) -> Bool {
        guard rules.last < source.first, source.last < cue else { return false }
        let isComma = { (index: Int) in self.context.isPunctuation(index, ",") }
        // NB: the tagger's source may hold its commas ("a veterans group in Virginia,").
        return (rules.last + 1...source.first).contains(where: isComma) && (source.last..<cue).contains(where: isComma)
    }
}
