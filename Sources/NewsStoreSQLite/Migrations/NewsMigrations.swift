internal import GRDB

/// The schema's history. Each migration is frozen once released: a change is a new migration.
enum NewsMigrations {
    /// The schema version a database has after all migrations: `PRAGMA user_version`.
    static let currentVersion = 11

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0)
                    );
                    CREATE TABLE article (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        content_hash BLOB NOT NULL UNIQUE CHECK (length(content_hash) = 32),
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        source_id INTEGER REFERENCES source(id) ON DELETE RESTRICT,
                        url TEXT,
                        published_at TEXT,
                        ingested_at TEXT NOT NULL,
                        language TEXT,
                        authors TEXT NOT NULL DEFAULT '[]',
                        input_name TEXT NOT NULL,
                        input_format TEXT NOT NULL,
                        charset TEXT NOT NULL
                    );
                    CREATE INDEX article_source ON article(source_id);
                    CREATE INDEX article_published ON article(published_at);
                    CREATE TABLE article_raw (
                        article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                        bytes BLOB NOT NULL
                    );
                    CREATE TABLE fts_index (
                        algorithm TEXT PRIMARY KEY,
                        table_name TEXT NOT NULL UNIQUE
                    );
                    PRAGMA user_version = 1;
                    """)
        }
        migrator.registerMigration("v2-rejected-inputs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rejected_input (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        input_name TEXT NOT NULL,
                        location TEXT NOT NULL,
                        code TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        input_format TEXT,
                        raw BLOB,
                        rejected_at TEXT NOT NULL,
                        UNIQUE (input_name, location, code)
                    );
                    CREATE INDEX rejected_input_time ON rejected_input(rejected_at);
                    PRAGMA user_version = 2;
                    """)
        }
        migrator.registerMigration("v3-article-analyses") { db in
            // NB: the analysis is one JSON document (NewsCore's Codable ArticleAnalysis) named by its
            // algorithm; the comparison reads whole analyses, and a new algorithm replaces them wholesale.
            try db.execute(
                sql: """
                    CREATE TABLE article_analysis (
                        article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                        algorithm TEXT NOT NULL,
                        analysed_at TEXT NOT NULL,
                        analysis BLOB NOT NULL
                    );
                    CREATE INDEX article_analysis_algorithm ON article_analysis(algorithm);
                    PRAGMA user_version = 3;
                    """)
        }
        migrator.registerMigration("v4-stories") { db in
            // NB: a story is named by the article that started it, so its id is stable across runs; merged
            // stories stay as rows pointing at their target. The clusterer's state is one opaque row.
            try db.execute(
                sql: """
                    CREATE TABLE story (
                        id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                        merged_into INTEGER REFERENCES story(id),
                        closed INTEGER NOT NULL DEFAULT 0,
                        pinned INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE story_article (
                        article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                        story_id INTEGER NOT NULL REFERENCES story(id),
                        origin_id INTEGER NOT NULL REFERENCES article(id),
                        relation TEXT NOT NULL,
                        score REAL NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX story_article_story ON story_article(story_id);
                    CREATE TABLE cluster_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        algorithm TEXT NOT NULL,
                        clusterer BLOB NOT NULL,
                        duplicates BLOB NOT NULL
                    );
                    PRAGMA user_version = 4;
                    """)
        }
        migrator.registerMigration("v5-source-registry") { db in
            // NB: an outlet's owner decides independence (outlets of one owner are one origin), so it lives
            // with the outlet; kind is free text checked by the shell against `SourceKind`.
            try db.execute(
                sql: """
                    ALTER TABLE source ADD COLUMN domain TEXT;
                    ALTER TABLE source ADD COLUMN country TEXT;
                    ALTER TABLE source ADD COLUMN owner TEXT;
                    ALTER TABLE source ADD COLUMN kind TEXT;
                    PRAGMA user_version = 5;
                    """)
        }
        migrator.registerMigration("v6-feeds") { db in
            // NB: an item is remembered per feed by key, so a poll re-reads none of the pages it already turned
            // into articles; `attempts` lets a page that failed be retried a few times, then left alone.
            try db.execute(
                sql: """
                    CREATE TABLE feed (
                        id INTEGER PRIMARY KEY,
                        url TEXT NOT NULL UNIQUE,
                        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE RESTRICT,
                        title TEXT,
                        site_url TEXT,
                        folder TEXT,
                        categories TEXT NOT NULL DEFAULT '[]',
                        added_at TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        last_checked_at TEXT,
                        last_success_at TEXT,
                        next_check_at TEXT,
                        failures INTEGER NOT NULL DEFAULT 0,
                        error_code TEXT,
                        error TEXT,
                        last_status INTEGER
                    );
                    CREATE INDEX feed_due ON feed(next_check_at);
                    CREATE TABLE feed_item (
                        feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        article_id INTEGER REFERENCES article(id) ON DELETE SET NULL,
                        url TEXT,
                        categories TEXT NOT NULL DEFAULT '[]',
                        credited_source TEXT,
                        credited_source_url TEXT,
                        enclosures TEXT NOT NULL DEFAULT '[]',
                        problem TEXT,
                        attempts INTEGER NOT NULL DEFAULT 1,
                        first_seen_at TEXT NOT NULL,
                        last_seen_at TEXT NOT NULL,
                        PRIMARY KEY (feed_id, key)
                    ) WITHOUT ROWID;
                    CREATE INDEX feed_item_article ON feed_item(article_id);
                    PRAGMA user_version = 6;
                    """)
        }
        migrator.registerMigration("v7-server") { db in
            // NB: a token is kept only as its SHA-256, so a copy of the database gives no way in. A story's
            // rendering is kept with the fingerprint of what made it, so a server restart or a second
            // process serves it without recomputing; a changed outlet clears them all (owners decide origins).
            try db.execute(
                sql: """
                    CREATE TABLE saved_search (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        query TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE api_token (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        hash TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE story_rendering (
                        story_id INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        body BLOB NOT NULL,
                        PRIMARY KEY (story_id, kind)
                    ) WITHOUT ROWID;
                    PRAGMA user_version = 7;
                    """)
        }
        migrator.registerMigration("v8-story-state") { db in
            // NB: the clusterer's and the near-duplicate index's state, row by row instead of one document
            // rewritten with every batch: a story's profile lives with the story (with the summary the river
            // reads, kept up to date by the clustering), terms and postings and LSH buckets in tables of their
            // own. A schema-7 `cluster_state` row is moved into them by the next clustering, then deleted.
            try db.execute(
                sql: """
                    ALTER TABLE story ADD COLUMN seq INTEGER;
                    ALTER TABLE story ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE story ADD COLUMN cluster_first REAL;
                    ALTER TABLE story ADD COLUMN cluster_last REAL;
                    ALTER TABLE story ADD COLUMN profile BLOB;
                    ALTER TABLE story ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE story ADD COLUMN origin_count INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE story ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE story ADD COLUMN first_seen TEXT;
                    ALTER TABLE story ADD COLUMN last_seen TEXT;
                    CREATE UNIQUE INDEX story_seq ON story(seq) WHERE seq IS NOT NULL;
                    CREATE INDEX story_quiet ON story(cluster_last) WHERE closed = 0 AND pinned = 0;
                    CREATE INDEX story_river ON story(last_seen DESC, id DESC) WHERE merged_into IS NULL;
                    CREATE INDEX story_coverage ON story(origin_count DESC, article_count DESC, last_seen DESC, id DESC)
                        WHERE merged_into IS NULL;
                    CREATE INDEX story_article_origin ON story_article(story_id, origin_id);
                    CREATE TABLE cluster_meta (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        algorithm TEXT NOT NULL,
                        options BLOB NOT NULL,
                        counters BLOB NOT NULL,
                        duplicate_count INTEGER NOT NULL
                    );
                    CREATE TABLE cluster_term (
                        id INTEGER PRIMARY KEY,
                        word TEXT NOT NULL UNIQUE,
                        frequency INTEGER NOT NULL
                    );
                    CREATE TABLE cluster_posting (
                        term_id INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        story_seq INTEGER NOT NULL,
                        PRIMARY KEY (term_id, position)
                    ) WITHOUT ROWID;
                    CREATE UNIQUE INDEX cluster_posting_story ON cluster_posting(term_id, story_seq);
                    CREATE TABLE cluster_kept_apart (pair TEXT PRIMARY KEY) WITHOUT ROWID;
                    CREATE TABLE duplicate_entry (
                        position INTEGER PRIMARY KEY,
                        article_id INTEGER NOT NULL UNIQUE REFERENCES article(id) ON DELETE CASCADE,
                        origin_position INTEGER NOT NULL,
                        origin_id INTEGER NOT NULL,
                        signature BLOB NOT NULL,
                        credits TEXT NOT NULL
                    );
                    CREATE TABLE duplicate_bucket (
                        key INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (key, position)
                    ) WITHOUT ROWID;
                    PRAGMA user_version = 8;
                    """)
            try NewsDatabase.refreshSummaries(of: nil, mendingOutlets: false, db)
        }
        migrator.registerMigration("v9-cluster-watermark") { db in
            // NB: every article with an id up to `clustered_through` is in a story, so finding the articles
            // waiting reads those past it instead of anti-joining every article with its assignment. The
            // generation counts writes, so a writer can tell whether another changed the state since its own.
            // The LSH buckets are keyed by epoch (2^16 positions) first: a batch's inserts land in the newest
            // epoch's pages instead of random pages of an index that grows with the archive.
            try db.execute(
                sql: """
                    ALTER TABLE cluster_meta ADD COLUMN clustered_through INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE cluster_meta ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE duplicate_bucket_by_epoch (
                        epoch INTEGER NOT NULL,
                        key INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (epoch, key, position)
                    ) WITHOUT ROWID;
                    INSERT INTO duplicate_bucket_by_epoch (epoch, key, position)
                        SELECT position >> 16, key, position FROM duplicate_bucket;
                    DROP TABLE duplicate_bucket;
                    ALTER TABLE duplicate_bucket_by_epoch RENAME TO duplicate_bucket;
                    PRAGMA user_version = 9;
                    """)
        }
        migrator.registerMigration("v10-rejection-size") { db in
            // NB: a rejected input keeps its first MiB and its size, not the whole file.
            try db.execute(
                sql: """
                    ALTER TABLE rejected_input ADD COLUMN raw_size INTEGER;
                    UPDATE rejected_input SET raw_size = length(raw) WHERE raw IS NOT NULL;
                    PRAGMA user_version = 10;
                    """)
        }
        migrator.registerMigration("v11-story-sources") { db in
            // NB: each membership carries its article's outlet, so whether an outlet is new to a story is one
            // index lookup: a story's summary grows by what an article adds instead of recounting thousands.
            // `story_article_story` goes: `story_article_origin` (story_id, origin_id) serves its lookups.
            try db.execute(
                sql: """
                    ALTER TABLE story_article ADD COLUMN source_id INTEGER REFERENCES source(id);
                    UPDATE story_article SET source_id = (SELECT source_id FROM article WHERE id = article_id);
                    CREATE INDEX story_article_source ON story_article(story_id, source_id);
                    DROP INDEX story_article_story;
                    PRAGMA user_version = 11;
                    """)
        }
        return migrator
    }
}
