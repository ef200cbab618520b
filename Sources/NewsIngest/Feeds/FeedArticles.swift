internal import Foundation
internal import NewsCore
internal import NewsExtract
internal import NewsFeeds
internal import NewsStore

/// Turns feed items into article drafts: from the item's own content when it carries the article, from
/// the linked page (extracted like any web page) when it carries only a summary.
struct FeedArticles: Sendable {
    /// Content shorter than this (in characters) is taken for a summary: the linked page is fetched.
    var minimumContentCharacters: Int
    let extractor = HTMLExtractor()

    /// The item's article from its own content, or `nil` when the page is needed.
    func fromContent(_ item: FeedItem, feed: Feed, outlet: String) -> ArticleDraft? {
        guard let html = item.contentHTML else { return nil }
        let text = FeedContent.text(html)
        guard text.count >= minimumContentCharacters else { return nil }
        return draft(item, feed: feed, outlet: outlet, text: text, raw: Array(html.utf8))
    }

    /// The item's article from its summary alone (when the page may not be fetched), if the summary says
    /// something.
    func fromSummary(_ item: FeedItem, feed: Feed, outlet: String) -> ArticleDraft? {
        guard let html = item.contentHTML ?? item.summaryHTML else { return nil }
        let text = FeedContent.text(html)
        guard text.count >= 80 else { return nil }
        return draft(item, feed: feed, outlet: outlet, text: text, raw: Array(html.utf8))
    }

    /// The item's article from its fetched page; the feed's facts fill what the page lacks.
    func fromPage(
        _ item: FeedItem, feed: Feed, outlet: String, page response: FetchedPage
    ) -> Result<ArticleDraft, ExtractionRejection> {
        let page = extractor.extract(response.body, url: response.url, contentType: response.contentType)
        if let rejection = page.rejection { return .failure(rejection) }
        var article = draft(item, feed: feed, outlet: outlet, text: page.text, raw: response.body)
        let metadata = page.metadata
        if article.title.isEmpty, let title = metadata.title { article.title = title }
        article.published = article.published ?? metadata.published
        if article.authors.isEmpty { article.authors = metadata.authors }
        if let language = metadata.language.flatMap(LanguageCode.init(rawValue:)) { article.language = language }
        article.charset = page.charset
        if article.title.isEmpty { article.title = String(page.text.prefix { $0 != "\n" }.prefix(120)) }
        return .success(article)
    }

    private func draft(_ item: FeedItem, feed: Feed, outlet: String, text: String, raw: [UInt8]) -> ArticleDraft {
        ArticleDraft(
            title: item.title ?? "", text: text, source: credited(item) ?? outlet, url: item.url,
            published: item.published ?? item.updated, language: Self.language(feed.language), authors: item.authors,
            raw: raw, format: .html)
    }

    /// An aggregator's item credits the outlet that ran it (`<source>`): that outlet is the article's.
    private func credited(_ item: FeedItem) -> String? {
        guard let name = item.source?.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        return name
    }

    /// `en-US` → `en`.
    static func language(_ declared: String?) -> LanguageCode? {
        guard let declared else { return nil }
        let primary = declared.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        return primary.flatMap(LanguageCode.init(rawValue:))
    }

    /// What the store keeps of an item besides its article.
    static func record(_ item: FeedItem, article: ArticleID? = nil, problem: String? = nil) -> FeedItemRecord {
        FeedItemRecord(
            key: item.key, article: article, url: item.url, categories: item.categories,
            creditedSource: item.source?.name, creditedSourceURL: item.source?.url,
            enclosures: item.enclosures.map { FeedItemEnclosure(url: $0.url, type: $0.type, length: $0.length) },
            problem: problem)
    }
}

/// A fetched page, as extraction needs it.
struct FetchedPage: Sendable {
    var url: String
    var contentType: String?
    var body: [UInt8]
}
