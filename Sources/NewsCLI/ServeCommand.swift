internal import ArgumentParser
internal import Foundation
internal import Logging
internal import NewsIngest
internal import NewsServer
internal import NewsStore

/// `corroborate serve`: the web UI, the JSON API and feeds out, polling feeds in the same process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web UI, the JSON API (/api/v1) and story feeds; poll feeds when due.",
        discussion: """
            Open http://127.0.0.1:8080 for the stories, each story's comparison, search, outlets and feeds. \
            The API is described at /api/v1/openapi.json; stories are also an Atom feed (/stories.atom) and a \
            JSON Feed (/stories.json). Reading is open (unless --read-token); every change (merge, split, \
            outlets, saved searches, subscriptions) needs a token: make one with `corroborate token create NAME`. \
            Feeds are polled when due (see `corroborate fetch`); --no-poll leaves that to `fetch`. \
            Stop with Ctrl-C: requests in flight finish, nothing stored is lost.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The address to listen on (0.0.0.0 for every interface).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "port"))
    var port = 8080

    @Flag(help: "Require a token for reading too (pages, API and feeds).")
    var readToken = false

    @Flag(help: "Do not poll feeds (use `corroborate fetch` instead).")
    var noPoll = false

    @Option(help: ArgumentHelp("The address feed links start with (default: the request's host).", valueName: "url"))
    var publicURL: String?

    @Option(
        name: .customLong("allowed-host"),
        help: ArgumentHelp(
            "A host name the server answers to, besides its address, localhost and --public-url's host (repeat; '*' for any).",
            discussion: "Requests naming another host get 421: a page elsewhere cannot rebind its name to this server.",
            valueName: "name"))
    var allowedHosts: [String] = []

    @OptionGroup var fetching: FetchOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
    }

    func run() async throws {
        let store = try await global.openStore()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.readsNeedToken = readToken
        configuration.pollFeeds = !noPoll
        configuration.fetchPolicy = fetching.policy
        configuration.publicURL = publicURL
        configuration.allowedHosts = allowedHosts
        var logger = Logger(label: "corroborate")
        logger.logLevel = .info
        let server: CorroborateServer
        do {
            server = try await CorroborateServer(store: store, configuration: configuration, logger: logger)
        } catch {
            Terminal.message("error: \(error)")
            throw ErrorRendering.failure
        }
        let tokens = (try? await store.tokens().count) ?? 0
        do {
            try await server.run { port in
                let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
                Terminal.message("serving \(global.databaseShown) on http://\(shown):\(port) (Ctrl-C stops)")
                Terminal.message(
                    "  API: http://\(shown):\(port)/api/v1/openapi.json · feeds: /stories.atom, /stories.json")
                if tokens == 0 {
                    Terminal.message("  no tokens yet: changes need one; make it with `corroborate token create NAME`")
                }
            }
        } catch {
            Terminal.message("error: cannot serve on \(host):\(port): \(error)")
            Terminal.message("hint: is another program using the port? choose another with --port")
            throw ErrorRendering.failure
        }
    }
}

/// `corroborate token`: the API tokens that allow changes through the server.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make, list and revoke the tokens the server's changes need.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self],
        defaultSubcommand: TokenListCommand.self)
}

/// `corroborate token create NAME`.
struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a token and print it once (only its hash is kept).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("What it is for (a person, a script).", valueName: "name"))
    var name: String

    func run() async throws {
        let store = try await global.openStore()
        let token = APIToken.generate()
        let record: APITokenRecord
        do {
            record = try await store.addToken(name: name, hash: APIToken.hash(token), at: Date())
        } catch {
            throw ErrorRendering.report(error)
        }
        Terminal.output(token)
        Terminal.message(
            "token \(record.id) (\(name)) made; it is shown only now. Send it as `Authorization: Bearer TOKEN`, "
                + "or paste it at /login. Revoke it with: corroborate token revoke \(record.id)")
    }
}

/// `corroborate token list`.
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the tokens (not their secrets).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document (schema corroborate.tokens.v1).")
    var json = false

    struct Document: Encodable {
        struct Token: Encodable {
            var id: Int64
            var name: String
            var created: Date
        }
        var schema = "corroborate.tokens.v1"
        var tokens: [Token]
    }

    func run() async throws {
        let store = try await global.openStore()
        let tokens: [APITokenRecord]
        do {
            tokens = try await store.tokens()
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(
                Document(tokens: tokens.map { Document.Token(id: $0.id, name: $0.name, created: $0.created) }))
            return
        }
        if tokens.isEmpty {
            Terminal.message("no tokens; make one with: corroborate token create NAME")
            return
        }
        let rows = tokens.map { [String($0.id), $0.name, $0.created.formatted(.iso8601)] }
        let table = TextTable(header: ["id", "name", "created"], rows: rows, rightAligned: [0])
        Terminal.output(table.line(table.header))
        for row in rows { Terminal.output(table.line(row)) }
    }
}

/// `corroborate token revoke ID`.
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a token; a running server refuses it within seconds.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The token's id, as `token list` shows it.", valueName: "id"))
    var id: Int64

    func run() async throws {
        let store = try await global.openStore()
        let removed: APITokenRecord?
        do {
            removed = try await store.removeToken(id)
        } catch {
            throw ErrorRendering.report(error)
        }
        guard let removed else {
            Terminal.message("error: no token \(id); list them with: corroborate token list")
            throw ErrorRendering.failure
        }
        Terminal.output("revoked token \(removed.id) (\(removed.name))")
    }
}
