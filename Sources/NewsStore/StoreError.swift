/// Why a store could not do what was asked; carries the database's location and a stable code.
///
/// A struct over a private enum, so cases can be added without breaking callers (STYLE.md rule 5).
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case cannotOpen(reason: String)
        case notADatabase
        case readOnly(reason: String)
        case newerSchema(found: String)
        case invalidQuery(query: String, reason: String)
        case failed(operation: String, reason: String)
        case holdsAnotherArchive(reason: String)
        case copyIncomplete(reason: String)
    }

    private let kind: Kind
    /// The database the error is about (a path, or `:memory:`).
    public let location: String

    private init(_ kind: Kind, location: String) {
        self.kind = kind
        self.location = location
    }

    /// Whether the store refused a write because it cannot be written (a read-only file, folder or mount).
    public var isReadOnly: Bool {
        if case .readOnly = kind { return true }
        return false
    }

    /// The file cannot be opened or created (missing folder, no permission).
    public static func cannotOpen(_ location: String, reason: String) -> StoreError {
        StoreError(.cannotOpen(reason: reason), location: location)
    }

    /// The file exists but is not an SQLite database, or is damaged.
    public static func notADatabase(_ location: String) -> StoreError { StoreError(.notADatabase, location: location) }

    /// The database cannot be written (read-only file or folder, full disk).
    public static func readOnly(_ location: String, reason: String) -> StoreError {
        StoreError(.readOnly(reason: reason), location: location)
    }

    /// The database was written by a newer Corroborate, whose schema this one does not know.
    public static func newerSchema(_ location: String, found: String) -> StoreError {
        StoreError(.newerSchema(found: found), location: location)
    }

    /// A search that the index cannot run.
    public static func invalidQuery(_ location: String, query: String, reason: String) -> StoreError {
        StoreError(.invalidQuery(query: query, reason: reason), location: location)
    }

    /// Any other failure of the engine during `operation`.
    public static func failed(_ location: String, operation: String, reason: String) -> StoreError {
        StoreError(.failed(operation: operation, reason: reason), location: location)
    }

    /// A copy's destination already holds articles that are not the source's.
    public static func holdsAnotherArchive(_ location: String, reason: String) -> StoreError {
        StoreError(.holdsAnotherArchive(reason: reason), location: location)
    }

    /// A copy's destination does not hold what the source does once the copy is done.
    public static func copyIncomplete(_ location: String, reason: String) -> StoreError {
        StoreError(.copyIncomplete(reason: reason), location: location)
    }

    /// A stable, machine-readable code.
    public var code: String {
        switch kind {
        case .cannotOpen: "store.cannot-open"
        case .notADatabase: "store.not-a-database"
        case .readOnly: "store.read-only"
        case .newerSchema: "store.newer-schema"
        case .invalidQuery: "store.invalid-query"
        case .failed: "store.failed"
        case .holdsAnotherArchive: "store.holds-another-archive"
        case .copyIncomplete: "store.copy-incomplete"
        }
    }

    /// What went wrong, in one line, naming the database.
    public var description: String {
        switch kind {
        case .cannotOpen(let reason): "cannot open the database \(location): \(reason)"
        case .notADatabase: "\(location) is not a Corroborate database (not SQLite, or damaged)"
        case .readOnly(let reason): "cannot write to the database \(location): \(reason)"
        case .newerSchema(let found):
            "the database \(location) was written by a newer Corroborate (schema \(found)); upgrade Corroborate"
        case .invalidQuery(let query, let reason): "cannot search for \(query): \(reason)"
        case .failed(let operation, let reason): "\(operation) failed on the database \(location): \(reason)"
        case .holdsAnotherArchive(let reason):
            "the database \(location) already holds another archive (\(reason)); a copy goes into an empty one"
        case .copyIncomplete(let reason): "the copy in \(location) is incomplete: \(reason)"
        }
    }

    /// Whether the database is a server's (a PostgreSQL URL), not a file.
    private var isServer: Bool { location.lowercased().hasPrefix("postgres") && location.contains("://") }

    /// What the user can do about it, when there is something.
    public var suggestion: String? {
        switch kind {
        case .cannotOpen where isServer:
            "check the URL, that the server runs and that its role may connect, or choose another database with --db"
        case .cannotOpen where location.contains("://"): "give --db a file path or a postgres:// URL"
        case .cannotOpen: "check that the folder exists and is writable, or choose another file with --db"
        case .readOnly where isServer: "check the role's privileges on the schema and the server's free space"
        case .notADatabase: "move the file aside, or choose another file with --db"
        case .readOnly(let reason) where reason.contains("disk is full"):
            "free some space (or raise the limit), then run the command again: it goes on where it stopped"
        case .readOnly: "check the file's and folder's permissions and free space, or choose another file with --db"
        case .newerSchema: "use the Corroborate version that wrote it, or another file with --db"
        case .invalidQuery: "quote the words, e.g. corroborate search '\"Mark Toner\"'"
        case .holdsAnotherArchive where isServer:
            "copy into a new database, or a new schema of this one with ?schema=NAME in the URL"
        case .holdsAnotherArchive: "copy into a new file"
        case .copyIncomplete:
            "stop every process writing to the source, then run the same command again: it goes on where it stopped"
        case .failed: nil
        }
    }
}
