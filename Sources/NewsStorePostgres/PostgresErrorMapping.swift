internal import NewsStore
internal import PostgresNIO

/// Turns postgres-nio's errors into `StoreError`s that name the server and say what to do.
enum PostgresErrorMapping {
    static func map(_ error: any Error, location: PostgresLocation, operation: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let transaction = error as? PostgresTransactionError {
            // The first thing that failed is the cause; a failed rollback after it says nothing new.
            if let cause = transaction.beginError ?? transaction.closureError ?? transaction.commitError
                ?? transaction.rollbackError
            {
                return map(cause, location: location, operation: operation)
            }
        }
        let shown = "\(location)"
        guard let error = error as? PSQLError else {
            return .failed(shown, operation: operation, reason: "\(error)")
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "error \(state)"
            switch state {
            case "3D000":
                return .cannotOpen(
                    shown, reason: "\(message); create it first (createdb \(location.database)) or name another")
            case "28P01", "28000":
                return .cannotOpen(
                    shown, reason: "\(message); check the user and password (in the URL, or PGPASSWORD / ~/.pgpass)")
            case "42501": return .readOnly(shown, reason: message)
            case "53100", "25006": return .readOnly(shown, reason: message)
            case "57P01", "57P02", "57P03":
                return .cannotOpen(shown, reason: "\(message); the server is shutting down or starting up")
            default: return .failed(shown, operation: operation, reason: message)
            }
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .poolClosed:
            let underlying = error.underlying.map { ": \($0)" } ?? ""
            return .cannotOpen(
                shown,
                reason: "cannot reach the PostgreSQL server\(underlying); check that it runs and listens there")
        case .sslUnsupported:
            return .cannotOpen(shown, reason: "the server does not offer TLS; use sslmode=prefer or disable")
        case .authMechanismRequiresPassword:
            return .cannotOpen(shown, reason: "the server asks for a password; put it in the URL or PGPASSWORD")
        default:
            return .failed(shown, operation: operation, reason: error.code.description)
        }
    }
}
