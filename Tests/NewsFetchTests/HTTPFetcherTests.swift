import FixtureServer
import Foundation
import NewsFetch
import Synchronization
import Testing

/// The fetcher against a real server on 127.0.0.1: conditional GET, gzip, caps, timeouts, redirects, the
/// SSRF guard, politeness and robots.txt.
@Suite("HTTPFetcher against a local server", .serialized)
struct HTTPFetcherTests {
    func withSite(
        _ policy: FetchPolicy = .testing(), _ body: (TestSite, HTTPFetcher) async throws -> Void
    ) async throws {
        let site = try await TestSite.start()
        let fetcher = HTTPFetcher(policy: policy)
        do {
            try await body(site, fetcher)
        } catch {
            await fetcher.shutdown()
            await site.stop()
            throw error
        }
        await fetcher.shutdown()
        await site.stop()
    }

    func failure(_ fetcher: HTTPFetcher, _ url: String, page: Bool = false) async -> FetchError? {
        do {
            _ =
                page
                ? try await fetcher.fetchPage(FetchRequest(url: url)) : try await fetcher.fetch(FetchRequest(url: url))
            return nil
        } catch {
            return error
        }
    }

    @Test func conditionalGETGetsNotModified() async throws {
        try await withSite { site, fetcher in
            let first = try await fetcher.fetch(FetchRequest(url: site.url("/feeds/news.rss")))
            #expect(first.status == 200 && first.headers["etag"] == "\"v1\"")
            #expect(String(decoding: first.body, as: UTF8.self).contains("Lakeside Courier"))
            let second = try await fetcher.fetch(FetchRequest(url: site.url("/feeds/news.rss"), etag: "\"v1\""))
            #expect(second.notModified && second.body.isEmpty)
            site.feedVersion.withLock { $0 = "v2" }
            let third = try await fetcher.fetch(FetchRequest(url: site.url("/feeds/news.rss"), etag: "\"v1\""))
            #expect(third.status == 200)
            #expect(site.server.requests.last?.headers["if-none-match"] == "\"v1\"")
            #expect(site.server.requests.last?.headers["user-agent"]?.hasPrefix("Corroborate/") == true)
        }
    }

    @Test func gzipBodiesAreDecompressed() async throws {
        try await withSite { site, fetcher in
            let response = try await fetcher.fetch(FetchRequest(url: site.url("/feeds/news.rss.gz")))
            #expect(String(decoding: response.body, as: UTF8.self).hasPrefix("<?xml"))
            #expect(site.server.requests.last?.headers["accept-encoding"]?.contains("gzip") == true)
        }
    }

    // NB: no wall-clock bound: 50 MB cross loopback in well under a second, so time cannot tell a cut body from a
    // whole one; the error code can, and the time limit catches a fetcher that never stops reading.
    @Test(.timeLimit(.minutes(1)))
    func hugeBodiesAreCutAtTheCap() async throws {
        try await withSite { site, fetcher in
            for path in ["/huge", "/huge-unannounced"] {
                var request = FetchRequest(url: site.url(path))
                request.maxBytes = 1 << 20
                do throws(FetchError) {
                    _ = try await fetcher.fetch(request)
                    Issue.record("\(path): a 50 MB body was accepted under a 1 MB cap")
                } catch {
                    #expect(error.code == .tooLarge, "\(path): \(error)")
                    #expect(error.reason.contains(path))
                }
            }
        }
    }

    @Test func slowHangingAndTricklingHostsTimeOut() async throws {
        try await withSite(.testing(timeout: .seconds(1))) { site, fetcher in
            let clock = ContinuousClock()
            for path in ["/slow", "/hang", "/trickle"] {
                let started = clock.now
                let error = await failure(fetcher, site.url(path))
                #expect(error?.code == .timeout, "\(path): \(String(describing: error))")
                // Every path stalls for 20 s or more (TestSite), so a fetch that ends in half of that was cut by the
                // 1 s deadline, however loaded the machine; a fixed bound near the deadline was a load flake.
                #expect(clock.now - started < .seconds(10), "\(path) held the fetcher until the host gave up")
            }
        }
    }

    @Test func deadHostFailsFast() async throws {
        // A port nobody listens on: bind a server, note its port, stop it.
        let gone = try await FixtureServer.start { _ in .notFound }
        let url = gone.url("/feed")
        await gone.stop()
        // NB: the client retries a refused connection until the connect timeout, so that bounds the wait.
        var policy = FetchPolicy.testing()
        policy.connectTimeout = .seconds(1)
        let fetcher = HTTPFetcher(policy: policy)
        let clock = ContinuousClock()
        let started = clock.now
        let error = await failure(fetcher, url)
        await fetcher.shutdown()
        #expect(error?.code == .connect, "\(String(describing: error))")
        #expect(error?.isTransient == true)
        #expect(clock.now - started < .seconds(3))
    }

    @Test func errorStatusesAreReportedWithRetryAfter() async throws {
        try await withSite { site, fetcher in
            let error = await failure(fetcher, site.url("/error"))
            #expect(error?.code == .status && error?.status == 500 && error?.isTransient == true)
            let busy = await failure(fetcher, site.url("/busy"))
            #expect(busy?.status == 503 && busy?.retryAfterSeconds == 7200)
            let gone = await failure(fetcher, site.url("/gone"))
            #expect(gone?.status == 410 && gone?.isTransient == false)
        }
    }

