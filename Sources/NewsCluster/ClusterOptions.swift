/// How stories are formed; every default is documented with why it is what it is.
public struct ClusterOptions: Sendable, Hashable, Codable {
    /// The score an article needs with a story to join it (cosine of TF-IDF vectors, blended with name
    /// overlap, times the time factor). Below it, the article starts a story. Chosen on the shared dev sets
    /// (BASIL, GoogleNews-TS) together with `mergeThreshold`; see BENCHMARKS.md.
    public var threshold: Double = 0.12
    /// The cosine two stories' term profiles need to merge into one: an online clusterer splits a story whose
    /// first reports differ, and merging them back as they converge is what recovers it. 0.3 until the
    /// loose-join rule (`looseJoinEvidence`) left more fragments to merge.
    public var mergeThreshold: Double = 0.25
    /// Documents assumed seen before the first one, so that the first articles' IDF is not noise (with three
    /// documents, every shared word looks common).
    public var idfPrior: Double = 20
    /// How much more a headline word counts than a body word: headlines name the event.
    public var titleWeight: Double = 3
    /// How many of an article's heaviest terms represent it: enough for a story's vocabulary, few enough to keep
    /// comparisons cheap.
    public var termsPerArticle: Int = 60
    /// How many of a story's heaviest terms the inverted index keeps for it.
    public var termsPerStory: Int = 120
    /// How many of an article's heaviest terms look up candidate stories.
    public var lookupTerms: Int = 12
    /// How many of the newest stories indexed under a term an article looks at through it.
    public var storiesPerTerm: Int = 256
    /// How many candidate stories (those sharing the most lookup terms) are scored for an article.
    public var maxCandidates: Int = 48
    /// The share of the score that comes from shared names (capitalised words, a cheap stand-in for the
    /// analysis's entities) rather than terms. Kept light: names shared by related events days apart (a saga's
    /// people) join them; on BASIL pairwise F1 is 0.955 at 0.05 (as at 0), 0.944 at 0.1 and 0.933 at 0.25.
    public var nameWeight: Double = 0.05
    /// How many of its most mentioned names a story keeps (pruned when it holds twice as many). A saga open for
    /// months mentions thousands of names once each; unbounded, they made its profile 220 KB, read and decoded for
    /// every article that considers it. An article's names are compared with the story's well-known ones.
    public var namesPerStory: Int = 256
    /// Seconds after which a story's relevance halves (reports of one event cluster within days).
    public var halfLife: Double = 2 * 86_400
    /// Seconds of silence after which a story closes and takes no more articles.
    public var window: Double = 7 * 86_400
    /// Once a story has taken `spreadAfterJoins` articles, it takes another only at a term similarity of at least
    /// this share of its loosest member's: a tight story (one event, told alike) does not swallow the related
    /// event next to it, while a loose one stays open to loose reports. Without dates it is what keeps the
    /// events of one saga apart (BASIL undated pairwise F1 0.510 → 0.749, BASIL 0.955 → 0.970, GoogleNews-TS
    /// 0.858 → 0.854); 0 turns it off. See BENCHMARKS.md.
    public var spreadFactor: Double = 0.75
    /// The most the spread asks of an article: a story of copies (joins at 0.95) would otherwise turn away a
    /// report of the same event told in other words.
    public var spreadCap: Double = 0.5
    /// How many articles must have joined a story before its spread counts (one join is one pair, often two
    /// copies of one report: no measure of how loose the story is).
    public var spreadAfterJoins: Int = 2

    /// For an undated article, how much the score it needs rises per weighed term beyond
    /// `undatedThresholdFreeTerms` (its vector holds at most `termsPerArticle`, so a full text needs 0.12 + 20 ×
    /// 0.006 = 0.24). Related events of one topic share much of a long text's vocabulary, so without time to keep
    /// them apart a full text scores higher with another event's story than a headline-length record does: the
    /// threshold that keeps short records together lets full texts chain a saga. Dated articles are kept apart by
    /// time and pay nothing; texts of up to 40 terms (headlines, leads, GoogleNews-TS) pay nothing either. BASIL
    /// undated pairwise F1 0.806 → 0.837, every other set unchanged; 0.004 or 0.008 gave 0.810. See BENCHMARKS.md.
    public var undatedThresholdPerTerm: Double = 0.006
    /// See `undatedThresholdPerTerm`.
    public var undatedThresholdFreeTerms: Int = 40
    /// Two stories merge only at a profile cosine of at least this many times the loosest join of either (of a
    /// story someone joined): two tight stories of one saga's neighbouring events converge without being one
    /// event, while the fragments of one loose story (GoogleNews-TS's) still merge. BASIL undated pairwise F1
    /// 0.749 → 0.806 (the merges that joined whole events: 7 → 2), GoogleNews-TS 0.8544 → 0.8539; 1.5 the same
    /// undated and 0.8539, 1.0 0.773; 0 turns it off.
    public var mergeSpreadFactor: Double = 1.25

