internal import Foundation
internal import NewsCompare
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// View models of the pages other than the story's. Text stays plain; the templates escape it.
enum PageModels {
    struct StoryItem {
        var id: Int64
        var title: String
        var originCount: Int
        var originsPlural: Bool
        var articleCount: Int
        var articlesPlural: Bool
        var sourceCount: Int
        var sourcesPlural: Bool
        var lastSeen: String
        var lastSeenISO: String
        var closed: Bool
        var pinned: Bool

        init(_ story: StorySummary) {
            id = story.id.rawValue
            title = story.title
            originCount = story.originCount
            originsPlural = story.originCount != 1
            articleCount = story.articleCount
            articlesPlural = story.articleCount != 1
            sourceCount = story.sourceCount
            sourcesPlural = story.sourceCount != 1
            lastSeen = PageModels.minute(story.lastSeen)
            lastSeenISO = story.lastSeen.map { $0.formatted(.iso8601) } ?? ""
            closed = story.isClosed
            pinned = story.isPinned
        }
    }

    struct River {
        var title = "Stories"
        var stories: [StoryItem]
        var sort: String
        var newest: Bool
        var coverage: Bool
        /// The newer page (`page` links) or the first (after a cursor), if any.
        var previousLink: String?
        var previousLabel: String
        /// The older page: the stories after this page's last one.
        var nextLink: String?
        var livePath: String
    }

    struct Paragraph {
        var before: String
        var marked: String?
        var after: String
    }

    struct StoryLink {
        var id: Int64
        var title: String
        var originCount: Int
        var articleCount: Int
    }

    struct Why {
        var lines: [String]
    }

    struct FeedItem {
        var feed: String
        var categories: String?
        var credited: String?
    }

    struct ArticlePage {
        var title: String
        var id: Int64
        var outlet: String
        var published: String?
        var authors: String?
        var language: String?
        var wordCount: Int
        var link: String?
        var unsafeLink: String?
        var story: StoryLink?
        var cited: Bool
        var paragraphs: [Paragraph]
        var why: Why?
        var feedItems: [FeedItem]
        var hasFeedItems: Bool

        init(
            _ article: Article, story: StorySummary?, assignment: StoryAssignment?, feedItems: [FeedItemRecord],
            cited: Range<Int>?
        ) {
            title = article.title
            id = article.id.rawValue
            outlet = article.source ?? "unknown outlet"
            published = article.published.map { PageModels.minute($0) }
            authors = article.authors.isEmpty ? nil : article.authors.joined(separator: ", ")
            language = article.language?.description
            wordCount = article.wordCount
            // NB: only http(s) addresses become links; anything else (javascript:, data:) is shown as text.
            if let url = article.url, let scheme = URLComponents(string: url)?.scheme?.lowercased(),
                scheme == "http" || scheme == "https"
            {
                link = url
            } else {
                unsafeLink = article.url
            }
            self.story = story.map {
                StoryLink(
                    id: $0.id.rawValue, title: $0.title, originCount: $0.originCount, articleCount: $0.articleCount)
            }
            paragraphs = Self.paragraphs(article.text, marking: cited)
            self.cited = paragraphs.contains { $0.marked != nil }
            why = assignment.map { Why(lines: GroupingExplanation($0).lines) }
            self.feedItems = feedItems.map { item in
                FeedItem(
                    feed: item.url ?? item.key,
                    categories: item.categories.isEmpty ? nil : item.categories.joined(separator: ", "),
                    credited: item.creditedSource)
            }
            hasFeedItems = !feedItems.isEmpty
        }

