internal import ArgumentParser
internal import Foundation
internal import NewsStore

/// `corroborate rejections`: inputs that did not become articles, with their reasons.
struct RejectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejections",
        abstract: "List rejected inputs (bad files, pages that are not articles, bad JSON lines), newest first.",
        discussion: "Each is kept with its reason and, when it was read, its bytes; adding it again replaces the entry."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Show at most this many.")
    var limit: Int = 50

    @Option(help: "Skip this many first.")
    var offset: Int = 0

    @Flag(help: "Print one JSON document (schema corroborate.rejections.v1, docs/JSON.md).")
    var json = false

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset cannot be negative") }
    }

    func run() async throws {
        let rejections: [RejectedInput]
        do {
            rejections = try await global.openDatabase().rejections(limit: limit, offset: offset)
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(JSONOutput.Rejections(rejections: rejections.map { .init($0) }))
            return
        }
        guard !rejections.isEmpty else {
            Terminal.message("No rejected inputs.")
            return
        }
        for rejection in rejections {
            let place =
                rejection.location.isEmpty
                ? Terminal.shown(rejection.inputName) : "\(Terminal.shown(rejection.inputName)) (\(rejection.location))"
            let size =
                rejection.raw.map { raw in
                    let whole = rejection.rawSize ?? raw.count
                    return whole > raw.count
                        ? " · first \(Terminal.count(raw.count)) of \(Terminal.count(whole)) bytes kept"
                        : " · \(Terminal.count(raw.count)) bytes kept"
                } ?? ""
            Terminal.output("\(ArticlesCommand.day(rejection.rejectedAt))  \(rejection.code)  \(place)\(size)")
            Terminal.output("            \(rejection.reason)")
        }
    }
}
