import Foundation
import Testing

@testable import NewsExtract

/// Page types told from structured data, URLs and the page's shape, and each type read its own way.
@Suite("Page types")
struct PageTypeTests {
    static func extract(_ html: String, url: String? = nil) -> ExtractedPage {
        HTMLExtractor().extract(Array(html.utf8), url: url)
    }

    static let prose =
        "<p>The council voted on Tuesday to build a pedestrian bridge across the river, ending a debate that has"
        + " run for more than a decade, and the work is due to start in the spring, the mayor said.</p>"

    static func jsonLD(_ type: String) -> String {
        "<script type=\"application/ld+json\">{\"@type\": \"\(type)\", \"name\": \"x\"}</script>"
    }

    @Test(arguments: [
        ("https://community.example.org/t/export-broken/931828", "forum"),
        ("https://forum.example.com/viewtopic.php?f=20&t=487157", "forum"),
        ("https://forum.example.com/topic/188682-new-case/", "forum"),
        ("https://www.example.com/r/science/comments/1rku5x9/hair/", "forum"),
        ("https://superuser.example/questions/442960/shortcut", "forum"),
        ("https://docs.example.dev/guide/install", "documentation"),
        ("https://example.org/docs/api/install", "documentation"),
        ("https://news.example.com/category/science/", "listing"),
        ("https://news.example.com/2024/03/05/council-votes-bridge", "article"),
    ])
    func urlShapes(url: String, expected: String) {
        let html = "<html><body><h1>A page</h1>\(String(repeating: Self.prose, count: 3))</body></html>"
        #expect(Self.extract(html, url: url).pageType.rawValue == expected)
    }

    @Test func structuredDataDecides() {
        func type(_ schema: String) -> String {
            Self.extract("<html><head>\(Self.jsonLD(schema))</head><body>\(Self.prose)</body></html>").pageType.rawValue
        }
        #expect(type("NewsArticle") == "article")
        #expect(type("Product") == "product")
        #expect(type("DiscussionForumPosting") == "forum")
        #expect(type("QAPage") == "forum")
        #expect(type("CollectionPage") == "listing")
        #expect(type("TechArticle") == "documentation")
    }

    @Test func theShapeOfAnUntypedPage() {
        let items = (1...14).map { "<li><a href=\"/s/\($0)\">The river burst its banks in story number \($0)</a></li>" }
        let listing = Self.extract("<html><body><main><ul>\(items.joined())</ul></main></body></html>")
        #expect(listing.pageType == .listing)
        // A listing keeps its linked items, which an article reading drops as a link list.
        #expect(listing.text.contains("story number 1") && listing.text.contains("story number 14"))
        let shop = Self.extract(
            "<html><body><h1>Stoneware mug</h1><p>A hand-thrown mug.</p><span>$24.00</span>"
                + "<button>Add to cart</button></body></html>")
        #expect(shop.pageType == .product)
        let landing = Self.extract(
            "<html><body><h1>We build bridges</h1><p>Engineering for towns and cities.</p><a href=\"/contact\">"
                + "Contact us</a></body></html>")
        #expect(landing.pageType == .service)
        let story = Self.extract("<html><body><h1>Bridge</h1>\(String(repeating: Self.prose, count: 8))</body></html>")
        #expect(story.pageType == .article)
    }

    @Test func aProductPageLeavesOutItsReviews() {
        let description =
            "<p>Keep your gear within easy reach in this 25 litre pack, made of ripstop nylon with a water-repellent"
            + " finish, a zip pocket for your keys and a sleeve that holds a laptop or a water reservoir.</p>"
        let reviews = (1...4).map {
            "<div class='review-card'><span class='review-author'>buyer\($0)</span><p>Review \($0): I used this"
                + " bag on several short hikes and had no complaints, the side pockets fit a full-size bottle.</p></div>"
        }.joined()
        let body =
            "<body><h1>Trail 25 pack</h1><div class='pdp'>\(description)<div class='reviews'>\(reviews)"
            + "</div></div></body></html>"
        let shop = Self.extract("<html><head>\(Self.jsonLD("Product"))</head>\(body)")
        #expect(shop.pageType == .product)
        #expect(shop.text.contains("ripstop nylon") && !shop.text.contains("Review 1"))
        // A Product beside og:type article is left to the page's shape, and its reviews stay.
        let dressed = Self.extract(
            "<html><head>\(Self.jsonLD("Product"))<meta property='og:type' content='article'></head>\(body)")
        #expect(dressed.pageType != .product && dressed.text.contains("Review 1"))
    }

    @Test func aForumKeepsItsPostsWhereAnArticleDropsItsComments() {
        let posts = (1...3).map {
            "<div class=\"comment\" id=\"comment-\($0)\"><span>user\($0)</span><p>Reply \($0): the export broke for"
                + " me as well after the update, and rolling back to the previous version fixed it here.</p></div>"
        }.joined()
        let html = "<html><body><div class=\"thread\"><h1>Export broken</h1>\(Self.prose)\(posts)</div></body></html>"
        let thread = Self.extract(html, url: "https://community.example.org/t/export-broken/931828")
        #expect(thread.pageType == .forum)
        #expect(thread.text.contains("Reply 1") && thread.text.contains("Reply 3"))
        let story = Self.extract(
            html.replacingOccurrences(of: "<html>", with: "<html><head>\(Self.jsonLD("NewsArticle"))</head>"),
            url: "https://news.example.com/2024/03/05/export")
        #expect(story.pageType == .article)
        #expect(story.text.contains("pedestrian bridge") && !story.text.contains("Reply 1"))
    }
}
