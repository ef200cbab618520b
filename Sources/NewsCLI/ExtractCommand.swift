internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsExtract
internal import NewsIngest

/// `corroborate extract FILE...`: the article text and metadata of HTML pages, without storing them.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article (text, typed blocks, metadata) from HTML pages without storing it.",
        discussion: """
            With --jsonl, prints one JSON object per input (docs/JSON.md, corroborate.extract.v1):
            {"file","title","authors","published","site","language","url","text","blocks","pageType","rejected"}. \
            A page that is not a storable article still shows what was found, with "rejected" saying why.
            """)

    @Argument(help: ArgumentHelp("HTML files, or - for standard input.", valueName: "file"))
    var files: [String]

    @Option(help: "The page's URL, which helps with dates and site names (for a single file).")
    var url: String?

    @Flag(help: "Print one JSON object per input on its own line.")
    var jsonl = false

    @Flag(help: "Show every block with its kind (human output).")
    var blocks = false

    @OptionGroup var size: InputSizeOption

    func run() async throws {
        var failures = 0
        for file in files {
            let bytes: [UInt8]
            switch try size.read(file) {
            case .success(let read): bytes = read
            case .failure(let problem):
                Terminal.message("error: " + ErrorRendering.line(input: file, reason: problem.reason))
                failures += 1
                continue
            }
            let page = HTMLExtractor().extract(bytes, url: url)
            if jsonl {
                JSONOutput.writeLine(JSONOutput.Extraction(file: file, page: page))
            } else {
                render(file, page)
            }
            if page.rejection != nil { failures += 1 }
        }
        if failures == files.count { throw ErrorRendering.failure }
    }

    private func render(_ file: String, _ page: ExtractedPage) {
        let styled = Terminal.stdoutIsStyled
        Terminal.output(Terminal.bold(page.metadata.title ?? "(no title)", styled: styled))
        var facts = [file]
        if let site = page.metadata.siteName { facts.append(site) }
        if let day = page.publishedDay { facts.append(day) }
        if !page.metadata.authors.isEmpty { facts.append("by " + page.metadata.authors.joined(separator: ", ")) }
        facts.append("\(page.pageType.rawValue) page, \(page.blocks.count) blocks from \(page.source), \(page.charset)")
        Terminal.output(Terminal.dim(facts.joined(separator: " · "), styled: styled))
        if let rejection = page.rejection { Terminal.message("rejected: \(file): \(rejection.reason)") }
        Terminal.output()
        if blocks {
            for block in page.blocks {
                Terminal.output(Terminal.dim("[\(block.kind.rawValue)] ", styled: styled) + block.text)
            }
        } else {
            Terminal.output(page.text)
        }
    }
}
