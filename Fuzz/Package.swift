// swift-tools-version:6.2
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts (and CI's clone).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

// A separate package, so the fuzzing flags never touch the main build (see scripts/fuzz-extractor.sh).
let package = Package(
    name: "corroborate-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzExtractor",
            dependencies: [.product(name: "NewsExtract", package: rootIdentity)],
            // libFuzzer supplies main(); the harness is a library-style file.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
