internal import Foundation
public import HTTPTypes
public import Hummingbird
internal import NIOCore
internal import NewsStore

/// An error a request ends with: an HTTP status, a stable code clients can rely on, a message naming what
/// was wrong and, when there is one, what to do next. The API answers it as JSON, pages as HTML.
public struct APIError: Error, Sendable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable, dotted code (`story.not_found`), documented in the OpenAPI document.
    public var code: String
    /// What went wrong, naming the input.
    public var message: String
    /// What to do next.
    public var hint: String?
    /// The methods the address takes, sent as `Allow` with a 405.
    var allow: String?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, hint: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The JSON body: `{"error": {"code": ..., "message": ..., "hint": ...}}`.
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var hint: String?
        }
        var error: Detail
    }

    /// The error as its JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        jsonResponse()
    }

    func jsonResponse() -> Response {
        let body = Body(error: Body.Detail(code: code, message: message, hint: hint))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data(#"{"error":{"code":"internal","message":"?"}}"#.utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func notFound(_ what: String, _ id: String, hint: String) -> APIError {
        APIError(.notFound, "\(what).not_found", "no \(what) \(id)", hint: hint)
    }

    static func badParameter(_ name: String, _ reason: String) -> APIError {
        APIError(.badRequest, "request.bad_parameter", "\(name): \(reason)")
    }

    static func store(_ error: StoreError) -> APIError {
        if error.code == "store.invalid-query" {
            return APIError(
                .badRequest, "search.invalid_query", error.description,
                hint: "use words, \"a phrase\", prefix* and AND/OR/NOT; quote other punctuation")
        }
        if error.isReadOnly {
            return APIError(
                .forbidden, "store.read_only", error.description,
                hint: "this server's database is read-only: reading works, changes need a writable file")
        }
        return APIError(
            .internalServerError, error.code.replacingOccurrences(of: "-", with: "_"), error.description,
            hint: "check the server's log and the database file; nothing was changed")
    }

    /// Turns whatever a handler threw into an `APIError`.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as StoreError: return .store(error)
        case let error as HTTPError:
            switch error.status {
            case .contentTooLarge:
                return APIError(
                    .contentTooLarge, "request.too_large", "the request body is too large",
                    hint: "send at most \(ServerConfiguration.defaultMaxBodyBytes >> 10) KiB")
            case .notFound:
                return APIError(
                    .notFound, "not_found", "no such address", hint: "the API is described at /api/v1/openapi.json")
            case .methodNotAllowed:
                return APIError(.methodNotAllowed, "method_not_allowed", "this address does not take that method")
            default:
                return APIError(error.status, "request.invalid", error.body ?? error.status.reasonPhrase)
            }
        case is DecodingError:
            return APIError(
                .badRequest, "request.invalid", "the request body is not what this endpoint takes: \(error)")
        default:
            return APIError(.internalServerError, "internal", "\(error)", hint: "check the server's log")
        }
    }
}