    @Test func redirectsAreFollowedLoopsAndChainsStopped() async throws {
        try await withSite { site, fetcher in
            let moved = try await fetcher.fetch(FetchRequest(url: site.url("/moved")))
            #expect(moved.status == 200 && moved.url == site.url("/feeds/news.rss"))
            let loop = await failure(fetcher, site.url("/loop/a"))
            #expect(loop?.code == .tooManyRedirects && loop?.reason.contains("loop") == true)
            let chain = await failure(fetcher, site.url("/chain/1"))
            #expect(chain?.code == .tooManyRedirects)
            #expect(site.server.requests.count { $0.path.hasPrefix("/chain/") } == FetchPolicy().maxRedirects + 1)
        }
    }

    @Test func privateAddressesAreRefusedByDefaultAlsoAfterRedirects() async throws {
        let site = try await TestSite.start()
        let strict = HTTPFetcher()
        for url in [site.url("/feeds/news.rss"), "http://localhost:\(site.server.port)/feeds/news.rss"] {
            let error = await failure(strict, url)
            #expect(error?.code == .refusedAddress, "\(url): \(String(describing: error))")
            #expect(error?.isTransient == false)
        }
        #expect(site.server.requests.isEmpty, "a refused address was connected to")
        await strict.shutdown()
        // Loopback allowed, link-local not: the redirect to the metadata service is refused before connecting.
        let loopbackOnly = HTTPFetcher(policy: .testing())
        let error = await failure(loopbackOnly, site.url("/metadata"))
        #expect(error?.code == .refusedAddress && error?.reason.contains("169.254.169.254") == true)
        // A host name is resolved and pinned: localhost works when loopback is allowed.
        let viaName = try await loopbackOnly.fetch(FetchRequest(url: "http://localhost:\(site.server.port)/robots.txt"))
        #expect(viaName.status == 200)
        await loopbackOnly.shutdown()
        // Private feeds allowed: the metadata service is still refused.
        var privatePolicy = FetchPolicy.testing()
        privatePolicy.addresses = .allowPrivate
        let allowingPrivate = HTTPFetcher(policy: privatePolicy)
        let metadata = await failure(allowingPrivate, site.url("/metadata"))
        #expect(metadata?.code == .refusedAddress && metadata?.reason.contains("169.254.169.254") == true)
        await allowingPrivate.shutdown()
        await site.stop()
    }

    @Test("numeric hosts the resolver reads differently are refused before any connection (SSRF)")
    func ambiguousNumericHostsAreRefused() async throws {
        try await withSite { site, fetcher in
            let port = site.server.port
            for host in ["0127.0.0.1", "127.000.000.001", "0x7f.0.0.1", "2130706433", "127.1"] {
                let error = await failure(fetcher, "http://\(host):\(port)/robots.txt")
                #expect(error?.code == .badURL, "\(host): \(String(describing: error))")
            }
            #expect(site.server.requests.isEmpty, "an ambiguous numeric host was connected to")
        }
    }

    @Test("a host written in capitals is normalised once: the pinned lower-case host is what is sent")
    func hostCaseIsNormalisedBeforeThePin() async throws {
        try await withSite { site, fetcher in
            let response = try await fetcher.fetch(
                FetchRequest(url: "http://LocalHost:\(site.server.port)/robots.txt"))
            #expect(response.status == 200 && response.url == "http://localhost:\(site.server.port)/robots.txt")
            #expect(site.server.requests.last?.headers["host"] == "localhost:\(site.server.port)")
        }
    }

    @Test func badAddressesAreRefused() async throws {
        let fetcher = HTTPFetcher(policy: .testing())
        for url in ["ftp://example.org/feed", "file:///etc/passwd", "not a url", "http://"] {
            let error = await failure(fetcher, url)
            #expect(error?.code == .badURL, "\(url): \(String(describing: error))")
        }
        await fetcher.shutdown()
    }

    @Test func oneHostGetsAtMostItsShareOfRequests() async throws {
        var policy = FetchPolicy.testing()
        policy.perHostConcurrency = 2
        policy.perHostInterval = .milliseconds(100)
        try await withSite(policy) { site, fetcher in
            let clock = ContinuousClock()
            let started = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask { _ = try await fetcher.fetch(FetchRequest(url: site.url("/gate/\(index)"))) }
                }
                try await group.waitForAll()
            }
            let elapsed = clock.now - started
            #expect(site.gateState.withLock { $0.peak } <= 2)
            // Six starts 100 ms apart: at least 500 ms, whatever the concurrency.
            #expect(elapsed >= .milliseconds(500))
        }
    }

    @Test func robotsTxtIsRespectedForPages() async throws {
        try await withSite { site, fetcher in
            let page = try await fetcher.fetchPage(FetchRequest(url: site.url("/news/ferry")))
            #expect(page.status == 200)
            let refused = await failure(fetcher, site.url("/private/budget"), page: true)
            #expect(refused?.code == .robots && refused?.isTransient == false)
            #expect(!site.server.requests.contains { $0.path.hasPrefix("/private/") })
            #expect(site.server.requests.count { $0.path == "/robots.txt" } == 1)
        }
    }
}
