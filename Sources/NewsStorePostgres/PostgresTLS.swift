internal import NIOSSL
internal import PostgresNIO

/// libpq's `sslmode`s as postgres-nio's TLS settings.
enum PostgresTLS {
    static func configuration(_ mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            // NB: libpq's `require` encrypts without checking who answers; verify-ca/verify-full check.
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(tls)
        }
    }
}
