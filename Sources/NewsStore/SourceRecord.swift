/// An outlet in the source registry, with the metadata that decides which outlets are independent.
public struct SourceRecord: Sendable, Hashable, Codable {
    /// Its name, as articles give it ("VOA").
    public var name: String
    /// Its web domain ("voanews.com").
    public var domain: String?
    /// Its country (ISO 3166-1 alpha-2 or a name).
    public var country: String?
    /// Who owns it; outlets with one owner count as one origin.
    public var owner: String?
    /// What kind of outlet it is.
    public var kind: SourceKind?
    /// How many stored articles it ran.
    public var articleCount: Int

    /// Creates a record.
    public init(
        name: String, domain: String? = nil, country: String? = nil, owner: String? = nil, kind: SourceKind? = nil,
        articleCount: Int = 0
    ) {
        self.name = name
        self.domain = domain
        self.country = country
        self.owner = owner
        self.kind = kind
        self.articleCount = articleCount
    }
}

/// What kind of outlet a source is.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A news agency selling copy to other outlets (AP, Reuters, AFP).
    case wire
    /// A broadcaster funded by licence fee or public money at arm's length (BBC, NPR).
    case publicBroadcaster = "public-broadcaster"
    /// An outlet funded or directed by a government (VOA, TRT World, RT).
    case stateFunded = "state-funded"
    /// A privately owned outlet living on sales and advertising.
    case commercial
    /// A non-governmental organisation publishing its own reports.
    case ngo
    /// Anything else (a blog, a company, a government office).
    case other
}

/// Changes to an outlet's metadata: `nil` leaves a field as it is, an empty string clears it.
public struct SourceUpdate: Sendable, Hashable {
    /// See `SourceRecord.domain`.
    public var domain: String?
    /// See `SourceRecord.country`.
    public var country: String?
    /// See `SourceRecord.owner`.
    public var owner: String?
    /// See `SourceRecord.kind`; `.some(nil)` clears it.
    public var kind: SourceKind??

    /// Creates an update.
    public init(domain: String? = nil, country: String? = nil, owner: String? = nil, kind: SourceKind?? = nil) {
        self.domain = domain
        self.country = country
        self.owner = owner
        self.kind = kind
    }
}
