internal import Foundation

/// A temporary folder for one test, removed when the value goes away.
public final class TemporaryFolder: Sendable {
    /// Its path.
    public let path: String

    /// Creates an empty folder under the system's temporary directory.
    public init() throws {
        path = NSTemporaryDirectory() + "corroborate-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside it.
    public func file(_ name: String) -> String { path + "/" + name }
}
