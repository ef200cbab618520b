internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NIOCore
internal import NewsCore

/// Reading what a request carries: query strings and form bodies (`a=1&b=two+words`), ids in paths, JSON.
enum HTTPInput {
    /// `application/x-www-form-urlencoded` pairs, `+` as space, percent escapes decoded; later keys win.
    static func pairs(_ encoded: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            guard let key = parts.first else { continue }
            result[decode(key)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    static func query(_ request: Request) -> [String: String] {
        pairs(Substring(request.uri.query ?? ""))
    }

    /// The request body, refused with 413 past `limit` bytes (a declared length is refused before any route
    /// runs, by `BodyLimitMiddleware`; this catches bodies sent without one).
    static func body(_ request: Request, limit: Int) async throws -> Data {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
    }

    static func form(_ request: Request, limit: Int) async throws -> [String: String] {
        let data = try await body(request, limit: limit)
        return pairs(Substring(String(decoding: data, as: UTF8.self)))
    }

    static func json<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int) async throws -> T {
        let data = try await body(request, limit: limit)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw APIError(
                .badRequest, "request.invalid", "the body is not the JSON this endpoint takes: \(describe(error))",
                hint: "see the request schema at /api/v1/openapi.json")
        }
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "request.too_large", "the request body is over \(limit >> 10) KiB")
    }

    /// An id from a path or form: `12` or `#12`.
    static func id(_ text: String?, _ what: String) throws -> ArticleID {
        guard let text, let value = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), value > 0 else {
            throw APIError.badParameter(
                what, "\(text.map { "\"\($0)\"" } ?? "nothing") is not an id (a positive whole number)")
        }
        return ArticleID(value)
    }

    /// A whole-number query parameter within `range`, `fallback` when it is absent; present but empty is an
    /// error (`?limit=` is a client's mistake, not a request for the default).
    static func int(_ text: String?, _ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the field \"\(key.stringValue)\" is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "the field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        case DecodingError.dataCorrupted: "it is not valid JSON"
        default: "\(error)"
        }
    }
}

/// Building responses.
enum HTTPOutput {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Data(text.utf8), type: "text/html; charset=utf-8", status: status)
    }

    static func bytes(
        _ data: Data, type: String, status: HTTPResponse.Status = .ok, cache: String = "no-cache"
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        bytes(encode(value), type: "application/json; charset=utf-8", status: status)
    }

    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // NB: the API's documents are plain values with finite numbers; failing to encode is a programming error.
        return try! encoder.encode(value)
    }

    /// After a form: see the page again (303, so a reload does not post twice).
    static func seeOther(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
