// swift-tools-version:6.2
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts (and CI's clone).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

// A separate package, so the fuzzing flags never touch the main build (see scripts/fuzz.sh). One executable
// holds every target (`CorroborateFuzz TARGET [libFuzzer options]`): one link, and one build for CI's smoke.
let package = Package(
    name: "corroborate-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "CorroborateFuzz",
            dependencies: [
                .product(name: "NewsExtract", package: rootIdentity),
                .product(name: "NewsAnalysis", package: rootIdentity),
                .product(name: "NewsFeeds", package: rootIdentity),
                .product(name: "NewsFetch", package: rootIdentity),
                .product(name: "NewsStoreSQLite", package: rootIdentity),
                .product(name: "NewsIngest", package: rootIdentity),
                .product(name: "NewsServer", package: rootIdentity),
            ],
            // libFuzzer supplies main(); the harness is library-style files.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
