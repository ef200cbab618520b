internal import ArgumentParser
internal import Foundation
internal import NewsFeeds
internal import NewsIngest
internal import NewsStore

/// `corroborate feeds import FILE.opml`.
struct FeedsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Subscribe to every feed of an OPML file, keeping its folders and categories.",
        discussion: """
            The feeds are not read now (`corroborate fetch` does it). Each feed's outlet is --source, else the \
            outline's title, else the feed's host. Feeds already subscribed to are left as they are.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The OPML file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("One outlet for every feed in the file.", valueName: "name"))
    var source: String?

    @OptionGroup var size: InputSizeOption

    func run() async throws {
        let bytes: [UInt8]
        switch try size.read(file) {
        case .success(let read): bytes = read
        case .failure(let problem):
            Terminal.message("error: \(file): \(problem.reason)")
            throw ErrorRendering.failure
        }
        let subscriptions: [OPMLSubscription]
        switch OPML.read(bytes) {
        case .success(let read): subscriptions = read
        case .failure(let error):
            Terminal.message("error: \(file): \(error.reason) [\(error.code)]")
            throw ErrorRendering.failure
        }
        let feeds = subscriptions.map { subscription in
            let host = URLComponents(string: subscription.siteURL ?? subscription.feedURL)?.host ?? subscription.feedURL
            return NewFeed(
                url: subscription.feedURL,
                source: source ?? subscription.title.flatMap { $0.isEmpty ? nil : $0 } ?? host,
                title: subscription.title, siteURL: subscription.siteURL,
                folder: subscription.folders.isEmpty ? nil : subscription.folders.joined(separator: "/"),
                categories: subscription.categories)
        }
        let results: [FeedAddResult]
        do {
            results = try await global.openDatabase().addFeeds(feeds, at: Date())
        } catch {
            throw ErrorRendering.report(error)
        }
        let added = results.count { if case .added = $0 { true } else { false } }
        Terminal.output(
            "\(file): \(subscriptions.count) feed(s): \(added) subscribed, \(results.count - added) already subscribed"
                + (added > 0 ? "; next: corroborate fetch" : ""))
    }
}

/// `corroborate feeds export`.
struct FeedsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the subscriptions as OPML, with their folders and categories.")

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let feeds: [FeedRecord]
        do {
            feeds = try await global.openDatabase().feeds()
        } catch {
            throw ErrorRendering.report(error)
        }
        let document = OPML.write(
            feeds.map { feed in
                OPMLSubscription(
                    feedURL: feed.url, title: feed.title ?? feed.source, siteURL: feed.siteURL,
                    folders: feed.folder.map { $0.split(separator: "/").map(String.init) } ?? [],
                    categories: feed.categories)
            })
        guard let output else {
            FileHandle.standardOutput.write(Data(document.utf8))
            return
        }
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.message("error: \(output): cannot write it (\(error.localizedDescription))")
            throw ErrorRendering.failure
        }
        Terminal.message("wrote \(feeds.count) feed(s) to \(output)")
    }
}
