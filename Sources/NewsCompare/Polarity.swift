internal import NewsCore

/// Whether two sentences of one claim say opposite things: one denies a word the other asserts ("the bridge
/// was not closed" against "the bridge was closed"), or states its antonym ("rose" against "fell").
/// English only: the word lists are English.
struct Polarity {
    /// Words that deny the content word after them.
    static let negators: Set<String> = ["not", "never", "cannot"]
    /// Words that, followed by "that", deny the clause after them ("denied that the bridge was closed").
    static let denials: Set<String> = ["denied", "denies", "deny", "denying", "rejected", "refuted", "disputed"]
    /// The share of their terms two sentences must share to be read as one statement, told both ways: a
    /// claim group aligns sentences about one event, not always about one proposition.
    static let sameStatement = 0.5
    /// Words between a negator and what it denies ("was not yet fully closed").
    static let between: Set<String> = [
        "be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "to", "yet",
        "longer", "ever", "also", "even", "fully", "immediately", "officially", "a", "an", "the",
    ]
    /// Pairs of words that cannot both hold of one thing, as words (stemmed when compared).
    static let antonyms: [(String, String)] = [
        ("closed", "opened"), ("closed", "reopened"), ("rose", "fell"), ("increased", "decreased"),
        ("raised", "lowered"), ("confirmed", "denied"), ("won", "lost"), ("accepted", "rejected"),
        ("approved", "rejected"), ("allowed", "banned"), ("guilty", "innocent"), ("alive", "dead"),
        ("resigned", "stayed"), ("passed", "failed"), ("guilty", "acquitted"),
    ]

    /// A sentence's terms, each with whether the sentence asserts or denies it.
    struct Reading {
        var asserted: Set<String> = []
        var denied: Set<String> = []
    }

    let lexicon: Lexicon
    /// Each antonym pair's terms, both ways.
    let opposites: [String: Set<String>]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        var opposites: [String: Set<String>] = [:]
        for (left, right) in Self.antonyms {
            guard let a = lexicon.term(left), let b = lexicon.term(right), a != b else { continue }
            opposites[a, default: []].insert(b)
            opposites[b, default: []].insert(a)
        }
        self.opposites = opposites
    }

    /// What the sentence asserts and denies.
    func read(_ text: Substring) -> Reading {
        var reading = Reading()
        var pending = false
        var denyingRest = false
        var previous = ""
        for word in Lexicon.words(text) {
            defer { previous = word }
            if Self.negators.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t")
                || (word == "longer" && previous == "no")
            {
                pending = true
                continue
            }
            if word == "that", Self.denials.contains(previous) {
                denyingRest = true
                continue
            }
            if pending, Self.between.contains(word) { continue }
            guard let term = lexicon.term(word) else { continue }
            if pending || denyingRest { reading.denied.insert(term) } else { reading.asserted.insert(term) }
            pending = false
        }
        return reading
    }

    /// The word one sentence asserts and the other denies or opposes, if any, when they are otherwise one
    /// statement.
    func opposition(_ a: Reading, _ b: Reading) -> String? {
        let left = a.asserted.union(a.denied)
        let right = b.asserted.union(b.denied)
        let shared = left.intersection(right).count
        guard shared > 0, Double(shared) / Double(left.union(right).count) >= Self.sameStatement else { return nil }
        // NB: only a word one side asserts and never denies, and the other denies and never asserts.
        for term in a.asserted.subtracting(a.denied).sorted()
        where b.denied.contains(term) && !b.asserted.contains(term) {
            return term
        }
        for term in b.asserted.subtracting(b.denied).sorted()
        where a.denied.contains(term) && !a.asserted.contains(term) {
            return term
        }
        for term in a.asserted.sorted() {
            guard let other = opposites[term] else { continue }
            if let opposite = other.sorted().first(where: { b.asserted.contains($0) }),
                !b.asserted.contains(term), !a.asserted.contains(opposite)
            {
                return term + "/" + opposite
            }
        }
        return nil
    }
}
