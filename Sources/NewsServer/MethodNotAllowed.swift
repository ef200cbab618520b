internal import HTTPTypes
internal import Hummingbird

/// An address asked with a method it does not take answers 405 with `Allow` (RFC 9110), not 404: the address
/// exists. `OPTIONS` answers 204 with the same `Allow`. Registered after every route, from the router's own
/// list, so it cannot fall out of step with the routes.
enum MethodNotAllowed {
    /// The methods a route can be asked with (CONNECT takes no path; QUERY is the safe query-with-body draft).
    static let methods: [HTTPRequest.Method] = [
        .get, .head, .post, .put, .patch, .delete, .options, .trace, HTTPRequest.Method("QUERY")!,
    ]

    static func register(on router: Router<BasicRequestContext>) {
        let byPath = Dictionary(grouping: router.routes, by: { $0.path.description })
        for routes in byPath.values {
            let path = routes[0].path
            var allowed = Set(routes.map(\.method))
            if allowed.contains(.get) { allowed.insert(.head) }
            allowed.insert(.options)
            let allow = methods.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
            for method in methods where !routes.contains(where: { $0.method == method }) {
                if method == .head, allowed.contains(.get) { continue }
                router.on(path, method: method) { request, _ in
                    if method == .options {
                        return Response(status: .noContent, headers: [.allow: allow])
                    }
                    var refusal = APIError(
                        .methodNotAllowed, "method_not_allowed",
                        "\(request.uri.path.prefix(200)) does not take \(method.rawValue)", hint: "it takes \(allow)")
                    refusal.allow = allow
                    throw refusal
                }
            }
        }
    }
}
