internal import Foundation
internal import NewsCompare
internal import NewsCore

/// The story page's view model: the comparison arranged for the `story` template. Text stays plain here;
/// the template escapes it (only the chart, built from escaped parts, goes in raw).
struct StoryPageModel {
    struct Cite {
        var href: String
        var label: String
        var quote: String
    }

    struct ArticleColumn {
        var id: Int64
        var title: String
        var outlet: String
        var day: String
        var copyOf: Int64?
    }

    struct OriginColumn {
        var label: String
        /// The outlets, when they say more than the label (an owner's several outlets, wire copies).
        var outlets: String?
        var articles: [ArticleColumn]
    }

    struct Cell {
        var text: String?
        /// The source the cited sentence relays, when it names one.
        var via: String?
        var cites: [Cite]
    }

    struct SideRow {
        var claim: Int
        var status: String
        var cells: [Cell]
    }

    struct Sentence {
        var status: String
        var text: String
        var cites: [Cite]
    }

    struct Evidence {
        var outlet: String
        /// The source the sentence relays, when it names one.
        var via: String?
        var text: String
        var cites: [Cite]
    }

    struct Group {
        var id: Int
        var originCount: Int
        var plural: Bool
        var outlets: String
        /// "(The New York Times), relayed by Fox, HuffPost" when some outlets only relay it.
        var relayed: String?
        var conflict: String?
        var evidence: [Evidence]
    }

    struct StatusSection {
        var status: String
        var title: String
        var count: Int
        var groups: [Group]
        var empty: Bool
    }

    struct FigureLine {
        var counted: String
        var agreement: String
        /// Why the row agrees, differs or conflicts, on its first line only.
        var explanation: String?
        var number: String
        var reporter: String
        var status: String
        var outlet: String
        var sentence: String
        var cites: [Cite]
    }

    struct Speaker {
        var name: String
        var role: String?
        var counts: [Int]
    }

    struct Shared {
        var text: String
        var speakers: String
        var originCount: Int
        var cites: [Cite]
    }

    struct FrameRow {
        var article: Int64
        var outlet: String
        var headline: String
        var distinctive: String
        var firstNamed: String
        var leavesOut: String
    }

    struct Event {
        var date: String
        var text: String
        var cites: [Cite]
    }

    var title: String
    var storyID: Int64
    var lead: String
    var corroborated: Int
    var contested: Int
    var singleSource: Int
    var origins: [OriginColumn]
    var sideHeaders: [String]
    var sideRows: [SideRow]
    var sideHidden: Int?
    var summary: [Sentence]
    var sections: [StatusSection]
    var figures: [FigureLine]
    var hasFigures: Bool
    var quoteOutlets: [String]
    var speakers: [Speaker]
    var shared: [Shared]
    var framing: [FrameRow]
    var chart: String
    var events: [Event]
    var articles: [ArticleColumn]
    var apiPath: String

    /// How many claims the side-by-side grid shows; the sections below list every claim.
    static let sideRowLimit = 40

