internal import NewsCore
internal import NewsText

/// What a name is: a known place or organisation, or a person by the role or words around it.
extension NameFinder {
    /// A classified mention of the words `words` (first to last, inclusive).
    func candidate(_ words: [Int], sentence: Int, atStart: Bool) -> NameCandidate? {
        guard let first = words.first, let lastWord = words.last else { return nil }
        let last = trailingDot(lastWord)
        var range = context.range(first, last)
        if endsWithPossessive(lastWord) { range.end -= context.lower[lastWord].hasSuffix("'s") ? 2 : 4 }
        let text = context.text.string(range)
        guard !text.isEmpty else { return nil }
        var mention = NameCandidate(
            first: first, last: last, range: range, text: text, kind: nil, form: .name, canonical: text, role: nil)
        let isAcronym = text.unicodeScalars.allSatisfy { $0 == "." || ("A"..."Z").contains($0) } && text.count <= 8
        if let organisation = gazetteer.organisations[text] {
            mention.kind = .organization
            mention.canonical = organisation
            mention.form = isAcronym ? .acronym : .name
        } else if let country = gazetteer.countries[text] {
            mention.kind = .place
            mention.canonical = country.name
            mention.form = isAcronym ? .acronym : .name
        } else if let country = gazetteer.demonyms[text] {
            mention.kind = .place
            mention.canonical = country.name
            mention.form = .demonym
        } else if words.contains(where: isOrganisationWord) {
            mention.kind = .organization
        } else if gazetteer.cities[text] != nil || placeWords.contains(context.lower[lastWord]) {
            mention.kind = .place
        } else if first > 0, context.tokens[first - 1].kind == .word, !context.isCapitalized(first - 1),
            AttributionWords.organisationNouns.contains(context.lower[first - 1])
        {
            mention.kind = .organization  // "telecom operator Telnova", "retailer Hollis & Co"
        } else if isAcronym, text.count >= 2 {
            mention.kind = .organization
            mention.form = .acronym
        } else if let role = roleBefore(first) ?? roleAfter(last) {
            mention.kind = .person
            mention.role = role
        } else if words.count >= 2, words.count <= 4, gazetteer.firstNames[context.string(first, first)] != nil {
            mention.kind = .person
        } else if words.count >= 2, words.count <= 4, isFollowedBySpeech(last) {
            mention.kind = .person
        }
        if mention.kind == nil, words.count == 1, isAfterPlacePreposition(first) {
            mention.kind = .place
            mention.isWeak = true
        }
        if mention.kind == .person, mention.role == nil { mention.role = roleBefore(first) ?? roleAfter(last) }
        return mention
    }

    /// "State Department spokesman Mark Toner": lower-case role words (and the names before them) right
    /// before a name.
    func roleBefore(_ first: Int) -> String? {
        let sentenceStart = context.text.sentenceTokens[context.sentenceOf[first]].lowerBound
        // "the mayor, Joan Ellis,": a role in apposition before the name.
        if first >= sentenceStart + 3, context.isPunctuation(first - 1, ","), context.has(first - 2, .role),
            !context.isCapitalized(first - 2), context.has(first - 3, .determiner)
        {
            return context.string(first - 2, first - 2)
        }
        let roles = context.resources.roles
        var index = first - 1
        var start = first
        var sawRole = false
        while index >= sentenceStart, first - index <= 10 {
            let word = context.lower[index]
            let isWord = context.tokens[index].kind == .word
            if isWord, !context.isCapitalized(index), roles.contains(word) {
                sawRole = true
            } else if context.isCapitalized(index) || word == "." || word == "-" {
                // A name part of the role ("State Department", "U.N.").
            } else if word == "of" || word == "for", index > sentenceStart, roles.contains(context.lower[index - 1]) {
                // "envoy for Syria"
            } else {
                break
            }
            start = index
            index -= 1
        }
        guard sawRole else { return nil }
        while start < first,
            context.tokens[start].kind == .punctuation || context.has(start, .stop)
        {
            start += 1
        }
        return start < first ? context.string(start, first - 1) : nil
    }

    /// "Igor Konashenkov, Russian Defence Ministry spokesman,": an appositive holding a role word.
    func roleAfter(_ last: Int) -> String? {
        guard context.isPunctuation(last + 1, ",") else { return nil }
        let sentenceEnd = context.text.sentenceTokens[context.sentenceOf[last]].upperBound
        var index = last + 2
        var words: [Int] = []
        while index < sentenceEnd, words.count < 12, !context.isPunctuation(index, ","), !context.isClauseEnd(index) {
            if context.tokens[index].kind != .punctuation || context.lower[index] == "-" { words.append(index) }
            index += 1
        }
        guard words.prefix(5).contains(where: { context.has($0, .role) }) else {
            return nil
        }
        while let first = words.first, ["the", "a", "an"].contains(context.lower[first]) { words.removeFirst() }
        guard let first = words.first, let lastWord = words.last else { return nil }
        return context.string(first, lastWord)
    }

    /// "in Nawa", "neighborhood of Zahraa": an unknown single name where places go.
    func isAfterPlacePreposition(_ first: Int) -> Bool {
        guard first >= 1 else { return false }
        let previous = context.lower[first - 1]
        if ["in", "near", "outside", "across", "around"].contains(previous) { return true }
        guard previous == "of", first >= 2 else { return false }
        return placeWords.contains(context.lower[first - 2])
            || ["neighborhood", "neighbourhood", "outskirts"].contains(context.lower[first - 2])
    }

    func isFollowedBySpeech(_ last: Int) -> Bool {
        let next = last + 1
        return next < context.tokens.count && context.has(next, .speech)
    }
}
