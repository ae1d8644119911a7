// swift-tools-version:6.0
import PackageDescription

// One target per concern; dependencies point one way:
// ReportModel → ContentLoading (reading narratives with Markdown over CCmark) → Analysis →
// Lint and Site → discern.
// Importing (usage feeds to team data, for `discern import`) sits beside Analysis.
// Preview (the HTTP server behind `discern serve`) knows a site folder and diagnostics, and
// takes only its escaping HTML type from Site.
// Review (what CI shows a reviewer: annotations, the step summary, changed numbers) sits after Site.
let package = Package(
    name: "Discern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "discern", targets: ["discern"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "ReportModel"),
        .target(name: "ContentLoading", dependencies: ["ReportModel", "Markdown", "Yams"]),
        .target(name: "Analysis", dependencies: ["ReportModel"]),
        .target(name: "Importing", dependencies: ["ReportModel", "ContentLoading"]),
        .target(name: "Charts"),
        // The judgment rules `check` applies to what a report claims (LintRule's catalog).
        .target(name: "Lint", dependencies: ["ReportModel", "Analysis", "Charts"]),
        .target(
            name: "Site",
            dependencies: [
                "ReportModel", "Analysis", "Markdown", "Charts",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Serves a built site on loopback for `discern serve`, with a reload script and an
        // error overlay added to pages as they are sent, never to the files.
        .target(
            name: "Preview",
            dependencies: ["ReportModel", "Site", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // What a pull request shows a reviewer: workflow-command annotations, the build's
        // Markdown step summary, and the published numbers two versions of the content differ in.
        .target(name: "Review", dependencies: ["ReportModel", "Analysis", "Site"]),
        .executableTarget(
            name: "discern",
            dependencies: [
                "ReportModel", "ContentLoading", "Analysis", "Lint", "Site", "Importing", "Preview", "Review",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: a seeded generator and an XML check.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Fuzzing: built with -sanitize=fuzzer -DFUZZING by Scripts/fuzz; otherwise it
        // replays a corpus, which is how kept crash inputs stay regression tests.
        .executableTarget(name: "discern-fuzz", dependencies: ["ContentLoading", "Analysis", "Site", "ReportModel"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"]),
        .testTarget(name: "ContentLoadingTests", dependencies: ["ContentLoading"]),
        .testTarget(name: "ImportingTests", dependencies: ["Importing", "ContentLoading", "ReportModel", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "ContentLoading", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "ContentLoading", "Analysis", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "ContentLoading", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "ReportModel"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Analysis", "ContentLoading", "ReportModel"]),
        .testTarget(name: "DiscernTests", dependencies: ["discern", "discern-fuzz", "TestSupport", "Yams"]),
    ]
)
