internal import NewsCore

/// The words naming who speaks, and the entity they stand for when known.
struct Speaker {
    /// The first token of the speaker's words.
    var first: Int
    /// The last token (inclusive).
    var last: Int
    /// The named entity, when the words are or hold a name.
    var entity: Int?
    /// The pronoun, lower-cased, when the words are one.
    var pronoun: String?
    /// The head noun of a description ("report", "spokesman"), lower-cased.
    var headNoun: String?
    /// The relative pronoun the words speak through ("who" in "McConnell, who said"), when they do: another
    /// mention of the same speaker.
    var relative: Int?
}

/// English attribution vocabulary.
enum AttributionWords {
    /// Pronouns that may stand for a speaker.
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    /// Pronouns that stand for people.
    static let personalPronouns: Set<String> = ["he", "she", "i", "we"]
    /// Nouns that head a speaking document or group ("the report", "UN estimates", "rights groups").
    static let documentNouns: Set<String> = [
        "report", "reports", "statement", "statements", "study", "survey", "letter", "estimates", "estimate",
        "figures", "data", "investigation", "analysis", "findings", "document", "communique", "communiqué",
        "declaration", "assessment", "review", "inquiry", "audit", "poll", "census", "tally", "count",
        "resolution", "ruling", "verdict", "indictment", "complaint", "release", "post", "tweet", "video",
        "footage", "records", "documents", "sources", "source", "witnesses", "witness", "residents", "activists",
        "officials", "groups", "organisations", "organizations", "agencies", "monitors", "observers", "media",
        "authorities", "experts", "analysts", "critics", "lawmakers", "diplomats", "doctors", "medics",
        "police", "ministry", "government", "army", "military", "spokesman", "spokeswoman", "spokesperson",
        "official", "minister", "envoy", "president", "leader", "source", "team", "commission", "panel",
        "council", "committee", "agency", "group", "organisation", "organization", "office", "department",
        "campaigners", "researchers", "scientists",
    ]
    /// Words between a subject and its verb that say nothing about who speaks.
    static let skippable: Set<String> = [
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "further", "later",
        "previously", "recently", "earlier", "then", "again", "reportedly", "once", "still", "first",
        "separately", "repeatedly", "publicly", "privately", "today", "yesterday", "tonight", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "on", "late", "early", "last", "this", "week",
        "night", "morning", "afternoon", "evening", "month", "year", "weekend", "had", "did", "does", "not", "never",
        "always", "may",
        "might", "could", "can", "should", "must", "being", "been", "just", "now", "clearly", "openly",
    ]
    /// Nouns for documents, which speak for whoever published them ("the report").
    static let documentHeads: Set<String> = [
        "report", "reports", "statement", "statements", "study", "survey", "letter", "estimates", "estimate",
        "figures", "data", "investigation", "analysis", "findings", "document", "communique", "communiqué",
        "declaration", "assessment", "review", "inquiry", "audit", "poll", "census", "tally", "count",
    ]
    /// Nouns that stand for an organisation named before ("the agency", "the company").
    static let organisationNouns: Set<String> = [
        "agency", "company", "firm", "group", "organisation", "organization", "authority", "ministry",
        "department", "government", "union", "operator", "bank", "party", "council", "commission", "office",
        "retailer", "carrier", "airline", "manufacturer", "maker", "chipmaker", "broadcaster", "network", "service",
    ]
    /// Organisation nouns that may stand for any organisation ("the company"), unlike "the union".
    static let genericOrganisationNouns: Set<String> = [
        "agency", "company", "firm", "group", "organisation", "organization", "operator", "retailer", "carrier",
        "airline", "manufacturer", "maker", "chipmaker", "broadcaster",
    ]
    /// Determiners that open a description.
    static let determiners: Set<String> = [
        "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those",
    ]
}
