internal import NewsCore
internal import NewsText

/// Quotes made from attributions, and speakers resolved to entities.
extension QuoteAttributor {
    mutating func quote(
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
            if let relative = speaker.relative ?? relativePronoun(after: speaker, before: attribution.cue) {
                table.addMention(Mention(range: context.range(relative, relative), form: .pronoun), to: entity)
            }
            let paragraph = context.text.sentenceParagraphs[sentence]
            lastSpeakers.append((entity, table.entities[entity].kind, paragraph))
        }
        var cue = context.range(attribution.cue, attribution.cue)
        if context.lower[attribution.cue] == "according" { cue = context.range(attribution.cue, attribution.cue + 1) }
        return Quote(
            kind: kind, range: range, cue: cue, speakerMention: mentionRange, speaker: entity, sentence: sentence)
    }

    /// The "who" or "which" between a speaker and its verb that is the verb's own subject ("McConnell, now the
    /// majority leader, who in 2010 said", "Clinton — who's called for"): another mention of the speaker, found
    /// when the speaker came from elsewhere than the subject's walk back (the tagger, a passage over times).
    func relativePronoun(after speaker: Speaker, before cue: Int) -> Int? {
        guard cue > speaker.last + 1, context.sentenceOf[speaker.last] == context.sentenceOf[cue],
            cue - speaker.last <= 14
        else { return nil }
        guard let relative = (speaker.last + 1..<cue).last(where: { ["who", "which"].contains(context.lower[$0]) }),
            cue - relative <= 4
        else { return nil }
        // Nothing between the pronoun and the verb may be a clause of its own.
        let between = relative + 1..<cue
        guard !between.contains(where: { isSpeech($0) || isStance($0) || context.lower[$0] == "," }) else {
            return nil
        }
        return relative
    }

    /// The entity a speaker phrase stands for.
    func resolve(_ speaker: Speaker) -> Int? {
        if let entity = speaker.entity { return entity }
        let sentence = context.sentenceOf[speaker.first]
        let paragraph = context.text.sentenceParagraphs[sentence]
        if let pronoun = speaker.pronoun {
            let wantsPerson = AttributionWords.personalPronouns.contains(pronoun)
            func fits(_ entity: Int) -> Bool {
                guard (table.entities[entity].kind == .person) == wantsPerson else { return false }
                // "she" cannot be Justin Trudeau, nor "he" Jane Smith, as far as first names tell.
                let first = table.entities[entity].name.split(separator: " ").first.map(String.init) ?? ""
                switch (pronoun, Gazetteer.shared.firstNames[first]) {
                case ("he", .female?), ("she", .male?): return false
                default: return true
                }
            }
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
        // "the spokesman", "The mayor": the person last given that role.
        let speakerStart = context.tokens[speaker.first].range.start
        if context.resources.roles.contains(head) {
            return table.entities.indices.last { index in
                let entity = table.entities[index]
                return entity.kind == .person && Self.holds(lowered.roles[index], head)
                    && (entity.mentions.first?.range.start ?? .max) < speakerStart
            }.map { table.entities[$0].id }
        }
        let before = ownedDescriptions.filter { $0.token < speaker.first }
        if let owned = before.last(where: { $0.head == head }) { return owned.entity }
        // "The agency said", "the company said": the organisation named last; "the ministry" one whose name
        // says ministry. Only a bare "the company" points back; "the data protection authority" names a body of
        // its own.
        if AttributionWords.organisationNouns.contains(head), speaker.last - speaker.first <= 1 {
            let named = table.entities.indices.last { index in
                let entity = table.entities[index]
                return entity.kind == .organization && Self.holds(lowered.names[index], head)
                    && (entity.mentions.first?.range.start ?? .max) < speakerStart
            }
            if let named { return table.entities[named].id }
            guard AttributionWords.genericOrganisationNouns.contains(head) else { return nil }
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

    /// Whether the lower-cased UTF-8 `text` holds `word` anywhere (as `String.contains` would, without its
    /// generic search: this runs for every role or company a speaker is resolved by, against every entity).
    static func holds(_ text: [UInt8], _ word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard let first = needle.first, needle.count <= text.count else { return needle.isEmpty }
            return text.withUnsafeBufferPointer { haystack in
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
    }

    /// A standing-alone quote in marks takes the speaker of the nearest attributed quote in marks before it in
    /// its paragraph, else of any attribution in the sentence just before, else of the nearest after it, else of
    /// the quote closing the paragraph before.
    mutating func attributeLoneQuotes(_ quotes: inout [Quote]) {
        for index in quotes.indices where quotes[index].kind == .direct && quotes[index].speakerMention == nil {
            let paragraph = context.text.sentenceParagraphs[quotes[index].sentence]
            func paragraphOf(_ quote: Quote) -> Int { context.text.sentenceParagraphs[quote.sentence] }
            let attributed = quotes.indices.filter { quotes[$0].kind == .direct && quotes[$0].speakerMention != nil }
            let sameParagraph = attributed.filter { paragraphOf(quotes[$0]) == paragraph }
            // "…, Schiff said. "The other factor …"": the sentence before, of any kind, names who goes on.
            let previousSentence = quotes.indices.last {
                $0 < index && quotes[$0].speakerMention != nil && quotes[$0].sentence == quotes[index].sentence - 1
                    && paragraphOf(quotes[$0]) == paragraph
            }
            let donor =
                sameParagraph.last { $0 < index } ?? previousSentence ?? sameParagraph.first { $0 > index }
                ?? attributed.last { $0 < index && paragraphOf(quotes[$0]) == paragraph - 1 }
            guard let donor else { continue }
            quotes[index].speaker = quotes[donor].speaker
            quotes[index].speakerMention = quotes[donor].speakerMention
        }
    }
}
