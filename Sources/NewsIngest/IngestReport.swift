public import NewsCore
public import NewsExtract

/// What happened to one input (a file, or standard input).
public struct InputReport: Sendable, Hashable {
    /// The path as given or found in a folder, `-` for standard input.
    public var input: String
    /// Ids of the articles it added.
    public var added: [ArticleID] = []
    /// Ids of the stored articles its records duplicated.
    public var duplicates: [ArticleID] = []
    /// Records it held that are not articles, with where and why.
    public var rejections: [RecordRejection] = []
    /// Things worth knowing that did not stop it (a fallback charset, an unreadable date).
    public var warnings: [String] = []
    /// Why it yielded nothing at all, if so.
    public var problem: IngestProblem?

    /// Creates an empty report for `input`.
    public init(input: String) { self.input = input }

    /// Whether nothing in it could be used: a problem, or only rejections.
    public var failed: Bool { problem != nil || (added.isEmpty && duplicates.isEmpty && !rejections.isEmpty) }
}

/// A record of an input that is not an article.
public struct RecordRejection: Sendable, Hashable {
    /// Where in the input.
    public var location: RecordLocation
    /// Why.
    public var rejection: ExtractionRejection

    /// Creates a record rejection.
    public init(location: RecordLocation, rejection: ExtractionRejection) {
        self.location = location
        self.rejection = rejection
    }
}

/// What an `add` did, input by input.
public struct IngestReport: Sendable, Hashable {
    /// One report per input, in the order they were read.
    public var inputs: [InputReport]
    /// Files in named folders that were passed over because their extension is not an article format.
    public var skippedFiles: [String]

    /// Creates a report.
    public init(inputs: [InputReport] = [], skippedFiles: [String] = []) {
        self.inputs = inputs
        self.skippedFiles = skippedFiles
    }

    /// Articles added in all.
    public var addedCount: Int { inputs.reduce(0) { $0 + $1.added.count } }
    /// Records that were already stored.
    public var duplicateCount: Int { inputs.reduce(0) { $0 + $1.duplicates.count } }
    /// Records and inputs that could not be used.
    public var rejectedCount: Int { inputs.reduce(0) { $0 + $1.rejections.count + ($1.problem == nil ? 0 : 1) } }
}

/// Running totals while an `add` works, for a progress display.
public struct IngestProgress: Sendable, Hashable {
    /// The position of the input being read, from 1.
    public var inputNumber: Int
    /// Inputs to read in all.
    public var inputsTotal: Int
    /// The input being read.
    public var current: String
    /// How much of the current input has been read, from 0 to 1, when its size is known.
    public var currentFraction: Double?
    /// Articles added so far.
    public var added: Int
    /// Duplicates so far.
    public var duplicates: Int
    /// Rejections so far.
    public var rejected: Int
}
