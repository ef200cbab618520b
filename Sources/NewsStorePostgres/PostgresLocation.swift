internal import Foundation
public import NewsStore

/// Where a PostgreSQL store is, parsed from a URL as libpq reads one:
/// `postgres[ql]://[user[:password]@][host][:port][/database][?sslmode=…&host=/socket/folder&schema=…]`.
///
/// A host that starts with `/` (or `%2F`, or a `host=` parameter) is the folder of the server's Unix socket;
/// with no host at all the socket in `/var/run/postgresql` is used, as `psql` does. What the URL leaves out
/// comes from `PGUSER`, `PGPASSWORD`, `PGHOST`, `PGPORT`, `PGDATABASE` and `PGSSLMODE`, then the current user.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How to reach the server.
    public enum Endpoint: Sendable, Hashable {
        /// TCP to a host and port.
        case tcp(host: String, port: Int)
        /// The Unix socket file (the folder libpq names, plus `.s.PGSQL.<port>`).
        case socket(path: String)
    }

    /// Whether and how to use TLS, as libpq's `sslmode`.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never.
        case disable
        /// If the server offers it (also `allow`, which libpq distinguishes only by the order it tries).
        case prefer
        /// Always, without checking the certificate (libpq's `require`).
        case require
        /// Always, checking the certificate's chain but not its name.
        case verifyCA = "verify-ca"
        /// Always, checking the certificate's chain and that it names the host.
        case verifyFull = "verify-full"
    }

    /// The server.
    public var endpoint: Endpoint
    /// The role to log in as.
    public var user: String
    /// Its password, if one is needed.
    public var password: String?
    /// The database.
    public var database: String
    /// TLS (always `disable` over a Unix socket).
    public var tls: TLSMode
    /// The PostgreSQL schema Corroborate's tables live in, so a shared database's other tables are never touched.
    public var schema: String

    /// The schema used when the URL names none.
    public static let defaultSchema = "corroborate"

    /// Whether `text` is meant as a PostgreSQL URL (rather than a file path).
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a URL; `environment` supplies what it leaves out (pass the process's environment).
    public init(url text: String, environment: [String: String] = [:]) throws(StoreError) {
        let shown = Self.redacted(text)
        func refuse(_ reason: String) -> StoreError { .cannotOpen(shown, reason: reason) }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw refuse("not a PostgreSQL URL (postgres://user@host:port/database)")
        }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value else { throw refuse("the parameter \(item.name) has no value") }
            parameters[item.name] = value
        }
        let known: Set = ["sslmode", "host", "port", "user", "password", "dbname", "schema", "application_name"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw refuse(
                "unknown parameter \(unknown) (known: \(known.sorted().joined(separator: ", ")))")
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }

        user =
            nonEmpty(components.user?.removingPercentEncoding) ?? nonEmpty(parameters["user"])
            ?? nonEmpty(environment["PGUSER"]) ?? nonEmpty(environment["USER"]) ?? "postgres"
        password =
            components.password?.removingPercentEncoding ?? parameters["password"] ?? environment["PGPASSWORD"]
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        database =
            nonEmpty(String(path.drop(while: { $0 == "/" }))) ?? nonEmpty(parameters["dbname"])
            ?? nonEmpty(environment["PGDATABASE"]) ?? user
        guard !database.contains("/") else { throw refuse("a database name cannot contain '/'") }

        let portText =
            components.port.map(String.init) ?? nonEmpty(parameters["port"]) ?? nonEmpty(environment["PGPORT"])
        let port: Int
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw refuse("the port \(portText) is not a number from 1 to 65535")
            }
            port = number
        } else {
            port = 5432
        }
        let host =
            nonEmpty(components.percentEncodedHost?.removingPercentEncoding) ?? nonEmpty(parameters["host"])
            ?? nonEmpty(environment["PGHOST"]) ?? "/var/run/postgresql"
        if host.hasPrefix("/") {
            endpoint = .socket(path: host.hasSuffix(".s.PGSQL.\(port)") ? host : host + "/.s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host, port: port)
        }

        let mode = nonEmpty(parameters["sslmode"]) ?? nonEmpty(environment["PGSSLMODE"]) ?? "prefer"
        switch mode {
        case "allow", "prefer": tls = .prefer
        default:
            guard let parsed = TLSMode(rawValue: mode) else {
                throw refuse(
                    "sslmode \(mode) is not one of disable, allow, prefer, require, verify-ca, verify-full")
            }
            tls = parsed
        }
        if case .socket = endpoint { tls = .disable }

        schema = nonEmpty(parameters["schema"]) ?? Self.defaultSchema
        guard schema.utf8.count <= 63, let first = schema.unicodeScalars.first,
            first.properties.isLowercase || first == "_",
            schema.unicodeScalars.allSatisfy({
                ($0.isASCII && ($0.properties.isLowercase || $0.properties.numericType != nil)) || $0 == "_"
            })
        else {
            throw refuse("the schema \(schema) must be lower-case ASCII letters, digits and _ (at most 63)")
        }
    }

    /// The URL as it may be shown: the password replaced by `***`.
    public var description: String {
        var text = "postgres://" + (user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user)
        if password != nil { text += ":***" }
        var query: [String] = []
        switch endpoint {
        case .tcp(let host, let port):
            text += "@" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
            if tls != .prefer { query.append("sslmode=" + tls.rawValue) }
        case .socket(let path):
            text += "@"
            query.append("host=" + (path as NSString).deletingLastPathComponent)
        }
        text += "/" + database
        if schema != Self.defaultSchema { query.append("schema=" + schema) }
        return query.isEmpty ? text : text + "?" + query.joined(separator: "&")
    }

    /// A URL with any password replaced, for messages about a URL that did not parse.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
