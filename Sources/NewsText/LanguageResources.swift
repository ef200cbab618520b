public import NewsCore

/// The word lists of one language (Languages/<code>/), parsed once and shared.
public struct LanguageResources: Sendable {
    /// How an abbreviation's full stop behaves at a possible sentence end.
    public enum AbbreviationClass: String, Sendable {
        /// A title before a name ("Gen.", "Mr."): never ends a sentence.
        case title
        /// A month or numbering word ("Dec.", "No."): does not end a sentence before a digit.
        case month
        /// Anything else ("U.S.", "etc."): does not end a sentence before a lower-case word or a digit.
        case other
    }

    /// The language these lists are for.
    public let language: String
    /// Function words, lower-cased.
    public let stopWords: Set<String>
    /// Abbreviations, lower-cased and without their final full stop ("u.s", "dec").
    public let abbreviations: [String: AbbreviationClass]
    /// Verbs that introduce reported speech, lower-cased.
    public let speechVerbs: Set<String>
    /// Verbs that attribute a quoted phrase ("called"), lower-cased.
    public let cueVerbs: Set<String>
    /// Verbs that attribute a position, what follows them ("endorsed Cruz", "declined to comment"), lower-cased.
    public let stanceVerbs: Set<String>
    /// Words that make a title or role, lower-cased.
    public let roles: Set<String>
    /// Words that make a name an organisation's, lower-cased.
    public let organisationWords: Set<String>
    /// Words news copy uses interchangeably, lower-cased, each mapped to the first word of its group.
    public let synonyms: [String: String]

    /// The lists for `language`; languages without data get empty lists.
    public static func forLanguage(_ language: LanguageCode?) -> LanguageResources {
        switch language?.rawValue {
        case "en", nil: english
        case let code?: cache[code] ?? LanguageResources(code)
        }
    }

    /// The English lists, the default for undetermined text.
    public static let english = LanguageResources("en")

    /// Every language with data, parsed once.
    static let cache: [String: LanguageResources] = Dictionary(
        uniqueKeysWithValues: LanguageData.lists.keys.map { ($0, LanguageResources($0)) })

    /// The languages that have data.
    public static var languages: [String] { LanguageData.lists.keys.sorted() }

    init(_ code: String) {
        language = code
        let lists = LanguageData.lists[code] ?? [:]
        func words(_ name: String) -> Set<String> {
            Set((lists[name] ?? "").split(separator: "\n").map { String($0).lowercased() })
        }
        stopWords = words("stopwords")
        speechVerbs = words("speech-verbs")
        cueVerbs = words("cue-verbs")
        stanceVerbs = words("stance-verbs")
        roles = words("roles")
        organisationWords = words("organisation-words")
        var synonyms: [String: String] = [:]
        for line in (lists["synonyms"] ?? "").split(separator: "\n") {
            let group = line.split(separator: " ").map { $0.lowercased() }
            guard let head = group.first else { continue }
            for word in group where synonyms[word] == nil { synonyms[word] = head }
        }
        self.synonyms = synonyms
        var abbreviations: [String: AbbreviationClass] = [:]
        for line in (lists["abbreviations"] ?? "").split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let kind = AbbreviationClass(rawValue: String(fields[1])) else { continue }
            abbreviations[fields[0].lowercased()] = kind
        }
        self.abbreviations = abbreviations
    }
}
