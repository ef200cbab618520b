import Foundation
import GRDB
import NewsCore
import NewsIngest
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("Schema 10 to 11: memberships carry their outlet")
struct SchemaV11MigrationTests {
    @Test("a clustered schema-10 database gains each membership's outlet, and its summaries keep adding up")
    func clusteredDatabaseMigrates() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("v10.sqlite")
        do {
            let store = try NewsDatabase.open(path: path)
            _ = try await store.add(StorySummaryTests.flood(0..<8, start: 1_700_000_000))
            _ = try await StoryClustering.clusterPending(in: store)
        }
        // Put the file back in schema 10's shape: memberships without their outlet, the story index of v4.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(
                sql: """
                    DROP INDEX story_article_source;
                    ALTER TABLE story_article DROP COLUMN source_id;
                    CREATE INDEX story_article_story ON story_article(story_id);
                    DELETE FROM grdb_migrations WHERE identifier = 'v11-story-sources';
                    PRAGMA user_version = 10;
                    """)
        }
        try queue.close()

        do {
            let store = try NewsDatabase.open(path: path)
            #expect(try await store.info().schemaVersion == NewsDatabase.schemaVersion)
        }
        let migrated = try DatabaseQueue(path: path)
        let unset = try await migrated.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM story_article JOIN article ON article.id = story_article.article_id
                    WHERE story_article.source_id IS NOT article.source_id
                    """)
        }
        try migrated.close()
        #expect(unset == 0)

        let reopened = try NewsDatabase.open(path: path)
        _ = try await reopened.add(StorySummaryTests.flood(8..<12, start: 1_700_000_000))
        #expect(try await StoryClustering.clusterPending(in: reopened).clustered == 4)
        // Every summary equals a recount from its articles, and every membership carries its article's outlet.
        let check = try await reopened.checkStories(repair: false)
        #expect(check.isConsistent && check.articlesInLiveStories == 12, "\(check)")
    }
}
