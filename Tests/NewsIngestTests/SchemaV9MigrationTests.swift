import Foundation
import GRDB
import NewsCore
import NewsIngest
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("Schema 8 to 9: the clustering goes on")
struct SchemaV9MigrationTests {
    @Test("a clustered schema-8 database gains the watermark and the epoch-keyed buckets, and keeps clustering")
    func clusteredDatabaseMigrates() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("v8.sqlite")
        do {
            let store = try NewsDatabase.open(path: path)
            _ = try await store.add(CarriedClustererTests.reports(0..<8, start: 1_700_000_000))
            _ = try await StoryClustering.clusterPending(in: store)
        }
        // Put the file back in schema 8's shape: buckets keyed (key, position), no watermark, no generation.
        let queue = try DatabaseQueue(path: path)
        let buckets = try await queue.write { db -> Int in
            try db.execute(
                sql: """
                    CREATE TABLE old_bucket (key INTEGER NOT NULL, position INTEGER NOT NULL,
                        PRIMARY KEY (key, position)) WITHOUT ROWID;
                    INSERT INTO old_bucket SELECT key, position FROM duplicate_bucket;
                    DROP TABLE duplicate_bucket;
                    ALTER TABLE old_bucket RENAME TO duplicate_bucket;
                    ALTER TABLE cluster_meta DROP COLUMN clustered_through;
                    ALTER TABLE cluster_meta DROP COLUMN generation;
                    ALTER TABLE rejected_input DROP COLUMN raw_size;
                    DROP INDEX story_article_source;
                    ALTER TABLE story_article DROP COLUMN source_id;
                    CREATE INDEX story_article_story ON story_article(story_id);
                    DELETE FROM grdb_migrations
                        WHERE identifier IN ('v9-cluster-watermark', 'v10-rejection-size', 'v11-story-sources');
                    PRAGMA user_version = 8;
                    """)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicate_bucket") ?? 0
        }
        try queue.close()
        #expect(buckets == 8 * 16)

        let store = try NewsDatabase.open(path: path)
        #expect(try await store.info().schemaVersion == NewsDatabase.schemaVersion)
        _ = try await store.add(CarriedClustererTests.reports(8..<12, start: 1_700_000_000))
        let report = try await StoryClustering.clusterPending(in: store)
        #expect(report.clustered == 4 && report.joined == 4)
        let check = try await store.checkStories(repair: false)
        #expect(check.isConsistent && check.articlesInLiveStories == 12, "\(check)")
        let first = try #require(try await store.assignment(of: ArticleID(1))).story
        #expect(try await store.assignment(of: ArticleID(12))?.story == first)
        // A copy of an article from before the migration is still found through the moved buckets.
        let copy = CarriedClustererTests.reports(0..<1, start: 1_700_000_000).map { incoming in
            var draft = incoming.draft
            draft.source = "Another outlet"
            return IncomingArticle(draft: draft, ingested: incoming.ingested, inputName: "copy")
        }
        _ = try await store.add(copy)
        #expect(try await StoryClustering.clusterPending(in: store).copies == 1)
    }
}
