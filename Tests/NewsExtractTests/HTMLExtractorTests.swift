import Foundation
import NewsCore
import Testing

@testable import NewsExtract

@Suite("HTML extraction")
struct HTMLExtractorTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    @Test func newsPageKeepsTheArticleAndDropsTheBoilerplate() throws {
        let page = HTMLExtractor().extract(try Self.fixture("news-article"))
        #expect(page.rejection == nil)
        #expect(
            page.blocks.map { "\($0.kind.rawValue): \($0.text)" } == [
                "paragraph: The town council voted nine to two on Tuesday to build a pedestrian bridge across the river, ending a debate that has run for more than a decade.",
                "caption: The crossing would link the old mill to the station.",
                "credit: Photo: Lena Park",
                "paragraph: \"This bridge will change how people move through the town,\" said the mayor, Joan Ellis, after the vote. Construction is expected to start next spring and to cost about 4.2 million euros.",
                "heading: What happens next",
                "paragraph: The design, by a local studio, goes to public consultation in April. Residents can comment online or at the library.",
                "list-item: Consultation opens on 2 April.",
                "list-item: A final design is due in June.",
                "quote: We have waited long enough for a safe crossing.",
                "paragraph: Two councillors voted against, citing the cost during a period of budget cuts.",
            ])
        // Captions and credits are kept as blocks but are not body text.
        #expect(!page.text.contains("Lena Park") && page.text.contains("What happens next\n\nThe design"))
        for boilerplate in [
            "cookies", "Share on Facebook", "newsletter", "Station car park", "Great news", "Storm warning",
            "All rights reserved", "By Ana Ruiz",
        ] {
            #expect(!page.text.contains(boilerplate), "leaked: \(boilerplate)")
        }
    }

    @Test func newsPageMetadata() throws {
        let page = HTMLExtractor().extract(try Self.fixture("news-article"))
        let metadata = page.metadata
        #expect(metadata.title == "Council approves new river bridge")
        #expect(metadata.authors == ["Ana Ruiz", "Tom Berg"])
        #expect(page.publishedDay == "2024-03-05")
        #expect(metadata.published == PublicationDate.parse("2024-03-05T18:30:00+01:00"))
        #expect(metadata.modified == PublicationDate.parse("2024-03-06T09:00:00+01:00"))
        #expect(metadata.siteName == "The Valley Courier")
        #expect(metadata.canonicalURL == "https://courier.example/2024/03/05/river-bridge")
        #expect(metadata.language == "en-GB")
        #expect(metadata.description == "The council voted 9-2 for a pedestrian bridge.")
        #expect(metadata.section == "Local" && metadata.tags == ["transport", "council"])
        #expect(metadata.image == "https://courier.example/img/bridge.jpg")
        #expect(metadata.schemaTypes.contains("NewsArticle"))
    }

    @Test func declaredCharsetIsTranscoded() throws {
        let page = HTMLExtractor().extract(try Self.fixture("cp1251"))
        #expect(page.charset == "WINDOWS-1251")
        #expect(page.metadata.title == "Новости")
        #expect(page.text == "Городской совет одобрил новый мост.")
        #expect(page.rejection == .tooShort(characters: 35, minimum: 250))
    }

    @Test func jsonLDBodyStandsInForAnEmptyDOM() throws {
        let page = HTMLExtractor().extract(try Self.fixture("jsonld-only"))
        #expect(page.source == "json-ld")
        #expect(page.blocks.count == 3 && page.text.hasPrefix("The first paragraph of a page"))
        #expect(page.publishedDay == "2023-11-02")
    }

    @Test(arguments: [
        ("Breaking story | Daily Planet", ["Daily Planet"], "Breaking story"),
        ("Daily Planet - Breaking story about a long thing", ["Daily Planet"], "Breaking story about a long thing"),
        ("Breaking: the long headline of a story — Planet", [], "Breaking: the long headline of a story"),
        ("A headline without a site", ["Daily Planet"], "A headline without a site"),
    ])
    func titleCleaning(title: String, sites: [String], expected: String) {
        #expect(TitleCleaner.clean(title, siteNames: sites) == expected)
    }

    @Test(arguments: [
        ("2025-09-04T23:30:00-04:00", "2025-09-04"), ("September 4, 2025", "2025-09-04"),
        ("4 Sept. 2025", "2025-09-04"),
        ("Posted on Dec 28, 2015 by staff", "2015-12-28"),
        ("[Submitted on 18 Dec 2025]", "2025-12-18"), ("\t-\n\tDecember 19, 2025", "2025-12-19"),
        ("23.07.2025", "2025-07-23"), ("23/07/2025", "2025-07-23"), ("07/23/2025", "2025-07-23"),
    ])
    func days(text: String, expected: String) {
        #expect(DateFinder.day(text) == expected)
    }

    @Test func ambiguousOrNonDates() {
        #expect(DateFinder.day("04/09/2025") == nil)  // April 9 or 4 September: the page's country decides
        #expect(DateFinder.day("version 1.2.3") == nil)
        #expect(DateFinder.day("29.02.2024") == "2024-02-29")
        #expect(DateFinder.day("31.02.2025") == nil)
        #expect(DateFinder.day("May 1, 20255") == nil)
    }

    @Test func labelledDatesAndBlogPosts() {
        func day(_ html: String) -> String? { HTMLExtractor().extract(Array(html.utf8)).publishedDay }
        let split = "<html><body><div><div>Published</div><div>October 14, 2025</div></div><p>Text.</p></body></html>"
        #expect(day(split) == "2025-10-14")
        let inline = "<html><body><p>Body text.</p><p style=\"x\">Last updated: November 13, 2025</p></body></html>"
        #expect(day(inline) == "2025-11-13")
        let unlabelled = "<html><body><p>Body text.</p><p>It rained on November 13, 2025.</p></body></html>"
        #expect(day(unlabelled) == nil)
        let meta = "<html><head><meta name=\"published\" content=\"July 17, 2025\"></head><body><p>T.</p></body></html>"
        #expect(day(meta) == "2025-07-17")
        func blog(_ posts: String) -> String {
            "<html><head><script type=\"application/ld+json\">{\"@type\": \"Blog\", \"blogPost\": \(posts)}</script>"
                + "</head><body><p>Text.</p></body></html>"
        }
        #expect(
            day(blog("[{\"@type\": \"BlogPosting\", \"datePublished\": \"2025-12-19T20:20:42Z\"}]")) == "2025-12-19")
        let index = blog(
            "[{\"@type\": \"BlogPosting\", \"datePublished\": \"2025-12-19\"}, "
                + "{\"@type\": \"BlogPosting\", \"datePublished\": \"2025-12-01\"}]")
        #expect(day(index) == nil)  // an index of posts has no date of its own
    }

    @Test func writtenDatesWithoutMarkup() {
        let besideHeadline =
            "<html><body><h1>A headline</h1><div><span>Sept. 4, 2025</span></div><p>Text.</p></body></html>"
        #expect(HTMLExtractor().extract(Array(besideHeadline.utf8)).publishedDay == "2025-09-04")
        let inDateBox =
            "<html><body><div class=\"post-date\">Posted on 28 December 2015</div><p>Text.</p></body></html>"
        #expect(HTMLExtractor().extract(Array(inDateBox.utf8)).publishedDay == "2015-12-28")
        let scriptOnly = "<html><body><h1>H</h1><script>var d = 'May 1, 2020';</script><p>Text.</p></body></html>"
        #expect(HTMLExtractor().extract(Array(scriptOnly.utf8)).publishedDay == nil)
    }

    @Test func datesInApplicationState() {
        #expect(
            MetadataExtractor.publicationDate(
                inScript: #"window.s={"createDate":"2019-09-12","publishDate":"2025-05-27"}"#) == "2025-05-27")
        #expect(
            MetadataExtractor.publicationDate(inScript: #"{\"datePublished\":\"2025-02-04T00:00:00.000Z\"}"#)
                == "2025-02-04")
        #expect(MetadataExtractor.publicationDate(inScript: #"{"date":"2025-02-04"}"#) == nil)
        let page =
            "<html><body><script>var data = {\"publishedAt\": \"2024-06-01T10:00:00Z\"};</script><p>Text.</p></body></html>"
        #expect(HTMLExtractor().extract(Array(page.utf8)).publishedDay == "2024-06-01")
    }

    @Test func aScriptDrawnPageIsReadFromItsNoscriptCopy() {
        let post =
            "<div class='post' itemprop='text'><p>The update broke the export for everyone on our team, and"
            + " the logs show nothing useful at all, so we rolled back to the previous version for now.</p></div>"
        let html =
            "<html><body><section id='splash'><div class='dots'></div></section><noscript><header>"
            + "<a href='/'>Community</a></header><div id='main-outlet' role='main'><h1>Export broken</h1>"
            + String(repeating: "<div class='crawler-post'><span class='creator'>dale</span>\(post)</div>", count: 3)
            + "</div></noscript></body></html>"
        let page = HTMLExtractor().extract(Array(html.utf8))
        #expect(page.source == "noscript")
        #expect(page.blocks.filter { $0.text.hasPrefix("The update broke") }.count == 3)
        // A page with its text outside <noscript> ignores what is inside.
        let ordinary =
            "<html><body><article>\(post)\(post)</article><noscript><div><p>Enable JavaScript to"
            + " see the comments below this story and join the discussion.</p></div></noscript></body></html>"
        let read = HTMLExtractor().extract(Array(ordinary.utf8))
        #expect(read.source == "dom" && !read.text.contains("Enable JavaScript"))
    }

    @Test func contentHiddenUntilAScriptRunsIsReadWhenNothingVisibleIs() {
        let paragraph =
            "<p>Our family bakes these almond crisps in small batches from a recipe that has not changed in forty"
            + " years, with egg whites, cane sugar and whole almonds, and nothing else added to them.</p>"
        // A shop's wrapper styled display:none until its script unlocks the page.
        let locked =
            "<html><body><header><a href='/'>Shop</a></header><main><div class='lockdown-content'"
            + " style='display: none;'><div class='product__description'>\(paragraph)\(paragraph)</div></div>"
            + "</main></body></html>"
        let page = HTMLExtractor().extract(Array(locked.utf8))
        #expect(page.source == "hidden")
        #expect(page.text.contains("Our family bakes these almond crisps"))
        // React's streamed boundary (<div hidden id="S:1">, moved into place by its script) is the page's own.
        let streamed =
            "<html><body><div id='root'><template id='B:0'></template></div><div hidden id='S:0'><article>"
            + "<h1>Almond crisps</h1>\(paragraph)\(paragraph)</article></div></body></html>"
        let boundary = HTMLExtractor().extract(Array(streamed.utf8))
        #expect(boundary.source == "dom" && boundary.text.contains("Our family bakes these almond crisps"))
        // A page with visible text keeps hidden elements out; a few hidden words on an empty page are no content.
        let ordinary =
            "<html><body><article>\(paragraph)\(paragraph)</article><div style='display:none'><p>Subscribe to"
            + " our newsletter for offers, recipes and news from the bakery every week of the year.</p></div>"
            + "</body></html>"
        let read = HTMLExtractor().extract(Array(ordinary.utf8))
        #expect(read.source == "dom" && !read.text.contains("Subscribe"))
        let soldOut = "<html><body><main><div hidden><p>Sold out</p></div></main></body></html>"
        let empty = HTMLExtractor().extract(Array(soldOut.utf8))
        #expect(empty.source == "dom" && !empty.text.contains("Sold out"))
    }

    @Test func hiddenTabPanelsAreReadWithTheOpenOne() {
        func panel(_ language: String, hidden: Bool) -> String {
            "<div role='tabpanel'\(hidden ? " hidden style='display:none'" : "")><p>Install the \(language) SDK"
                + " with your package manager, then set the account's key in an environment variable.</p></div>"
        }
        let quickstart =
            "<html><body><main><h1>Send your first message</h1><p>In this quickstart you build an application that"
            + " sends a text message and receives the reply, with the SDK for your programming language.</p>"
            + "<div role='tablist'><a>Python</a><a>Ruby</a></div>\(panel("Python", hidden: false))"
            + "\(panel("Ruby", hidden: true))<p>Run the application and the message arrives within seconds on"
            + " the phone you registered.</p><p>Loading examples…</p></main></body></html>"
        let page = HTMLExtractor().extract(Array(quickstart.utf8))
        // The closed tab is one click away, as much the page's as the open one.
        #expect(page.text.contains("Install the Python SDK") && page.text.contains("Install the Ruby SDK"))
        #expect(page.source == "dom")
        // A script's placeholder for text it fetches later says nothing.
        #expect(!page.text.contains("Loading examples"))
        #expect(BlockCollector.isLoadingPlaceholder("loading prices for your region..."))
        #expect(!BlockCollector.isLoadingPlaceholder("loading the ship took the crew three days, the captain said…"))
    }

    @Test func urlDays() {
        #expect(DateFinder.urlDay("https://x.example/2024/03/05/story") == "2024-03-05")
        #expect(DateFinder.urlDay("https://x.example/news/2024-03-05-story") == "2024-03-05")
        #expect(DateFinder.urlDay("https://x.example/news/story-123") == nil)
    }

    @Test func charsetDeclarations() {
        #expect(HTMLDecoding.charsetParameter("text/html; charset=\"ISO-8859-1\"") == "iso-8859-1")
        #expect(HTMLDecoding.prescan(Array("<meta charset='utf-8'>".utf8)[...]) == "utf-8")
        #expect(
            HTMLDecoding.prescan(
                Array("<META http-equiv=Content-Type content=\"text/html; charset=Shift_JIS\">".utf8)[...])
                == "shift_jis")
        // Labelled UTF-8 but Latin-1 bytes throughout: read as windows-1252.
        let mislabelled = HTMLDecoding().decode(Array("<meta charset=utf-8><p>Caf".utf8) + [0xE9] + Array("</p>".utf8))
        #expect(mislabelled.text.contains("Café") && mislabelled.usedFallback)
        // Real UTF-8 with one stray byte stays UTF-8.
        let damaged = HTMLDecoding().decode(Array("<meta charset=utf-8><p>Café ".utf8) + [0xFF])
        #expect(damaged.charset == "UTF-8" && damaged.text.contains("Café"))
    }
}
