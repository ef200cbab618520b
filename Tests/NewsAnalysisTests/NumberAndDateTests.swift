import Foundation
import NewsAnalysis
import NewsCore
import Testing

@Suite("Numeric claims and dates")
struct NumberAndDateTests {
    static let tuesday = Date(timeIntervalSince1970: 1_451_347_200)  // 2015-12-29, a Tuesday

    static func claims(_ text: String) -> [String] {
        let analysis = TextAnalyzer().analyze(text, published: tuesday)
        return analysis.numbers.map { claim in
            let upper = claim.upperValue.map { "-\(Int($0))" } ?? ""
            return
                "\(claim.range.slice(of: text))|\(claim.value)\(upper)|\(claim.qualifier.rawValue)|\(claim.counted ?? "-")|\(claim.predicate ?? "-")"
        }
    }

    @Test(
        "quantities, hedges and what they count",
        arguments: [
            ("Air strikes have killed 849 civilians.", ["849|849.0|exact|civilians|killed"]),
            (
                "Nearly 2.5 million people fled the fighting.",
                ["Nearly 2.5 million|2500000.0|approximately|people|fled"]
            ),
            ("At least 20 to 30 soldiers were wounded.", ["20 to 30|20.0-30|range|soldiers|wounded"]),
            ("Dozens of protesters were arrested.", ["Dozens of|24.0|order|protesters|arrested"]),
            ("Up to twenty-five schools were hit.", ["Up to twenty-five|25.0|atMost|schools|hit"]),
            (
                "Two thirds of the country's population has been displaced.",
                ["Two thirds of|0.6666666666666666|exact|the country's population|displaced"]
            ),
            ("Turnout reached 61 percent.", ["61 percent|61.0|exact|%|reached"]),
            ("Resolution 2254 was adopted in 2015 by one of the members.", []),
            ("The war began almost five years ago and six months later it spread.", []),
        ])
    func numbers(text: String, expected: [String]) {
        #expect(Self.claims(text) == expected)
    }

    @Test(
        "dates resolve against the publication day",
        arguments: [
            ("The State Department said on Tuesday it was concerned.", "on Tuesday", "2015-12-29"),
            ("The report was published on Monday.", "on Monday", "2015-12-28"),
            ("They met last Tuesday.", "last Tuesday", "2015-12-22"),
            ("Talks begin January 25 in Geneva.", "January 25", "2016-01-25"),
            ("The attacks between Sept. 30 and the end of the year.", "Sept. 30", "2015-09-30"),
            ("Photos from Monday, Dec. 28, 2015 show damage.", "Monday, Dec. 28, 2015", "2015-12-28"),
            ("The strike last week killed him.", "last week", "2015-12-21/2015-12-27"),
            ("Peace talks are planned next month.", "next month", "2016-01"),
            ("The war in Syria began in March 2011.", "in March 2011", "2011-03"),
            ("Fighting resumed yesterday.", "yesterday", "2015-12-28"),
            ("It was signed on 2015-12-18 in New York.", "2015-12-18", "2015-12-18"),
            ("The campaign began in late September.", "in late September", "2015-09"),
            ("Schools would stay shut until Wednesday.", "until Wednesday", "2015-12-30"),
            ("A decision is due by Friday.", "by Friday", "2016-01-01"),
            ("The border will reopen on Monday.", "on Monday", "2016-01-04"),
            ("Talks end by Tuesday.", "by Tuesday", "2015-12-29"),
        ])
    func dates(text: String, written: String, value: String) throws {
        let analysis = TextAnalyzer().analyze(text, published: Self.tuesday)
        let date = try #require(
            analysis.dates.first { $0.range.slice(of: text).hasSuffix(written) || $0.range.slice(of: text) == written })
        #expect(date.value == value)
    }

    @Test("without a publication date, relative dates stay unresolved but absolute ones resolve")
    func noReference() {
        let text = "Officials met on Tuesday. The war began in March 2011."
        let analysis = TextAnalyzer().analyze(text)
        #expect(analysis.dates.map(\.value) == [nil, "2011-03"])
    }

    @Test("\"May\" the verb is not a month")
    func may() {
        #expect(TextAnalyzer().analyze("Officials may meet again.", published: Self.tuesday).dates.isEmpty)
    }
}