        /// The text's paragraphs (blank-line or line separated), the cited span (Unicode scalar offsets, as
        /// citations give them) marked where it falls.
        static func paragraphs(_ text: String, marking cited: Range<Int>?) -> [Paragraph] {
            var result: [Paragraph] = []
            var offset = 0
            let scalars = Array(text.unicodeScalars)
            var start = 0
            func flush(_ end: Int) {
                defer { start = end + 1 }
                let range = start..<end
                let body = String(String.UnicodeScalarView(scalars[range]))
                guard !body.trimmingCharacters(in: .whitespaces).isEmpty else { return }
                guard let cited, cited.overlaps(range) else {
                    result.append(Paragraph(before: body, marked: nil, after: ""))
                    return
                }
                let from = max(cited.lowerBound, range.lowerBound)
                let to = min(cited.upperBound, range.upperBound)
                result.append(
                    Paragraph(
                        before: String(String.UnicodeScalarView(scalars[range.lowerBound..<from])),
                        marked: String(String.UnicodeScalarView(scalars[from..<to])),
                        after: String(String.UnicodeScalarView(scalars[to..<range.upperBound]))))
            }
            for scalar in scalars {
                if scalar == "\n" { flush(offset) }
                offset += 1
            }
            flush(scalars.count)
            return result
        }
    }

    struct Hit {
        struct Part {
            var text: String
            var mark: Bool
        }
        var id: Int64
        var title: String
        var outlet: String
        var day: String
        var story: Int64?
        var parts: [Part]

        init(_ hit: SearchHit, story: ArticleID?) {
            id = hit.article.id.rawValue
            title = hit.article.title
            outlet = hit.article.source ?? "unknown outlet"
            day = ComparisonText.day(hit.article.published ?? hit.article.ingested)
            self.story = story?.rawValue
            parts = hit.snippet.segments.map { Part(text: $0.text, mark: $0.isMatch) }
        }
    }

    struct Saved {
        var id: Int64
        var name: String
        var query: String
        var queryParam: String
    }

    struct Search {
        var title: String
        var query: String
        var queryParam: String
        var hasQuery: Bool
        var hitCount: Int
        var hitsPlural: Bool
        var hits: [Hit]
        var saved: [Saved]
    }

    struct Kind {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Outlet {
        var name: String
        var articleCount: Int
        var domain: String
        var country: String
        var owner: String
        var kinds: [Kind]

        init(_ source: SourceRecord) {
            name = source.name
            articleCount = source.articleCount
            domain = source.domain ?? ""
            country = source.country ?? ""
            owner = source.owner ?? ""
            kinds =
                [Kind(value: "", label: "kind?", selected: source.kind == nil)]
                + SourceKind.allCases.map { Kind(value: $0.rawValue, label: $0.rawValue, selected: source.kind == $0) }
        }
    }

    struct Sources {
        var title = "Outlets"
        var outlets: [Outlet]
    }

    struct Feed {
        var id: Int64
        var title: String?
        var url: String
        var source: String
        var state: String
        var stateClass: String
        var lastChecked: String
        var nextCheck: String
        var items: Int
        var error: String?

        init(_ feed: FeedRecord) {
            id = feed.id
            title = feed.title
            url = feed.url
            source = feed.source
            if feed.failures > 0 {
                state = "failing ×\(feed.failures) (\(feed.errorCode ?? "?"))"
                stateClass = "failing"
            } else {
                state = feed.lastChecked == nil ? "new" : "ok"
                stateClass = state
            }
            lastChecked = PageModels.minute(feed.lastChecked)
            nextCheck = PageModels.minute(feed.nextCheck)
            items = feed.itemCount
            error = feed.failures > 0 ? feed.error : nil
        }
    }

    struct Subscriptions {
        var title = "Feeds"
        var feeds: [Feed]
        var polling: Bool
    }

    struct Login {
        var title = "Token"
        var loggedIn: Bool
        var failed: Bool
        var readsNeedToken: Bool
    }

    struct ErrorPage {
        var title: String
        var message: String
        var hint: String?
        var code: String
    }

    /// A time to the minute, UTC: `2015-12-29 14:05 UTC`, or a dash.
    static func minute(_ date: Date?) -> String {
        guard let date else { return "–" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
