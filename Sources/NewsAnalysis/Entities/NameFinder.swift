internal import NewsCore
internal import NewsText

/// Finds proper-name mentions: runs of capitalised words, split where a role or a known place ends, then
/// classified with the gazetteers, role words and the words around them.
struct NameFinder {
    let context: AnalysisContext
    let gazetteer = Gazetteer.shared
    /// Lower-cased words seen capitalised away from a sentence's start: evidence they are names.
    let capitalisedInside: Set<String>

    init(context: AnalysisContext) {
        self.context = context
        var inside: Set<String> = []
        for sentence in context.text.sentenceTokens.indices {
            let first = context.firstWord(of: sentence)
            for token in context.text.sentenceTokens[sentence] where token != first && context.isCapitalized(token) {
                inside.insert(context.lower[token])
            }
        }
        capitalisedInside = inside
    }

    /// Every name mention, in text order, classified where the evidence allows.
    func candidates() -> [NameCandidate] {
        var result: [NameCandidate] = []
        // NB: credit lines ("Photo by: AP") name the photographer's agency, not an actor in the story.
        for sentence in context.text.sentenceTokens.indices where context.sentenceRoles[sentence] != .credit {
            let tokens = context.text.sentenceTokens[sentence]
            var index = tokens.lowerBound
            while index < tokens.upperBound {
                guard startsName(index) else {
                    index += 1
                    continue
                }
                let last = runEnd(from: index, limit: tokens.upperBound)
                result += split(first: index, last: last, sentence: sentence)
                index = last + 1
            }
        }
        return result
    }

    // MARK: Runs

    func startsName(_ index: Int) -> Bool {
        guard context.isCapitalized(index) else { return false }
        let word = context.lower[index]
        if adjectivesOfDirection.contains(word), !(index + 1 < context.tokens.count && context.isCapitalized(index + 1))
        {
            return false
        }
        return word != "i" && !calendarWords.contains(word)
    }

    /// The last token of the capitalised run starting at `first`.
    func runEnd(from first: Int, limit: Int) -> Int {
        var last = first
        while !endsWithPossessive(last) {
            let next = last + 1
            guard next < limit else { break }
            let token = context.tokens[next]
            if token.kind == .punctuation, context.lower[next] == ".", !token.spaceBefore,
                context.lower[last].contains(".") || context.resources.abbreviations[context.lower[last]] == .title
            {
                last = next  // the full stop of an acronym ("U.N.")
                continue
            }
            // A middle initial ("George W. Bush", "Marc H. Morial"): one capital, its full stop, then a name.
            if token.kind == .punctuation, context.lower[next] == ".", !token.spaceBefore, next + 1 < limit,
                context.lower[last].utf8.count == 1, context.isCapitalized(last), context.isCapitalized(next + 1),
                last > first
            {
                last = next
                continue
            }
            if context.isCapitalized(next), !calendarWords.contains(context.lower[next]) {
                last = next
                continue
            }
            if nameConnectors.contains(context.lower[next]), next + 1 < limit {
                if context.isCapitalized(next + 1) {
                    last = next
                    continue
                }
                if context.isPunctuation(next + 1, "-"), next + 2 < limit, !context.tokens[next + 2].spaceBefore,
                    context.isCapitalized(next + 2)
                {
                    last = next + 1
                    continue
                }
            }
            if context.isPunctuation(next, "-"), !token.spaceBefore, next + 1 < limit,
                !context.tokens[next + 1].spaceBefore, context.isCapitalized(next + 1)
            {
                last = next
                continue
            }
            break
        }
        return last
    }

    /// Whether only punctuation and openers ("FILE -", "In this photo") come before `index` in its sentence.
    func isEffectiveStart(_ index: Int, sentence: Int) -> Bool {
        let start = context.text.sentenceTokens[sentence].lowerBound
        return (start..<index).allSatisfy {
            context.tokens[$0].kind == .punctuation || sentenceOpeners.contains(context.lower[$0])
                || context.has($0, .stop)
        }
    }

    func endsWithPossessive(_ index: Int) -> Bool {
        let word = context.lower[index]
        return word.hasSuffix("'s") || word.hasSuffix("’s")
    }

    // MARK: Splitting

