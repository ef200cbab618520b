/// The words that make an outlet or report a sentence's source, and those that rule it out.
extension RelayFinder {
    /// One word before a source: "citing X", "told X", "via X", and "according to" in other languages.
    static let singleCues: Set<String> = [
        "citing", "told", "via", "laut", "selon", "según", "secondo", "segundo", "volgens", "według", "d'après",
        "d\u{2019}après",
    ]
    /// Two words before a source.
    static let pairCues: Set<String> = [
        "according to", "reported by", "reporting by", "published by", "published in", "obtained by", "revealed by",
        "said to", "speaking to", "speaking with", "spoke to", "spoke with", "talking to", "talked to",
        "interview with", "interviews with", "interview on", "statement to", "cited by", "quoted by",
    ]
    /// Two words before a source that name an interview it was given.
    static let interviewCues: Set<String> = [
        "said to", "speaking to", "speaking with", "spoke to", "spoke with", "talking to", "talked to",
        "interview with", "interviews with", "interview on", "statement to",
    ]
    /// Two words before a source that name its report, which must be relayed, not disputed ("a report in X").
    static let nounPairCues: Set<String> = [
        "report by", "reports by", "report from", "report in", "reports in", "story in", "article in", "study by",
        "investigation by",
    ]
    /// A word after a source, past `skippable` words: "X reported", "X reports that", "X, which first reported".
    static let afterCues: Set<String> = [
        "reports", "reported", "reporting", "revealed", "reveals", "learned", "wrote", "writes", "broke",
        "disclosed", "obtained", "cites", "cited", "contributed",
        "berichtet", "berichtete", "berichten", "meldet", "meldete", "schreibt", "schrieb", "zufolge", "rapporte",
        "révèle", "informa", "informó", "publica", "publicó", "riporta", "scrive",
    ]
    /// Words that may stand between a source and its cue.
    static let skippable: Set<String> = [
        "is", "was", "has", "had", "have", "which", "first", "earlier", "previously", "also", "initially",
        "originally", "exclusively", "recently", "later", "itself", "hat",
    ]
    /// What "the …" may call a source named before.
    static let referents: Set<String> = [
        "report", "newspaper", "paper", "agency", "outlet", "broadcaster", "network", "magazine", "daily", "study",
    ]
    /// What such a source does in a sentence that relays it.
    static let referringVerbs: Set<String> = [
        "said", "says", "reported", "reports", "found", "finds", "wrote", "writes", "added", "noted", "states",
    ]
    /// What a report does when a sentence relays it ("the Times report said").
    static let sayingVerbs: Set<String> = [
        "said", "says", "found", "finds", "showed", "shows", "revealed", "reveals", "concluded", "concludes",
        "detailed", "details", "claimed", "claims", "stated", "states", "added", "noted", "reported", "cited",
        "estimated", "estimates", "documented", "suggested", "suggests",
    ]
    /// Words before a report that make the sentence about disputing it rather than relaying it.
    static let disputingWords: Set<String> = [
        "disputed", "disputes", "denied", "denies", "rejected", "rejects", "challenged", "challenges", "dismissed",
        "dismisses", "criticized", "criticised", "questioned", "refuted", "refutes", "not", "debunked", "called",
    ]
    /// What an organisation publishes.
    static let reportNouns: Set<String> = ["report", "reports", "study", "survey", "investigation", "findings"]
    /// How an organisation puts a report out.
    static let publishingVerbs: Set<String> = ["published", "released", "issued", "publishes", "releases", "issues"]
}