    init(_ comparison: StoryComparison) {
        title = comparison.articles.first?.title ?? "Story \(comparison.story.rawValue)"
        storyID = comparison.story.rawValue
        lead = ComparisonText.headline(comparison)
        corroborated = comparison.statusCounts[CorroborationStatus.corroborated.rawValue] ?? 0
        contested = comparison.statusCounts[CorroborationStatus.contested.rawValue] ?? 0
        singleSource = comparison.statusCounts[CorroborationStatus.singleSource.rawValue] ?? 0
        let columns = comparison.articles.map {
            ArticleColumn(
                id: $0.id.rawValue, title: $0.title, outlet: $0.outlet, day: ComparisonText.day($0.published),
                copyOf: $0.copyOf?.rawValue)
        }
        articles = columns
        let articleOrigins = comparison.articleOrigins
        origins = articleOrigins.map { origin in
            OriginColumn(
                label: origin.label,
                outlets: origin.outlets == [origin.label] ? nil : origin.outlets.joined(separator: ", "),
                articles: columns.filter { origin.articles.map(\.rawValue).contains($0.id) })
        }
        let originOf = Dictionary(
            comparison.articles.map { ($0.id, $0.origin) }, uniquingKeysWith: { first, _ in first })
        sideHeaders = articleOrigins.map(\.label)
        // NB: corroborated and contested claims first: they are what the grid is for.
        let ordered =
            comparison.claims.filter { $0.status != .singleSource }
            + comparison.claims.filter { $0.status == .singleSource }
        sideRows = ordered.prefix(Self.sideRowLimit).map { group in
            SideRow(
                claim: group.id, status: group.status.rawValue,
                cells: articleOrigins.map { origin in
                    let cited = group.evidence.filter { originOf[$0.article] == origin.id }
                    return Cell(text: cited.first?.text, via: cited.first?.via, cites: cited.map(Self.cite))
                })
        }
        sideHidden = ordered.count > Self.sideRowLimit ? ordered.count - Self.sideRowLimit : nil
        summary = comparison.summary.map {
            Sentence(status: $0.status.rawValue, text: $0.text, cites: $0.citations.map(Self.cite))
        }
        sections = CorroborationStatus.allCases.map { status in
            let groups = comparison.claims.filter { $0.status == status }
            return StatusSection(
                status: status.rawValue, title: ComparisonText.statusTitle(status), count: groups.count,
                groups: groups.map { group in
                    Group(
                        id: group.id, originCount: group.origins.count, plural: group.origins.count != 1,
                        outlets: group.outlets.joined(separator: ", "),
                        relayed: ComparisonText.relaying(group, in: comparison),
                        conflict: group.conflict,
                        evidence: group.evidence.map {
                            Evidence(outlet: $0.outlet, via: $0.via, text: $0.text, cites: [Self.cite($0)])
                        })
                }, empty: groups.isEmpty)
        }
        figures = comparison.figures.flatMap { row in
            row.figures.enumerated().map { index, figure in
                FigureLine(
                    counted: row.counted, agreement: row.agreement, explanation: index == 0 ? row.explanation : nil,
                    number: figure.number.text,
                    reporter: figure.reporter ?? "–", status: figure.status.rawValue, outlet: figure.number.outlet,
                    sentence: figure.sentence.text, cites: [Self.cite(figure.sentence)])
            }
        }
        hasFigures = !figures.isEmpty
        quoteOutlets = comparison.quotes.outlets
        speakers = comparison.quotes.speakers.map { speaker in
            Speaker(
                name: speaker.name, role: speaker.role,
                counts: comparison.quotes.outlets.map { speaker.countsByOutlet[$0] ?? 0 })
        }
        shared = comparison.quotes.shared.map {
            Shared(
                text: $0.text, speakers: $0.speakers.joined(separator: ", "), originCount: $0.originCount,
                cites: $0.evidence.map(Self.cite))
        }
        framing = comparison.framing.map { framing in
            let claims =
                framing.omittedClaims.isEmpty
                ? "" : "; claims " + framing.omittedClaims.map(String.init).joined(separator: ", ")
            return FrameRow(
                article: framing.article.rawValue, outlet: framing.outlet, headline: framing.headline,
                distinctive: framing.distinctiveWords.joined(separator: ", "),
                firstNamed: framing.firstNamed.joined(separator: ", "),
                leavesOut: framing.omittedEntities.joined(separator: ", ") + claims)
        }
        chart = TimelineChart.svg(comparison)
        events = comparison.timeline.map {
            Event(date: $0.date, text: $0.text, cites: $0.citations.map(Self.cite))
        }
        apiPath = "/api/v1/stories/\(comparison.story.rawValue)"
    }

    static func cite(_ citation: Citation) -> Cite {
        Cite(
            href: "/articles/\(citation.article.rawValue)?from=\(citation.start)&to=\(citation.end)#cited",
            label: "#\(citation.article.rawValue) \(citation.outlet)", quote: citation.text)
    }
}
