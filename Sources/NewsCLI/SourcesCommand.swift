internal import ArgumentParser
internal import Foundation
internal import NewsStore

/// `corroborate sources`: the source registry (outlets, owners, kinds).
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the outlets, or set their domain, country, owner and kind.",
        discussion: """
            Outlets enter the registry with their first article. Their owner matters: outlets with one owner \
            count as one origin when `corroborate story` counts how many independent origins report a claim.
            """,
        subcommands: [SourcesListCommand.self, SourcesSetCommand.self],
        defaultSubcommand: SourcesListCommand.self)
}

/// `corroborate sources [list]`.
struct SourcesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the outlets.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document (schema corroborate.sources.v1, docs/JSON.md).")
    var json = false

    struct Document: Encodable {
        var schema = "corroborate.sources.v1"
        var sources: [SourceRecord]
    }

    func run() async throws {
        let sources: [SourceRecord]
        do {
            sources = try await global.openDatabase().sources()
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(Document(sources: sources))
            return
        }
        guard !sources.isEmpty else {
            Terminal.output("no outlets yet; add articles with: corroborate add FILE")
            return
        }
        let rows = sources.map { source in
            [
                source.name, String(source.articleCount), source.kind?.rawValue ?? "–", source.owner ?? "–",
                source.country ?? "–", source.domain ?? "–",
            ]
        }
        let table = TextTable(
            header: ["outlet", "articles", "kind", "owner", "country", "domain"], rows: rows, rightAligned: [1])
        Terminal.output(Terminal.bold(table.line(table.header), styled: Terminal.stdoutIsStyled))
        for row in rows { Terminal.output(table.line(row)) }
    }
}

/// `corroborate sources set NAME ...`.
struct SourcesSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set an outlet's domain, country, owner or kind (an empty value clears it).",
        discussion: """
            Example: corroborate sources set VOA --owner "US Agency for Global Media" --kind state-funded --country US
            Kinds: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The outlet's name, as `corroborate sources` lists it.")
    var name: String

    @Option(help: "Its web domain (voanews.com).")
    var domain: String?

    @Option(help: "Its country.")
    var country: String?

    @Option(help: "Who owns it; outlets with one owner count as one origin.")
    var owner: String?

    @Option(help: "wire, public-broadcaster, state-funded, commercial, ngo or other.")
    var kind: String?

    @Flag(help: "Print the outlet as JSON.")
    var json = false

    func validate() throws {
        if let kind, !kind.isEmpty, SourceKind(rawValue: kind) == nil {
            throw ValidationError(
                "'\(kind)' is not a kind; use one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if domain == nil && country == nil && owner == nil && kind == nil {
            throw ValidationError("nothing to set; give --domain, --country, --owner or --kind")
        }
    }

    func run() async throws {
        var kindUpdate: SourceKind?? = nil
        if let kind { kindUpdate = .some(SourceKind(rawValue: kind)) }  // "" clears: SourceKind("") is nil
        let record: SourceRecord?
        do {
            record = try await global.openDatabase().updateSource(
                named: name, SourceUpdate(domain: domain, country: country, owner: owner, kind: kindUpdate))
        } catch {
            throw ErrorRendering.report(error)
        }
        guard let record else {
            Terminal.message(
                "error: no outlet named '\(name)' in \(global.databaseShown); list them with: corroborate sources")
            throw ErrorRendering.failure
        }
        if json {
            JSONOutput.write(record)
        } else {
            Terminal.output(
                "\(record.name): kind \(record.kind?.rawValue ?? "–"), owner \(record.owner ?? "–"), "
                    + "country \(record.country ?? "–"), domain \(record.domain ?? "–")")
        }
    }
}