    /// A join at a term similarity below `looseJoinBelow` needs the terms shared with the story to be worth this
    /// many of the rarest words (summed IDF over the largest IDF; in a thousand articles a word two of them use is
    /// worth 0.9, one a hundred use 0.35): short records of related events of one topic
    /// (headline and lead of "Trump ... wall" and "Trump ... shutdown") reach the threshold on one or two common
    /// words, while two reports of one event share its rare ones. BASIL leads pairwise F1 0.622 → 0.744 (with
    /// `mergeThreshold` 0.25, which recovers the fragments it leaves in GoogleNews-TS: 0.8539 → 0.8543, NMI 0.9494
    /// → 0.9507), every other set unchanged; 1.7 gave 0.705 and 2.3 0.739. 0 turns it off. See BENCHMARKS.md.
    public var looseJoinEvidence: Double = 2
    /// See `looseJoinEvidence`: joins at a term similarity of at least this share enough words to be trusted
    /// (0.2 gave BASIL leads 0.664, 0.3 0.744 with GoogleNews-TS 0.8545).
    public var looseJoinBelow: Double = 0.25
    /// A join at a term similarity below `eventEvidenceBelow` needs the shared terms that are not names (words
    /// the article's body capitalises inside sentences and never writes in lower case) to be worth this many of the
    /// rarest words: the events of one saga share its people and places, the reports of one event also share what
    /// happened ("subpoena", "shutdown"). BASIL leads pairwise F1 0.744 → 0.760 (the other sets unchanged,
    /// GoogleNews-TS 0.8543 → 0.8542); the values tried on the way are in BENCHMARKS.md. 0 turns it off.
    public var eventEvidence: Double = 1
    /// See `eventEvidence` (0.35, 0.45 and 0.5 gave leads 0.751–0.755 before the headline's lower-case words
    /// counted against names).
    public var eventEvidenceBelow: Double = 0.4

    /// The defaults.
    public init() {}

    /// Reads saved options; a field an older build did not save takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ClusterOptions()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        threshold = try value(.threshold, defaults.threshold)
        mergeThreshold = try value(.mergeThreshold, defaults.mergeThreshold)
        idfPrior = try value(.idfPrior, defaults.idfPrior)
        titleWeight = try value(.titleWeight, defaults.titleWeight)
        termsPerArticle = try value(.termsPerArticle, defaults.termsPerArticle)
        termsPerStory = try value(.termsPerStory, defaults.termsPerStory)
        lookupTerms = try value(.lookupTerms, defaults.lookupTerms)
        storiesPerTerm = try value(.storiesPerTerm, defaults.storiesPerTerm)
        maxCandidates = try value(.maxCandidates, defaults.maxCandidates)
        nameWeight = try value(.nameWeight, defaults.nameWeight)
        namesPerStory = try value(.namesPerStory, defaults.namesPerStory)
        halfLife = try value(.halfLife, defaults.halfLife)
        window = try value(.window, defaults.window)
        spreadFactor = try value(.spreadFactor, defaults.spreadFactor)
        spreadAfterJoins = try value(.spreadAfterJoins, defaults.spreadAfterJoins)
        spreadCap = try value(.spreadCap, defaults.spreadCap)
        undatedThresholdPerTerm = try value(.undatedThresholdPerTerm, defaults.undatedThresholdPerTerm)
        undatedThresholdFreeTerms = try value(.undatedThresholdFreeTerms, defaults.undatedThresholdFreeTerms)
        mergeSpreadFactor = try value(.mergeSpreadFactor, defaults.mergeSpreadFactor)
        looseJoinEvidence = try value(.looseJoinEvidence, defaults.looseJoinEvidence)
        looseJoinBelow = try value(.looseJoinBelow, defaults.looseJoinBelow)
        eventEvidence = try value(.eventEvidence, defaults.eventEvidence)
        eventEvidenceBelow = try value(.eventEvidenceBelow, defaults.eventEvidenceBelow)
    }
}
