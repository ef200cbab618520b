internal import NIOSSL
internal import PostgresNIO

/// libpq's `sslmode`s as postgres-nio's TLS settings.
enum PostgresTLS {
    static func configuration(_ mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        let tls = settings(mode)
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(tls)
        default: return .require(tls)
        }
    }

    /// The same for one connection, which takes a TLS context rather than its settings.
    static func connection(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: settings(mode)))
        default: return .require(try NIOSSLContext(configuration: settings(mode)))
        }
    }

    private static func settings(_ mode: PostgresLocation.TLSMode) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        // NB: libpq's `prefer` and `require` encrypt without checking who answers; verify-ca/verify-full check.
        case .disable, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        return tls
    }
}
