internal import NewsCore

/// A proper-name mention found in the text, before mentions are grouped into entities.
struct NameCandidate {
    /// The first token.
    var first: Int
    /// The last token (inclusive).
    var last: Int
    /// The span, without a possessive "'s".
    var range: TextRange
    /// The name as written, without a possessive.
    var text: String
    /// What it names, `nil` until classified.
    var kind: EntityKind?
    /// How it names it.
    var form: MentionForm
    /// The name it is grouped under (a country's or organisation's canonical name, or the text itself).
    var canonical: String
    /// A role or title the text gives it here.
    var role: String?
    /// Whether the kind rests on weak evidence (a place by its preposition) that a person's short name beats.
    var isWeak = false
}

/// Words that join the parts of one name ("Secretary of State", "Staffan de Mistura", "Jaysh al Islam").
let nameConnectors: Set<String> = [
    "of", "for", "de", "al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "del", "della", "la",
    "le", "du", "da", "dos", "das", "di", "ez", "ul", "on",
]

/// Honorifics that are not roles worth reporting ("Mr Toner" says nothing of Toner's job).
let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "sir", "dame", "madam", "mister"]

/// Capitalised words that open sentences or captions without being names.
let sentenceOpeners: Set<String> = [
    "according", "file", "photo", "update", "updated", "breaking", "watch", "read", "exclusive", "analysis",
    "opinion", "editorial", "human", "local", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "one", "many", "several", "residents", "officials", "meanwhile", "earlier", "later", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "critics", "witnesses", "analysts", "experts", "activists", "protesters", "authorities",
    "doctors", "investigators", "prosecutors", "researchers", "scientists", "economists", "lawmakers",
    "supporters", "opponents", "observers", "sources", "organizers", "organisers", "students", "teachers",
    "workers", "parents", "villagers", "farmers", "voters", "diplomats", "officers", "soldiers", "rebels",
    "militants", "troops", "leaders", "ministers", "members", "survivors", "relatives", "families", "rescuers",
    "firefighters", "medics", "engineers", "residents", "neighbors", "neighbours", "people", "locals",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
]

/// Capitalised words that are never names on their own: days and months (dates are found apart).
let calendarWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]

/// Capitalised adjectives of direction, which open names ("Western Sahara") but alone are not one.
let adjectivesOfDirection: Set<String> = ["western", "eastern", "northern", "southern", "central"]

/// Words that make a name a place's ("Homs Province", "Gaza City").
let placeWords: Set<String> = [
    "province", "governorate", "region", "district", "county", "village", "town", "city", "valley", "river",
    "mountains", "mountain", "island", "islands", "sea", "gulf", "strait", "square", "street", "avenue",
    "neighborhood", "neighbourhood", "camp", "border", "crossing", "peninsula", "desert", "lake", "bay",
    "heights", "airport", "port", "state",
]
