/// A named thing an article talks about, with every place it is mentioned.
public struct Entity: Sendable, Hashable, Codable, Identifiable {
    /// Its index within the analysis, used by quotes and claims to refer to it.
    public var id: Int
    /// What it is.
    public var kind: EntityKind
    /// Its fullest name in the article ("Mark Toner"), or the country a demonym names ("Russia").
    public var name: String
    /// The role or title the text gives a person ("State Department spokesman"), the first one found.
    public var role: String?
    /// Every mention, in text order.
    public var mentions: [Mention]

    /// Creates an entity.
    public init(id: Int, kind: EntityKind, name: String, role: String?, mentions: [Mention]) {
        self.id = id
        self.kind = kind
        self.name = name
        self.role = role
        self.mentions = mentions
    }
}

/// The kinds of named entity.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A person.
    case person
    /// A company, government body, agency, party, group or outlet.
    case organization
    /// A country, region, city or other place.
    case place
    /// A proper name of none of the kinds above (an event, a movement, a document).
    case other
}

/// One mention of an entity.
public struct Mention: Sendable, Hashable, Codable {
    /// Where it is.
    public var range: TextRange
    /// How it names the entity.
    public var form: MentionForm

    /// Creates a mention.
    public init(range: TextRange, form: MentionForm) {
        self.range = range
        self.form = form
    }
}

/// How a mention names its entity.
public enum MentionForm: String, Sendable, Hashable, Codable {
    /// The full name or a variant of it ("Mark Toner", "United States").
    case name
    /// A shorter later form ("Toner", "Mr Toner").
    case short
    /// An adjective of nationality standing for a country ("Russian").
    case demonym
    /// An abbreviation ("U.N.", "US").
    case acronym
    /// A pronoun resolved to the entity ("he", in attribution).
    case pronoun
    /// A description resolved to the entity ("the report" for the organisation that published it).
    case description
}
