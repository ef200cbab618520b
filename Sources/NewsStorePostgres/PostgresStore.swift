internal import Foundation
internal import Logging
internal import NIOCore
public import NewsStore
internal import PostgresNIO

/// The PostgreSQL store: the same product as the SQLite one, on a server several processes and machines share.
///
/// Corroborate's tables live in one schema of the database (`corroborate` unless the URL names another), so a
/// database shared with other programs keeps its own tables untouched. Writers serialise where SQLite's file
/// lock serialised them, with a transaction-scoped advisory lock: adds and clustering take it, so the
/// clustering's watermark (every article id up to it is in a story) stays sound with several writers.
public final class PostgresStore: Sendable {
    /// Where it is.
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>
    /// The server's text-search configurations (`english`, `french`, …, `simple`).
    let searchConfigurations: Set<String>
    /// Hears how long a writer has waited for another's lock, after a couple of seconds and every ten.
    let waiting: (@Sendable (Duration) -> Void)?

    /// The schema version this build writes.
    public static var schemaVersion: Int { PostgresMigrations.currentVersion }

    private init(
        location: PostgresLocation, client: PostgresClient, logger: Logger, running: Task<Void, Never>,
        searchConfigurations: Set<String>, waiting: (@Sendable (Duration) -> Void)?
    ) {
        self.location = location
        self.client = client
        self.logger = logger
        self.running = running
        self.searchConfigurations = searchConfigurations
        self.waiting = waiting
    }

    deinit { running.cancel() }

    /// Connects, creates the schema if needed and brings it up to date.
    ///
    /// Refuses a schema that holds another program's tables, and one written by a newer Corroborate, before
    /// changing anything; says plainly when the server cannot be reached, the login fails or the database does
    /// not exist.
    public static func open(
        _ location: PostgresLocation, waiting: (@Sendable (Duration) -> Void)? = nil
    ) async throws(StoreError) -> PostgresStore {
        var logger = Logger(label: "corroborate.postgres")
        logger.logLevel = .critical
        do {
            try await probe(location, logger: logger)
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: "opening")
        }
        var configuration: PostgresClient.Configuration
        switch location.endpoint {
        case .socket(let path):
            configuration = .init(
                unixSocketPath: path, username: location.user, password: location.password,
                database: location.database)
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: location.user, password: location.password,
                database: location.database, tls: PostgresTLS.configuration(location.tls))
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = 8
        // NB: every statement names tables unqualified; the schema comes first on the search path, `public`
        // after it for nothing of ours.
        configuration.options.additionalStartupParameters = [
            ("search_path", location.schema), ("application_name", "corroborate"),
        ]
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let running = Task { await client.run() }
        do {
            let configurations = try await client.query(
                "SELECT cfgname::text FROM pg_catalog.pg_ts_config", logger: logger
            )
            .collect().map { try $0.decode(String.self) }
            let store = PostgresStore(
                location: location, client: client, logger: logger, running: running,
                searchConfigurations: Set(configurations), waiting: waiting)
            try await PostgresMigrations.migrate(store)
            return store
        } catch {
            running.cancel()
            throw PostgresErrorMapping.map(error, location: location, operation: "opening")
        }
    }

    /// Connects once, outside the pool, and hangs up: an unreachable server, a refused login or a missing
    /// database is then said at once (the pool would retry for a minute before giving up, saying only that).
    private static func probe(_ location: PostgresLocation, logger: Logger) async throws {
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .socket(let path):
            configuration = .init(
                unixSocketPath: path, username: location.user, password: location.password,
                database: location.database)
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: location.user, password: location.password,
                database: location.database, tls: try PostgresTLS.connection(location.tls))
        }
        configuration.options.connectTimeout = .seconds(10)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        try await connection.close()
    }

    /// The lock every writer of articles or stories holds for its transaction.
    static let writeLock: Int64 = 0x436F_7272_6F62  // "Corrob"

    /// Runs `body` in one transaction, all or nothing, mapping errors to `StoreError`s naming `operation`.
    @discardableResult
    func transaction<T: Sendable>(
        _ operation: String, writing: Bool = false, _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let logger = logger
        let waiting = waiting
        do {
            return try await client.withTransaction(logger: logger) { connection in
                if writing { try await Self.takeWriteLock(connection, logger: logger, waiting: waiting) }
                return try await body(connection)
            }
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: operation)
        }
    }

    /// Takes the write lock for the connection's transaction; tells `waiting` when another writer holds it long.
    private static func takeWriteLock(
        _ connection: PostgresConnection, logger: Logger, waiting: (@Sendable (Duration) -> Void)?
    ) async throws {
        let got =
            try await connection.query("SELECT pg_try_advisory_xact_lock(\(writeLock))", logger: logger)
            .collect().first?.decode(Bool.self) ?? false
        guard !got else { return }
        let started = ContinuousClock.now
        let reporter = Task {
            var next = Duration.seconds(2)
            while !Task.isCancelled {
                try? await Task.sleep(until: started + next)
                if Task.isCancelled { break }
                waiting?(next)
                next += .seconds(10)
            }
        }
        defer { reporter.cancel() }
        try await connection.query("SELECT pg_advisory_xact_lock(\(writeLock))", logger: logger)
    }

    /// Runs one statement outside any explicit transaction and returns its rows.
    func rows(_ operation: String, _ query: PostgresQuery) async throws(StoreError) -> [PostgresRow] {
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: operation)
        }
    }

    /// Decodes every row with `decode`, mapping errors.
    func decoded<T>(
        _ operation: String, _ rows: [PostgresRow], _ decode: (PostgresRow) throws -> T
    ) throws(StoreError) -> [T] {
        do {
            return try rows.map(decode)
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: operation)
        }
    }
}

extension PostgresConnection {
    /// Runs a statement and collects its rows.
    @discardableResult
    func all(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
