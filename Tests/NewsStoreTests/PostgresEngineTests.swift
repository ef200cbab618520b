import Foundation
import NewsCore
import NewsStore
import NewsStorePostgres
import Testing

@Suite("PostgreSQL URLs")
struct PostgresLocationTests {
    @Test("libpq's URL forms: TCP, Unix sockets, sslmode, schema, and what the environment fills in")
    func parses() throws {
        let tcp = try PostgresLocation(url: "postgresql://news:s%40cret@db.example.org:6543/archive?sslmode=require")
        #expect(tcp.endpoint == .tcp(host: "db.example.org", port: 6543))
        #expect(tcp.user == "news" && tcp.password == "s@cret" && tcp.database == "archive" && tcp.tls == .require)
        #expect("\(tcp)" == "postgres://news:***@db.example.org:6543/archive?sslmode=require")
        let socket = try PostgresLocation(url: "postgres:///archive?host=/run/postgresql&schema=team_a")
        #expect(socket.endpoint == .socket(path: "/run/postgresql/.s.PGSQL.5432"))
        #expect(socket.schema == "team_a" && socket.tls == .disable)
        let encoded = try PostgresLocation(url: "postgres://me@%2Ftmp%2Fpg:5433/db")
        #expect(encoded.endpoint == .socket(path: "/tmp/pg/.s.PGSQL.5433"))
        let defaults = try PostgresLocation(
            url: "postgres://", environment: ["PGUSER": "ann", "PGHOST": "10.0.0.5", "PGPASSWORD": "pw"])
        #expect(defaults.user == "ann" && defaults.database == "ann" && defaults.password == "pw")
        #expect(defaults.endpoint == .tcp(host: "10.0.0.5", port: 5432) && defaults.tls == .prefer)
        #expect(PostgresLocation.isURL("POSTGRES://x") && !PostgresLocation.isURL("/var/lib/news.sqlite"))
    }

    @Test("a URL that cannot work is refused, saying why, without showing its password")
    func refuses() {
        for (url, reason) in [
            ("postgres://me:pw@host:99999/db", "port"), ("postgres://host/db?sslmode=sometimes", "sslmode"),
            ("postgres://host/db?schema=Bad-Name", "schema"), ("postgres://host/db?colour=blue", "unknown parameter"),
        ] {
            #expect {
                try PostgresLocation(url: url)
            } throws: { error in
                let text = "\(error)"
                return text.contains(reason) && !text.contains(":pw@")
            }
        }
    }
}

@Suite(
    "PostgreSQL engine",
    .enabled(if: StoreKind.postgresURL != nil, "set CORROBORATE_TEST_POSTGRES (scripts/test.sh does)"))
struct PostgresEngineTests {
    @Test("a schema holding another program's tables is refused and left untouched")
    func foreignSchema() async throws {
        let location = try StoreKind.freshPostgresLocation()
        let store = try await PostgresStore.open(location)
        // Another program's schema: made through our connection only to have one; then pointed at.
        var other = location
        other.schema = location.schema + "_other"
        _ = store
        try await PostgresAdmin.run(
            location, "CREATE SCHEMA \(other.schema); CREATE TABLE \(other.schema).invoices (id int)")
        await #expect {
            _ = try await PostgresStore.open(other)
        } throws: { error in
            "\(error)".contains("holds 1 tables of another program")
        }
        #expect(try await PostgresAdmin.tables(location, in: other.schema) == ["invoices"])
    }

    @Test("a schema written by a newer Corroborate is refused before anything changes")
    func newerSchema() async throws {
        let location = try StoreKind.freshPostgresLocation()
        _ = try await PostgresStore.open(location)
        try await PostgresAdmin.run(
            location, "INSERT INTO \(location.schema).schema_migration (version, name) VALUES (99, 'v99-future')")
        await #expect {
            _ = try await PostgresStore.open(location)
        } throws: { error in
            (error as? StoreError)?.code == "store.newer-schema"
        }
    }

    @Test("an unreachable server is named, with what to check")
    func unreachable() async throws {
        let location = try PostgresLocation(url: "postgres://nobody@/db?host=/nonexistent-folder")
        await #expect {
            _ = try await PostgresStore.open(location)
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot reach the PostgreSQL server") && text.contains("/nonexistent-folder")
        }
    }

    @Test("processes opening a new schema at once migrate it once; clustering sessions take turns")
    func concurrentOpenAndSessions() async throws {
        let location = try StoreKind.freshPostgresLocation()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresStore.open(location) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await stores[0].info().schemaVersion == PostgresStore.schemaVersion)
        // Each session reads a counter, waits, and writes it plus one: without the lock two would read the same.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores {
                group.addTask {
                    try await store.withClusteringSession { session throws in
                        let seen = Int(String(decoding: try session.meta()?.counters ?? Data("0".utf8), as: UTF8.self))!
                        Thread.sleep(forTimeInterval: 0.1)
                        try session.write(
                            ClusteringWrite(
                                meta: ClusteringMeta(
                                    algorithm: "test", options: Data(), counters: Data("\(seen + 1)".utf8),
                                    duplicateCount: 0)))
                    }
                }
            }
            try await group.waitForAll()
        }
        let counters = try await stores[0].withClusteringSession { try $0.meta()?.counters }
        #expect(counters.map { String(decoding: $0, as: UTF8.self) } == "4")
    }
}
