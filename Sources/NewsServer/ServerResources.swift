public import Foundation
internal import Mustache
internal import NewsCore

/// The files the server ships with (Mustache templates, the stylesheet and script, the OpenAPI document),
/// read once at start-up.
public struct ServerResources: Sendable {
    /// Why the resources could not be read.
    public struct Missing: Error, CustomStringConvertible {
        /// The folder or file looked for, and what was wrong.
        public var description: String
    }

    /// A static file, with what a response needs.
    struct StaticFile: Sendable {
        var bytes: Data
        var contentType: String
        var etag: String
    }

    let templates: MustacheLibrary
    let files: [String: StaticFile]
    let openAPI: Data
    /// A digest of everything that shapes a rendering, so kept renderings made by other templates are not served.
    let digest: String

    /// Reads the resources from `folder`, or from the folder installed beside the program (and, in a
    /// build tree, the build's own).
    public static func load(from folder: URL? = nil) async throws -> ServerResources {
        let root = try folder ?? locate()
        let templatesFolder = root.appendingPathComponent("Templates")
        let templates: MustacheLibrary
        do {
            templates = try await MustacheLibrary(directory: templatesFolder.path)
        } catch {
            throw Missing(description: "cannot read the page templates in \(templatesFolder.path): \(error)")
        }
        var hasher = SHA256()
        var files: [String: StaticFile] = [:]
        let manager = FileManager.default
        for folderName in ["Templates", "Static"] {
            let base = root.appendingPathComponent(folderName)
            let names = (try? manager.contentsOfDirectory(atPath: base.path).sorted()) ?? []
            for name in names {
                guard let bytes = manager.contents(atPath: base.appendingPathComponent(name).path) else { continue }
                hasher.update(Array(name.utf8) + bytes)
                guard folderName == "Static" else { continue }
                let etag = "\"" + SHA256.hex(SHA256.hash(bytes).prefix(8)) + "\""
                files[name] = StaticFile(bytes: bytes, contentType: contentType(of: name), etag: etag)
            }
        }
        guard templates.getTemplate(named: "layout") != nil, files["app.css"] != nil, files["app.js"] != nil else {
            throw Missing(description: "\(root.path) lacks the layout template, app.css or app.js")
        }
        let openAPIPath = root.appendingPathComponent("OpenAPI/openapi.json").path
        guard let openAPI = manager.contents(atPath: openAPIPath) else {
            throw Missing(description: "cannot read the OpenAPI document \(openAPIPath)")
        }
        let digest = SHA256.hex(hasher.finalize().prefix(8))
        return ServerResources(templates: templates, files: files, openAPI: openAPI, digest: digest)
    }

    /// `$CORROBORATE_RESOURCES`, else the resource folder beside the executable, else the build's.
    private static func locate() throws -> URL {
        let manager = FileManager.default
        func usable(_ url: URL) -> Bool {
            manager.fileExists(atPath: url.appendingPathComponent("Templates/layout.mustache").path)
        }
        if let path = ProcessInfo.processInfo.environment["CORROBORATE_RESOURCES"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            guard usable(url) else {
                throw Missing(description: "CORROBORATE_RESOURCES=\(path) holds no Templates/layout.mustache")
            }
            return url
        }
        let beside = Bundle.main.bundleURL.appendingPathComponent("corroborate_NewsServer.resources")
        if usable(beside) { return beside }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let besideExecutable = executable.deletingLastPathComponent()
            .appendingPathComponent("corroborate_NewsServer.resources")
        if usable(besideExecutable) { return besideExecutable }
        if let bundled = Bundle.module.resourceURL, usable(bundled) { return bundled }
        throw Missing(
            description: "cannot find the server's templates (corroborate_NewsServer.resources beside the program); "
                + "set CORROBORATE_RESOURCES to that folder")
    }

    private static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }

    /// Renders a template with a view model; a template that is missing is a programming error, caught by the tests.
    func render(_ template: String, _ model: Any) -> String {
        templates.render(model, withTemplate: template) ?? "template \(template) is missing"
    }
}