    /// The mentions in one capitalised run: a leading opener dropped, a role split off, a known place or
    /// organisation split from a following name.
    func split(first firstToken: Int, last: Int, sentence: Int) -> [NameCandidate] {
        var first = firstToken
        let atStart = isEffectiveStart(first, sentence: sentence)
        if atStart {
            while first <= last,
                context.has(first, .stop)
                    || sentenceOpeners.contains(context.lower[first])
            {
                first += 1
            }
            while first <= last, !context.isCapitalized(first) { first += 1 }
            guard first <= last else { return [] }
        }
        var words = (first...last).filter { context.tokens[$0].kind != .punctuation }
        while let lastWord = words.last, nameConnectors.contains(context.lower[lastWord]) { words.removeLast() }
        guard let firstWord = words.first, let lastWord = words.last else { return [] }
        // A run ending in an organisation word is one organisation ("Russian Defence Ministry").
        if !isOrganisationWord(lastWord) {
            if let roleEnd = words.last(where: { context.has($0, .role) }),
                roleEnd != lastWord
            {
                return splitRole(words: words, roleEnd: roleEnd, sentence: sentence)
            }
            if let known = knownPrefix(words), known < words.count - 1 {
                let rest = Array(words[known...])
                let roleContext =
                    first >= 2 && ["for", "of"].contains(context.lower[first - 1])
                    && context.has(first - 2, .role)
                if rest.count >= 2, roleContext || gazetteer.firstNames[context.string(rest[0], rest[0])] != nil {
                    var result: [NameCandidate] = []
                    if let place = candidate(Array(words[..<known]), sentence: sentence, atStart: false) {
                        result.append(place)
                    }
                    if var person = candidate(rest, sentence: sentence, atStart: false) {
                        person.kind = .person
                        if person.role == nil { person.role = roleBefore(rest[0]) }
                        result.append(person)
                    }
                    return result
                }
            }
        }
        let isLoneOpener = atStart && firstWord == lastWord && !isEvidencedName(firstWord)
        guard !isLoneOpener, let mention = candidate(words, sentence: sentence, atStart: atStart) else { return [] }
        return [mention]
    }

    /// "Russian Foreign Minister Sergei Lavrov": the role words, then the person.
    func splitRole(words: [Int], roleEnd: Int, sentence: Int) -> [NameCandidate] {
        guard let roleIndex = words.firstIndex(of: roleEnd) else { return [] }
        var nameStart = roleIndex + 1
        // "Envoy for Syria", "Secretary of State": one capitalised word after "of"/"for" belongs to the role.
        if nameStart + 1 < words.count, ["of", "for"].contains(context.lower[words[nameStart]]) {
            nameStart += 2
        }
        guard nameStart < words.count else { return [] }
        var result: [NameCandidate] = []
        let roleWords = Array(words[..<nameStart])
        // The role's leading country or organisation is a mention of its own ("Russian", "U.N.").
        if let known = knownPrefix(roleWords),
            let lead = candidate(Array(roleWords[..<known]), sentence: sentence, atStart: false)
        {
            result.append(lead)
        }
        guard var person = candidate(Array(words[nameStart...]), sentence: sentence, atStart: false) else {
            return result
        }
        let roleText = roleWords.filter { !honorifics.contains(context.lower[$0]) }
        if let firstRole = roleText.first, let lastRole = roleText.last {
            person.role = context.string(firstRole, lastRole)
        }
        if person.kind == nil || person.kind == .other { person.kind = .person }
        result.append(person)
        return result
    }

    /// How many leading words name a known country, demonym, city or organisation (longest match, up to 3).
    func knownPrefix(_ words: [Int]) -> Int? {
        for length in stride(from: min(3, words.count), through: 1, by: -1) {
            let text = context.string(words[0], trailingDot(words[length - 1]))
            if gazetteer.knownNames.contains(text) { return length }
        }
        return nil
    }

    /// The token, or the acronym full stop right after it.
    func trailingDot(_ index: Int) -> Int {
        let next = index + 1
        if next < context.tokens.count, context.lower[index].contains("."), context.isPunctuation(next, "."),
            !context.tokens[next].spaceBefore
        {
            return next
        }
        return index
    }

    func isOrganisationWord(_ index: Int) -> Bool {
        context.has(index, .organisationWord)
    }

    /// Whether a word at a sentence's start is a name: known, or capitalised elsewhere too.
    func isEvidencedName(_ index: Int) -> Bool {
        let text = context.string(index, trailingDot(index))
        if gazetteer.countries[text] != nil || gazetteer.demonyms[text] != nil || gazetteer.organisations[text] != nil {
            return true
        }
        // An acronym ("NASA's") is a name wherever it stands.
        let letters = text.prefix { $0 != "'" && $0 != "’" }
        if letters.count >= 2, letters.allSatisfy({ $0.isUppercase || $0 == "." }) { return true }
        if endsWithPossessive(index) { return capitalisedInside.contains(String(context.lower[index].dropLast(2))) }
        // "Trudeau said ...": a capitalised word doing the speaking is a name.
        if index + 1 < context.tokens.count, context.has(index + 1, .speech), !context.has(index, .stop) {
            return true
        }
        return capitalisedInside.contains(context.lower[index])
    }
}
