import FixtureServer
import Foundation
import Testing

/// `feeds` and `fetch` through the binary, against a site on 127.0.0.1.
@Suite("corroborate feeds and fetch", .serialized)
struct FeedsCLITests {
    static let paragraph =
        "Rescue teams reached the village of Ostra on Friday after the landslide cut the only road, the regional "
        + "governor said. \"We have found 14 people alive and we are still searching,\" said Marta Kell, who leads "
        + "the teams. About 300 residents spent the night in the school gym."

    static func feed(base: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Valley Post</title><link>\(base)/</link><ttl>20</ttl>
        <item><title>Rescuers reach Ostra after landslide</title><link>\(base)/a/1?utm_source=rss</link>
        <guid>vp-1</guid><pubDate>Fri, 08 Nov 2024 10:00:00 GMT</pubDate><category>Disasters</category>
        <content:encoded><![CDATA[<p>\(paragraph)</p><p>\(paragraph.replacingOccurrences(of: "Friday", with: "Saturday"))</p>]]></content:encoded></item>
        <item><title>Ostra road to reopen next week</title><link>\(base)/a/2</link><guid>vp-2</guid>
        <content:encoded><![CDATA[<p>The road to Ostra will reopen next week, engineers said. \(paragraph)</p><p>\(paragraph)</p>]]></content:encoded></item>
        </channel></rss>
        """
    }

    static func startSite() async throws -> FixtureServer {
        try await FixtureServer.start { request in
            switch request.path {
            case "/":
                return .ok(
                    "<html><head><title>Valley Post</title><link rel=\"alternate\" type=\"application/rss+xml\" "
                        + "href=\"/feed.xml\"></head><body>Home</body></html>")
            case "/feed.xml":
                let base = "http://\(request.localHost):\(request.headers["host"]?.split(separator: ":").last ?? "")"
                return .ok(feed(base: base), type: "application/rss+xml")
            case "/dead.xml": return FixtureResponse(status: 500)
            default: return .notFound
            }
        }
    }

    @Test(
        "feeds add discovers, fetch stores and groups, list/export/import/remove round-trip",
        arguments: CLIRunner.Engine.available)
    func subscribeFetchListExport(engine: CLIRunner.Engine) async throws {
        let site = try await Self.startSite()
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let allow = ["CORROBORATE_ALLOW_PRIVATE_ADDRESSES": "1"]

        // Refused by default: the site is on loopback.
        let refused = try await cli.run(["feeds", "add", site.url("/")])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("fetch.refused-address") && refused.stderr.contains("--allow-private-addresses"))

        let added = try await cli.run(
            [
                "feeds", "add", site.url("/"), "--source", "Valley Post", "--folder", "Europe/Alps",
                "--allow-private-addresses",
            ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("subscribed: [1] \(site.url("/feed.xml")) (outlet: Valley Post)"))
        #expect(added.stderr.contains("found rss feed \"Valley Post\""))
        let dead = try await cli.run(["feeds", "add", site.url("/dead.xml"), "--no-check", "--source", "Valley Post"])
        #expect(dead.status == 0)

        let fetched = try await cli.run(["fetch", "--json"], environment: allow)
        #expect(fetched.status == 3, "one feed failed: partial success. \(fetched.stderr)")
        let document = try fetched.json()
        #expect(document["schema"] as? String == "corroborate.fetch.v1")
        #expect(document["added"] as? Int == 2 && document["failed"] as? Int == 1)
        #expect(document["analysed"] as? Int == 2 && document["clustered"] as? Int == 2)
        let outcomes = try #require(document["feeds"] as? [[String: Any]])
        #expect(
            outcomes.contains { $0["errorCode"] as? String == "fetch.http-status" && $0["httpStatus"] as? Int == 500 })

        // Not a terminal: a logfmt line for the failure, none of progress.
        let again = try await cli.run(["fetch", "--all"], environment: allow)
        #expect(
            again.stderr.contains("level=warn event=feed.polled")
                && again.stderr.contains("error_code=fetch.http-status"))
        #expect(again.stderr.contains("0 articles added, 0 already stored") || again.stderr.contains("1 unchanged"))
        #expect(!again.stderr.contains("\u{1B}["))

        let list = try await cli.run(["feeds", "list", "--json"])
        let feeds = try #require(try list.json()["feeds"] as? [[String: Any]])
        #expect(feeds.count == 2)
        #expect(feeds.contains { $0["failures"] as? Int == 2 && $0["errorCode"] as? String == "fetch.http-status" })
        #expect(feeds.contains { $0["articleCount"] as? Int == 2 && $0["folder"] as? String == "Europe/Alps" })
        let table = try await cli.run(["feeds"])
        #expect(table.stdout.contains("failing ×2: fetch.http-status") && table.stdout.contains("Valley Post"))

        let articles = try await cli.run(["articles", "--json"])
        #expect(articles.stdout.contains("Rescuers reach Ostra") && !articles.stdout.contains("utm_source"))
        let stories = try await cli.run(["stories", "--json"])
        #expect(stories.status == 0 && stories.stdout.contains("Ostra"))

        let exported = try await cli.run(["feeds", "export"])
        #expect(exported.stdout.contains("<outline text=\"Europe\"") && exported.stdout.contains(site.url("/feed.xml")))
        let opml = try cli.write("subs.opml", exported.stdout)
        #expect(try await cli.run(["feeds", "remove", "1", site.url("/dead.xml")]).status == 0)
        #expect(try await cli.run(["feeds", "list", "--json"]).json()["feeds"] as? [Any] != nil)
        let imported = try await cli.run(["feeds", "import", opml])
        #expect(
            imported.status == 0 && imported.stdout.contains("2 subscribed"), "\(imported.stdout) \(imported.stderr)")
        let reimported = try await cli.run(["feeds", "import", opml])
        #expect(reimported.stdout.contains("0 subscribed, 2 already subscribed"))
        let afterImport = try #require(
            try await cli.run(["feeds", "list", "--json"]).json()["feeds"] as? [[String: Any]])
        #expect(
            afterImport.contains {
                $0["folder"] as? String == "Europe/Alps" && $0["url"] as? String == site.url("/feed.xml")
            })
        let missing = try await cli.run(["feeds", "remove", "99"])
        #expect(missing.status == 1 && missing.stderr.contains("no feed '99'"))
        let badOPML = try await cli.run(["feeds", "import", try cli.write("bad.opml", "<html>no</html>")])
        #expect(badOPML.status == 1 && badOPML.stderr.contains("bad.opml"))
        await site.stop()
    }
}
