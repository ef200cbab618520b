internal import Foundation
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// The API's documents (schemas in OpenAPI/openapi.json): plain Codable values, dates in ISO 8601.
enum APIModels {
    struct Story: Codable {
        var id: Int64
        var title: String
        var articles: Int
        var origins: Int
        var outlets: Int
        var firstSeen: Date?
        var lastSeen: Date?
        var closed: Bool
        var pinned: Bool
        var url: String

        init(_ story: StorySummary) {
            id = story.id.rawValue
            title = story.title
            articles = story.articleCount
            origins = story.originCount
            outlets = story.sourceCount
            firstSeen = story.firstSeen
            lastSeen = story.lastSeen
            closed = story.isClosed
            pinned = story.isPinned
            url = "/stories/\(story.id.rawValue)"
        }
    }

    struct StoryList: Codable {
        var schema = "corroborate.api.stories.v1"
        var order: String
        var offset: Int
        var limit: Int
        /// The `after` of the next page (its last story's id), when there is one.
        var next: Int64?
        var stories: [Story]
    }

    struct ArticleItem: Codable {
        var id: Int64
        var title: String
        var outlet: String?
        var url: String?
        var published: Date?
        var ingested: Date
        var language: String?
        var authors: [String]
        var words: Int
        var story: Int64?

        init(_ article: Article, story: ArticleID?) {
            id = article.id.rawValue
            title = article.title
            outlet = article.source
            url = article.url
            published = article.published
            ingested = article.ingested
            language = article.language?.description
            authors = article.authors
            words = article.wordCount
            self.story = story?.rawValue
        }
    }

    struct ArticleList: Codable {
        var schema = "corroborate.api.articles.v1"
        var offset: Int
        var limit: Int
        var total: Int
        var articles: [ArticleItem]
    }

    struct ArticleDocument: Codable {
        var schema = "corroborate.api.article.v1"
        var article: ArticleItem
        var text: String
        var feedItems: [FeedItemRecord]
    }

    struct Why: Codable {
        var schema = "corroborate.api.why.v1"
        var explanation: GroupingExplanation
        var lines: [String]
    }

    struct Hit: Codable {
        var article: ArticleItem
        var score: Double
        var snippet: String
        var highlights: [[Int]]
    }

    struct SearchResults: Codable {
        var schema = "corroborate.api.search.v1"
        var query: String
        var hits: [Hit]
    }

    struct SavedSearchList: Codable {
        var schema = "corroborate.api.searches.v1"
        var searches: [SavedSearch]
    }

    struct NewSavedSearch: Codable {
        var name: String
        var query: String
    }

    struct Sources: Codable {
        var schema = "corroborate.api.sources.v1"
        var outlets: [SourceRecord]
    }

    struct SourcePatch: Codable {
        var domain: String?
        var country: String?
        var owner: String?
        var kind: String?
    }

    struct Feeds: Codable {
        var schema = "corroborate.api.feeds.v1"
        var feeds: [FeedRecord]
    }

    struct NewFeed: Codable {
        var url: String
        var source: String?
        var folder: String?
        var categories: [String]?
    }

    struct FeedAdded: Codable {
        var added: Bool
        var feed: FeedRecord
    }

    struct Merge: Codable {
        var into: Int64
    }

    struct StoryChanged: Codable {
        var story: Story
    }

    struct Removed<T: Codable>: Codable {
        var removed: T
    }
}
