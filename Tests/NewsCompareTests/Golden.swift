import Foundation
import NewsTesting
import Testing

/// Golden files under Snapshots/ (see `GoldenFile`).
enum Golden {
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.check(
            actual, against: SeedFixtures.snapshots.appendingPathComponent(name), sourceLocation: sourceLocation)
    }
}
