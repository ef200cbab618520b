import Foundation
import GRDB
import Testing

@testable import NewsStoreSQLite

@Suite("Stored dates")
struct StoredDateTests {
    @Test(arguments: [
        (0.0, "1970-01-01 00:00:00.000"), (1_451_347_200, "2015-12-29 00:00:00.000"),
        (951_782_400.5, "2000-02-29 00:00:00.500"), (-1, "1969-12-31 23:59:59.000"),
        (4_102_444_799.999, "2099-12-31 23:59:59.999"), (1_709_208_000, "2024-02-29 12:00:00.000"),
    ])
    func formatsAsGRDBReadsThem(seconds: Double, text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(StoredDate.text(date) == text)
        let parsed = try #require(Date.fromDatabaseValue(text.databaseValue))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.001)
    }
}
