import Foundation
import NewsCore
import NewsStore
import NewsStorePostgres
import Testing

@testable import NewsIngest

@Suite(
    "PostgreSQL schema migrations",
    .enabled(if: StoreKind.postgresURL != nil, "set CORROBORATE_TEST_POSTGRES (scripts/test.sh does)"))
struct PostgresMigrationTests {
    @Test("a version 1 schema gains its memberships' outlets, filled in, and its summaries grow by increments")
    func membershipOutlets() async throws {
        let location = try StoreKind.freshPostgresLocation()
        let start = 1_700_000_000.0
        let store = try await PostgresStore.open(location)
        _ = try await store.add(SummaryIncrementTests.fire(0..<5, start: start))
        _ = try await StoryClustering.clusterPending(in: store)
        // Back to the shape version 1 had, as a database made by the release before this one.
        let schema = location.schema
        try await PostgresAdmin.run(
            location,
            """
            DROP TRIGGER story_article_outlet ON \(schema).story_article;
            DROP FUNCTION \(schema).story_article_outlet();
            ALTER TABLE \(schema).story_article DROP COLUMN source_id;
            DELETE FROM \(schema).schema_migration WHERE version > 1
            """)
        let reopened = try await PostgresStore.open(location)
        #expect(try await reopened.info().schemaVersion == PostgresStore.schemaVersion)
        let missing = try await PostgresAdmin.run(
            location, "SELECT count(*) FROM \(schema).story_article WHERE source_id IS NULL")
        #expect(missing == ["0"], "every membership carries its article's outlet")
        try await SummaryIncrementTests.expectConsistent(reopened, 5, "after the migration")
        let copy = SummaryIncrementTests.fire(0..<1, start: start) { _ in "Reprinter" }
        _ = try await reopened.add(SummaryIncrementTests.fire(5..<6, start: start) + copy)
        _ = try await StoryClustering.clusterPending(in: reopened)
        try await SummaryIncrementTests.expectConsistent(reopened, 7, "after the next batch")
        let fire = try await SummaryIncrementTests.summary(reopened, 1)
        #expect(fire.articleCount == 7 && fire.originCount == 6 && fire.sourceCount == 5, "\(fire)")
    }
}
