import Foundation
import NewsFeeds
import NewsFetch
import Testing

@Suite("Address classes for the SSRF guard")
struct IPAddressTests {
    @Test(arguments: [
        ("8.8.8.8", AddressKind.global), ("93.184.216.34", .global), ("127.0.0.1", .loopback),
        ("127.255.0.9", .loopback), ("10.1.2.3", .privateUse), ("172.16.0.1", .privateUse),
        ("172.31.255.255", .privateUse), ("172.32.0.1", .global), ("192.168.1.1", .privateUse),
        ("100.64.0.1", .privateUse), ("169.254.169.254", .linkLocal), ("224.0.0.251", .multicast),
        ("0.0.0.0", .unspecified), ("255.255.255.255", .reserved), ("::1", .loopback), ("[::1]", .loopback),
        ("::", .unspecified), ("fe80::1%eth0", .linkLocal), ("fd12:3456::1", .privateUse), ("ff02::1", .multicast),
        ("::ffff:10.0.0.1", .privateUse), ("::ffff:127.0.0.1", .loopback), ("64:ff9b::a9fe:a9fe", .linkLocal),
        ("2606:4700:4700::1111", .global), ("2001:db8::1", .reserved),
    ])
    func classifies(_ text: String, _ kind: AddressKind) throws {
        let address = try #require(IPAddress(text), "\(text) did not parse")
        #expect(address.kind == kind, "\(text)")
    }

    @Test(arguments: ["example.com", "1.2.3", "256.1.1.1", "1.2.3.4.5", "::1::2", "12345::", "", "01.2.3.4x"])
    func rejectsWhatIsNotAnAddress(_ text: String) {
        #expect(IPAddress(text) == nil, "\(text)")
    }

    @Test(arguments: [
        "012.0.0.1", "0127.0.0.1", "10.0.0.010", "0x7f.0.0.1", "0x7f000001", "2130706433", "127.1", "1.2.3",
    ])
    func numericHostsResolversReadOtherwiseAreAmbiguous(_ host: String) {
        #expect(IPAddress.isAmbiguousNumericHost(host), "\(host)")
        #expect(IPAddress(host) == nil, "\(host) parsed as an address")
    }

    @Test(arguments: ["127.0.0.1", "10.0.0.1", "example.com", "news.example.com.", "1x.example", "web2.example.org"])
    func namesAndPlainAddressesAreNotAmbiguous(_ host: String) {
        #expect(!IPAddress.isAmbiguousNumericHost(host), "\(host)")
    }

    @Test func policies() throws {
        let loopback = try #require(IPAddress("127.0.0.1"))
        #expect(!AddressPolicy.publicOnly.permits(loopback))
        #expect(AddressPolicy.allowPrivate.permits(loopback))
        #expect(!AddressPolicy.allowPrivate.permits(try #require(IPAddress("224.0.0.1"))))
        #expect(AddressPolicy.publicOnly.permits(try #require(IPAddress("1.1.1.1"))))
        // Private feeds allowed: never the link-local metadata service, and never from a public host by redirect.
        #expect(!AddressPolicy.allowPrivate.permits(try #require(IPAddress("169.254.169.254"))))
        #expect(!AddressPolicy.allowPrivate.permits(try #require(IPAddress("fe80::1"))))
        #expect(!AddressPolicy.allowPrivate.permitsRedirect(from: .global, to: .privateUse))
        #expect(!AddressPolicy.allowPrivate.permitsRedirect(from: .global, to: .loopback))
        #expect(AddressPolicy.allowPrivate.permitsRedirect(from: .privateUse, to: .loopback))
        #expect(AddressPolicy.allowPrivate.permitsRedirect(from: .global, to: .global))
    }
}

@Suite("robots.txt rules (RFC 9309)")
struct RobotsRulesTests {
    let text = """
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Disallow: /search?q=
        Crawl-delay: 2

        User-agent: Corroborate
        User-agent: OtherBot
        Disallow: /drafts
        Allow: /drafts/public
        """

    @Test func theNamedGroupWinsOverTheWildcard() {
        let rules = RobotsRules(parsing: text, token: "corroborate")
        #expect(!rules.allows(path: "/drafts/one"))
        #expect(rules.allows(path: "/drafts/public/one"))
        #expect(rules.allows(path: "/private/x"), "the * group does not apply when a group names us")
        #expect(rules.crawlDelaySeconds == nil)
    }

