/// English number words and the words that hedge or scale a number.
enum NumberWords {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
    ]
    static let multipliers: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "mn": 1_000_000,
    ]
    /// "hundreds of", "dozens of": the lower end of the order.
    static let orders: [String: Double] = [
        "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "tens": 20, "millions": 2_000_000,
        "billions": 2_000_000_000,
    ]
    static let fractions: [String: Double] = [
        "half": 0.5, "third": 1.0 / 3.0, "thirds": 2.0 / 3.0, "quarter": 0.25, "quarters": 0.75,
    ]
    static let dozen: Double = 12

    /// The value of one spelled number word ("five", "twenty"), not counting "a".
    static func value(of word: String) -> Double? {
        guard word != "a", word != "an" else { return nil }
        return units[word]
    }

    /// Hedges before a number, longest first, with what they mean.
    static let qualifiers: [([String], NumberQualifierWord)] = [
        (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast), (["no", "more", "than"], .atMost),
        (["in", "excess", "of"], .atLeast), (["as", "many", "as"], .atMost), (["at", "least"], .atLeast),
        (["more", "than"], .atLeast), (["upwards", "of"], .atLeast), (["at", "most"], .atMost),
        (["up", "to"], .atMost),
        (["fewer", "than"], .atMost), (["less", "than"], .atMost), (["close", "to"], .approximately),
        (["an", "estimated"], .approximately), (["over"], .atLeast), (["above"], .atLeast), (["under"], .atMost),
        (["nearly"], .approximately), (["almost"], .approximately), (["about"], .approximately),
        (["around"], .approximately), (["some"], .approximately), (["roughly"], .approximately),
        (["approximately"], .approximately), (["estimated"], .approximately), (["circa"], .approximately),
    ]

    /// What a hedge means (mirrors NumberQualifier without its order and range cases).
    enum NumberQualifierWord {
        case atLeast, atMost, approximately
    }

    /// Past participles that do not end in "-ed".
    static let irregularParticiples: Set<String> = [
        "hit", "hurt", "slain", "struck", "shot", "held", "taken", "seen", "left", "made", "found", "lost", "kept",
        "fled", "driven", "sent", "brought", "caught", "freed", "born", "known", "given", "built", "sold", "won",
        "beaten", "stolen", "thrown", "drawn", "bitten", "torn", "stuck",
    ]
    /// Auxiliaries between a counted noun and what happened to it.
    static let auxiliaries: Set<String> = [
        "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "reportedly", "also", "now",
        "already", "since", "all", "so", "far", "recently", "allegedly",
    ]
}
