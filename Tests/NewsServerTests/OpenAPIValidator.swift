import Foundation

/// Checks JSON documents against the server's own OpenAPI 3.1 document: the response schema for a path,
/// method and status is looked up there and the body validated against it (the JSON Schema keywords the
/// document uses: $ref, type, properties, required, additionalProperties, items, enum, const, format date-time,
/// minimum/maximum, minLength/maxLength).
struct OpenAPIValidator {
    let document: [String: Any]

    init(_ data: Data) throws {
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem("the OpenAPI document is not a JSON object")
        }
        self.document = document
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The documented path template (`/stories/{id}`) an actual path (`/stories/1`) matches.
    func template(for path: String) -> String? {
        let paths = (document["paths"] as? [String: Any])?.keys.sorted() ?? []
        let parts = path.split(separator: "/")
        return paths.first { template in
            let templateParts = template.split(separator: "/")
            guard templateParts.count == parts.count else { return false }
            return zip(templateParts, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    /// Every problem of `body` as the response of `method path` with `status`; empty when it conforms.
    func problems(method: String, path: String, status: Int, body: Data) throws -> [String] {
        guard let template = template(for: path) else { return ["\(path) is not documented"] }
        guard
            let operation = ((document["paths"] as? [String: Any])?[template] as? [String: Any])?[method.lowercased()]
                as? [String: Any]
        else { return ["\(method) \(template) is not documented"] }
        guard let response = (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any] else {
            return ["status \(status) of \(method) \(template) is not documented"]
        }
        guard
            let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
        else { return body.isEmpty ? [] : ["\(method) \(template) \(status) documents no JSON body"] }
        let value = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        var problems: [String] = []
        validate(value, schema, at: "$", into: &problems)
        return problems
    }

    private func resolve(_ schema: Any) -> [String: Any] {
        guard var object = schema as? [String: Any] else { return [:] }
        while let reference = object["$ref"] as? String {
            var node: Any? = document
            for part in reference.dropFirst(2).split(separator: "/") {
                node = (node as? [String: Any])?[String(part)]
            }
            object = node as? [String: Any] ?? [:]
        }
        return object
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            // NB: JSONSerialization makes booleans NSNumbers of type "c" (char), numbers "q" or "d".
            if String(cString: number.objCType) == "c" { return "boolean" }
            return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    private func validate(_ value: Any, _ rawSchema: Any, at path: String, into problems: inout [String]) {
        let schema = resolve(rawSchema)
        let actual = typeName(value)
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String ?? ""]
            let fits = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !fits {
                problems.append("\(path): \(actual) where \(allowed.joined(separator: "|")) is documented")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" {
            problems.append("\(path): \(value) is not \(constant)")
        }
        if let string = value as? String {
            if schema["format"] as? String == "date-time", (try? Date(string, strategy: .iso8601)) == nil {
                problems.append("\(path): \(string) is not an ISO 8601 date-time")
            }
            if let least = schema["minLength"] as? Int, string.count < least { problems.append("\(path): too short") }
            if let most = schema["maxLength"] as? Int, string.count > most { problems.append("\(path): too long") }
        }
        if let number = value as? NSNumber, actual != "boolean" {
            if let least = schema["minimum"] as? Double, number.doubleValue < least {
                problems.append("\(path): below \(least)")
            }
            if let most = schema["maximum"] as? Double, number.doubleValue > most {
                problems.append("\(path): above \(most)")
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, item) in array.enumerated() {
                validate(item, items, at: "\(path)[\(index)]", into: &problems)
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): required \(name) is missing")
            }
            for (name, member) in object {
                if let property = properties[name] {
                    validate(member, property, at: "\(path).\(name)", into: &problems)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool {
                        if !allowed { problems.append("\(path): \(name) is not documented") }
                    } else {
                        validate(member, additional, at: "\(path).\(name)", into: &problems)
                    }
                } else if !properties.isEmpty {
                    // NB: stricter than JSON Schema on purpose: an undocumented field is drift between the
                    // server and its document.
                    problems.append("\(path): \(name) is not documented")
                }
            }
        }
    }
}
