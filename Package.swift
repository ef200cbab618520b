// swift-tools-version:6.2
import PackageDescription

/// Settings every Corroborate Swift target shares: the upcoming features that make imports explicit
/// (STYLE.md rule 3) and warnings treated as errors.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "corroborate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "corroborate", targets: ["NewsCLI"]),
        .executable(name: "corroborate-eval", targets: ["corroborate-eval"]),
        .library(name: "NewsExtract", targets: ["NewsExtract"]),
        .library(name: "NewsAnalysis", targets: ["NewsAnalysis", "NewsText"]),
        // For the fuzzing package (Fuzz/), which reaches every parser that takes input from outside.
        .library(name: "NewsFeeds", targets: ["NewsFeeds"]),
        .library(name: "NewsFetch", targets: ["NewsFetch"]),
        .library(name: "NewsStoreSQLite", targets: ["NewsStoreSQLite", "NewsStore"]),
        .library(name: "NewsIngest", targets: ["NewsIngest"]),
        .library(name: "NewsServer", targets: ["NewsServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // NB: no traits: swift-configuration support is not used and only lengthens the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(
            name: "CGumbo", path: "Sources/CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CICUSystem", path: "Sources/CICUSystem", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        // NB: system ICU headers clash with Foundation's own ICU in any Swift module that sees them, so ICU
        // sits behind a C target whose header has plain C types only.
        .target(name: "CICU", dependencies: ["CICUSystem"]),
        // NB: cld2_full's tables (160+ languages) must come before cld2's small default ones.
        .target(name: "CCLD2", linkerSettings: [.linkedLibrary("cld2_full"), .linkedLibrary("cld2")]),

        // Pure library targets: no I/O, no clock.
        .target(name: "NewsCore", swiftSettings: strictSettings),
        .target(name: "NewsExtract", dependencies: ["NewsCore", "CGumbo"], swiftSettings: strictSettings),
        .target(
            name: "NewsText",
            dependencies: ["NewsCore", "CICU", "CCLD2", "CStemmer"],
            exclude: ["Languages"],
            swiftSettings: strictSettings
        ),

        .target(
            name: "NewsAnalysis",
            dependencies: ["NewsCore", "NewsText"],
            exclude: ["Gazetteers"],
            swiftSettings: strictSettings
        ),

        .target(
            name: "NewsCluster", dependencies: ["NewsCore", "NewsText", "NewsDedup"], swiftSettings: strictSettings),
        .target(name: "NewsDedup", swiftSettings: strictSettings),
        .target(name: "NewsCompare", dependencies: ["NewsCore", "NewsText"], swiftSettings: strictSettings),
        .target(name: "NewsFeeds", dependencies: ["NewsCore", "NewsExtract"], swiftSettings: strictSettings),

        // Storage: the protocol, then the engines (SQLite, PostgreSQL).
        .target(name: "NewsStore", dependencies: ["NewsCore"], swiftSettings: strictSettings),
        .target(
            name: "NewsStoreSQLite",
            dependencies: [
                "NewsStore", "NewsCore", "CStemmer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),

        .target(
            name: "NewsStorePostgres",
            dependencies: [
                "NewsStore", "NewsCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),

        // Shells.
        .target(
            name: "NewsFetch",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsIngest",
            dependencies: [
                "NewsCore", "NewsExtract", "NewsStore", "NewsCluster", "NewsDedup", "NewsAnalysis", "NewsCompare",
                "NewsFeeds", "NewsFetch",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsServer",
            dependencies: [
                "NewsCore", "NewsStore", "NewsIngest", "NewsAnalysis", "NewsCompare", "NewsFeeds", "NewsFetch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Static"), .copy("OpenAPI")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "NewsCLI",
            dependencies: [
                "NewsCore", "NewsExtract", "NewsStore", "NewsStoreSQLite", "NewsStorePostgres", "NewsIngest",
                "NewsAnalysis", "NewsCluster",
                "NewsDedup", "NewsCompare", "NewsFeeds", "NewsFetch", "NewsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        .executableTarget(
            name: "corroborate-eval",
            dependencies: [
                "NewsCore", "NewsExtract", "NewsAnalysis", "NewsCluster", "NewsDedup", "NewsCompare", "NewsTesting",
                "FixtureServer", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // Test support, for the test targets only.
        .target(name: "NewsTesting", swiftSettings: strictSettings),
        .target(
            name: "FixtureServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),

        // Tests.
        .testTarget(name: "NewsCoreTests", dependencies: ["NewsCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsTextTests", dependencies: ["NewsText", "NewsCore", "NewsTesting"], swiftSettings: strictSettings),
        .testTarget(name: "NewsDedupTests", dependencies: ["NewsDedup", "NewsTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsClusterTests", dependencies: ["NewsCluster", "NewsTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsFeedsTests", dependencies: ["NewsFeeds", "NewsTesting"], resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "NewsCompareTests", dependencies: ["NewsCompare", "NewsAnalysis", "NewsCore", "NewsTesting"],
            exclude: ["Snapshots"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsAnalysisTests",
            dependencies: ["NewsAnalysis", "NewsCore", "NewsTesting"],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsExtractTests",
            dependencies: ["NewsExtract", "NewsCore", "NewsTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsStoreSQLiteTests",
            dependencies: [
                "NewsStoreSQLite", "NewsStore", "NewsCore", "CStemmer", "NewsTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsStoreTests",
            dependencies: [
                "NewsStore", "NewsStoreSQLite", "NewsStorePostgres", "NewsIngest", "NewsCore", "NewsTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsIngestTests",
            dependencies: [
                "NewsIngest", "NewsCluster", "NewsStore", "NewsStoreSQLite", "NewsCore", "NewsTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsFetchTests",
            dependencies: [
                "NewsFetch", "NewsIngest", "NewsFeeds", "NewsStore", "NewsStoreSQLite", "NewsCore", "FixtureServer",
                "NewsTesting",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsServerTests",
            dependencies: [
                "NewsServer", "NewsStore", "NewsStoreSQLite", "NewsIngest", "NewsCore", "NewsTesting", "NewsFetch",
                "FixtureServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsCLITests",
            dependencies: [
                "NewsCLI", "FixtureServer", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