    @Test func theWildcardGroupApplies() {
        let rules = RobotsRules(parsing: text, token: "somebot")
        #expect(!rules.allows(path: "/private/memo"))
        #expect(rules.allows(path: "/private/press/release"), "the longer Allow wins")
        #expect(!rules.allows(path: "/files/report.pdf"))
        #expect(rules.allows(path: "/files/report.pdf.html"), "$ anchors the end")
        #expect(!rules.allows(path: "/search?q=floods"))
        #expect(rules.allows(path: "/news/floods"))
        #expect(rules.allows(path: "/robots.txt"))
        #expect(rules.crawlDelaySeconds == 2)
    }

    @Test func emptyAndOddFilesAllowEverything() {
        #expect(RobotsRules(parsing: "", token: "corroborate").allows(path: "/x"))
        #expect(RobotsRules(parsing: "Disallow: /\n", token: "corroborate").allows(path: "/x"), "no group: no rule")
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", token: "corroborate").allows(path: "/x"))
        #expect(RobotsRules.allowAll.allows(path: "/anything"))
    }
}

@Suite("Feed schedule and back-off")
struct FeedScheduleTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let schedule = FeedSchedule()

    func minutes(_ date: Date) -> Double { date.timeIntervalSince(now) / 60 }

    @Test func hintsAreFollowedWithinBounds() {
        #expect(minutes(schedule.next(after: now)) == 30)
        #expect(minutes(schedule.next(after: now, timeToLiveMinutes: 60)) == 60)
        #expect(minutes(schedule.next(after: now, timeToLiveMinutes: 1)) == 10, "too eager: raised to 10 min")
        #expect(minutes(schedule.next(after: now, timeToLiveMinutes: 10_000)) == 360, "too lazy: cut to 6 h")
        #expect(minutes(schedule.next(after: now, cacheControl: "public, max-age=7200")) == 120)
        #expect(minutes(schedule.next(after: now, cacheControl: "no-cache")) == 30)
        #expect(minutes(schedule.next(after: now, expires: now.addingTimeInterval(3600))) == 60)
    }

    @Test func failuresBackOffExponentiallyUpToADay() {
        #expect(minutes(schedule.nextAfterFailure(at: now, failures: 1)) == 10)
        #expect(minutes(schedule.nextAfterFailure(at: now, failures: 2)) == 20)
        #expect(minutes(schedule.nextAfterFailure(at: now, failures: 4)) == 80)
        #expect(minutes(schedule.nextAfterFailure(at: now, failures: 40)) == 24 * 60)
        #expect(minutes(schedule.nextAfterFailure(at: now, failures: 1, retryAfterSeconds: 7200)) == 120)
        #expect(minutes(schedule.nextAfterFailure(at: now, failures: 1, retryAfterSeconds: 5)) == 10)
    }
}

@Suite("Feed discovery and item content")
struct FeedDiscoveryTests {
    @Test func linksInTheHeadAreFoundAbsoluteAndClean() {
        let html = """
            <html><head><base href="https://news.example/en/">
            <link rel="alternate" type="application/json+oembed" href="/oembed?u=1">
            <link rel=alternate type="application/rss+xml" title="All &amp; more" href="feeds/all.rss?utm_source=x">
            <LINK REL="Alternate" TYPE="application/atom+xml" HREF='https://news.example/atom.xml'>
            <link rel="alternate" type="application/feed+json" href="/feed.json">
            <link rel="stylesheet" href="/site.css">
            </head><body><link rel="alternate" type="application/rss+xml" href="/in-body.rss"></body></html>
            """
        let links = FeedDiscovery.links(in: html, pageURL: "https://news.example/")
        #expect(
            links.map(\.url) == [
                "https://news.example/en/feeds/all.rss", "https://news.example/atom.xml",
                "https://news.example/feed.json",
            ])
        #expect(links.first?.title == "All & more")
    }

    @Test func contentBecomesParagraphsWithoutScriptsOrCaptions() {
        let html = """
            <div><p>First paragraph with <a href="#">a link</a> &amp; more.</p><script>var x = "<p>no</p>";</script>
            <figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>Second<br>Third</div>
            """
        #expect(FeedContent.paragraphs(html) == ["First paragraph with a link & more.", "Second", "Third"])
    }
}
