internal import NewsCore
internal import NewsText

/// One language's way of turning words into comparable terms: lower-cased, stop words and speech verbs
/// dropped (they carry no fact), synonyms folded to their group's first word, then stemmed. Keeps a
/// stemmer, so one per comparison (not thread-safe).
final class Lexicon {
    private let stemmer: Stemmer?
    private let resources: LanguageResources
    private var synonymStems: [String: String] = [:]
    /// The terms that name a synonym group: curated event words ("deny", "kill"), weighted up.
    private(set) var concepts: Set<String> = []
    private var terms: [String: String?] = [:]

    init(language: LanguageCode?) {
        let language = language ?? .english
        stemmer = Stemmer(language: language)
        resources = LanguageResources.forLanguage(language)
        for (word, head) in resources.synonyms {
            synonymStems[stem(word)] = stem(head)
            concepts.insert(stem(head))
        }
    }

    /// The term a lower-cased word stands for, or `nil` when it carries no fact.
    func term(_ word: String) -> String? {
        if let known = terms[word] { return known }
        let term: String?
        if word.unicodeScalars.count < 2 || resources.stopWords.contains(word) || resources.speechVerbs.contains(word)
            || word.unicodeScalars.allSatisfy({ $0.properties.numericType != nil })
        {
            term = nil
        } else if let head = resources.synonyms[word] {
            term = stem(head)
        } else {
            let stemmed = stem(word)
            term = synonymStems[stemmed] ?? stemmed
        }
        if terms.count > 100_000 { terms.removeAll(keepingCapacity: true) }
        terms[word] = term
        return term
    }

    private func stem(_ word: String) -> String { stemmer?.stem(word) ?? word }

    /// The lower-cased words of `text`: runs of letters and digits, apostrophes inside a word kept
    /// ("russia's"), hyphens splitting ("air-strike" is two words, which `Words.joiningCompounds` may rejoin).
    static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(scalar)
            } else if (scalar == "'" || scalar == "’") && !word.isEmpty {
                continue
            } else if !word.isEmpty {
                words.append(String(word).lowercased())
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(word).lowercased()) }
        return words
    }

    /// `words` with adjacent pairs joined where the story also writes them as one word ("air strikes" and
    /// "airstrikes"), so outlets' spelling habits do not split a shared term.
    static func joiningCompounds(_ words: [String], vocabulary: Set<String>) -> [String] {
        var joined: [String] = []
        joined.reserveCapacity(words.count)
        var index = 0
        while index < words.count {
            if index + 1 < words.count, vocabulary.contains(words[index] + words[index + 1]) {
                joined.append(words[index] + words[index + 1])
                index += 2
            } else {
                joined.append(words[index])
                index += 1
            }
        }
        return joined
    }
}

/// One `Lexicon` per language, made when first needed.
final class LexiconCache {
    private var byLanguage: [String: Lexicon] = [:]

    func lexicon(for language: LanguageCode?) -> Lexicon {
        let code = language?.rawValue ?? "en"
        if let known = byLanguage[code] { return known }
        let lexicon = Lexicon(language: language)
        byLanguage[code] = lexicon
        return lexicon
    }
}
