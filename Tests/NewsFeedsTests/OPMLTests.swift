import Foundation
import NewsFeeds
import Testing

@Suite("OPML")
struct OPMLTests {
    @Test("folders and categories are read, and survive a round trip")
    func roundTrip() throws {
        let subscriptions = try OPML.read(try FeedParserTests.fixture("subscriptions.opml")).get()
        #expect(
            subscriptions.map(\.feedURL) == [
                "https://wire.example/rss", "https://gazette.example/rss.xml", "https://valley.example/feed.json",
            ])
        #expect(subscriptions[0].folders == ["News", "Wires"] && subscriptions[0].categories == ["wire", "world"])
        #expect(subscriptions[0].siteURL == "https://wire.example/")
        #expect(subscriptions[1].folders == ["News"] && subscriptions[1].title == "Harbour Gazette & Times")
        #expect(subscriptions[2].folders.isEmpty)
        let written = OPML.write(subscriptions)
        #expect(written.contains("<opml version=\"2.0\">"))
        let again = try OPML.read(Array(written.utf8)).get()
        #expect(Set(again) == Set(subscriptions))
    }

    @Test("cleaning an address twice gives what cleaning it once gave (found by fuzzing: invalid escapes)")
    func cleaningIsIdempotent() throws {
        let cases = [
            ("https://wire.example/rss?utm_sou%ce#=opml", "https://wire.example/rss#=opml"),
            ("https://wire.example/rss?utm_source=opml#top", "https://wire.example/rss#top"),
            ("https://wire.example/rss?", "https://wire.example/rss"),
            ("https://wire.example/rss?a=1&fbclid=x&b=%20two", "https://wire.example/rss?a=1&b=%20two"),
            ("https://wire.example/rss?UTM_Medium=x&id=%E2%9C%93", "https://wire.example/rss?id=%E2%9C%93"),
        ]
        for (input, expected) in cases {
            let once = try #require(FeedURL.clean(input), "\(input)")
            #expect(once == expected, "\(input)")
            #expect(FeedURL.clean(once) == once, "\(input) → \(once) → \(FeedURL.clean(once) ?? "nil")")
        }
    }

    @Test("not OPML is a reasoned error")
    func refusal() {
        guard case .failure(let error) = OPML.read(Array("<rss/>".utf8)) else {
            Issue.record("read RSS as OPML")
            return
        }
        #expect(error.code == "opml.malformed")
    }
}
