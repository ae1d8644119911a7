// swift-tools-version:6.0
import PackageDescription

// One target per concern; dependencies point one way:
// Formatting → ReportModel → ContentLoading (reading narratives with Markdown over CCmark) →
// Analysis → Lint and Site → discern. The README's design notes draw the graph as layers,
// and a test holds this file to it.
// Formatting, at the bottom, holds the rules every output shares: how numbers are written
// (one minus sign, exact at every size), how a metric's values are shown, and which
// characters never reach a page, a terminal or CI. Charts draws with it, and takes only
// the chart-type enum from ReportModel.
// Importing (usage feeds to team data, for `discern import`) sits beside Analysis.
// Preview (the HTTP server behind `discern serve`) knows a site folder and diagnostics, and
// takes only its escaping HTML type from Site.
// Review (what CI shows a reviewer: annotations, the step summary, changed numbers) sits
// beside Site, after Analysis.
// LinearProgram, at the bottom beside Markdown, wraps COIN-OR Clp (CClp): the least and
// greatest value a reader of the published tables can work out for each number.
// DataSources, beside them, runs a report's SQL queries for `discern refresh`; it reaches
// PostgreSQL's protocol through libpq (CLibPQ).
let package = Package(
    name: "Discern",
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
        .systemLibrary(
            name: "CClp",
            pkgConfig: "clp",
            providers: [.apt(["coinor-libclp-dev"])]
        ),
        // Feasibility intervals of a linear system, through Clp's simplex.
        .target(name: "LinearProgram", dependencies: ["CClp"]),
        .target(name: "Formatting"),
        .target(name: "ReportModel", dependencies: ["Formatting"]),
        // ContentLoading hashes a query's text (CXXHash) to tell a snapshot made from it.
        .target(name: "ContentLoading", dependencies: ["ReportModel", "Markdown", "Formatting", "CXXHash", "Yams"]),
        .target(name: "Analysis", dependencies: ["ReportModel", "Formatting", "LinearProgram"]),
        .target(name: "Importing", dependencies: ["ReportModel", "ContentLoading", "Formatting"]),
        // Charts draws plain series; from ReportModel it takes only the chart-type enum.
        .target(name: "Charts", dependencies: ["ReportModel", "Formatting"]),
        // The judgment rules `check` applies to what a report claims (LintRule's catalog).
        .target(name: "Lint", dependencies: ["ReportModel", "Analysis", "Formatting"]),
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Runs a report's SQL queries for `discern refresh`, where the data lives: SQLite
        // embedded, or a server that speaks PostgreSQL's protocol.
        .target(name: "DataSources", dependencies: ["CSQLite", "CLibPQ"]),
        // `discern refresh`: runs the queries on a DataSource and writes their snapshots,
        // checked by ContentLoading's rules for data files, all or none.
        .target(name: "Snapshots", dependencies: ["ReportModel", "ContentLoading", "DataSources"]),
        .target(
            name: "Site",
            dependencies: [
                "ReportModel", "Analysis", "Markdown", "Charts", "Formatting", "CXXHash",
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
        .target(name: "Review", dependencies: ["ReportModel", "Analysis", "Formatting"]),
        .executableTarget(
            name: "discern",
            dependencies: [
                "ReportModel", "ContentLoading", "Analysis", "Lint", "Site", "Importing", "Preview", "Review", "Formatting", "Snapshots", "DataSources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: a seeded generator, an XML check, inline content
        // folders (`ContentSource.fixture`) and guarded fixture edits.
        .target(name: "TestSupport", dependencies: ["ContentLoading", "CLibPQ"], path: "Tests/TestSupport"),
        // Fuzzing: built with -sanitize=fuzzer -DFUZZING by Scripts/fuzz; otherwise it
        // replays a corpus, which is how kept crash inputs stay regression tests.
        .executableTarget(name: "discern-fuzz", dependencies: ["ContentLoading", "Analysis", "Site", "ReportModel"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "LinearProgramTests", dependencies: ["LinearProgram", "TestSupport"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel", "Formatting"]),
        .testTarget(name: "ContentLoadingTests", dependencies: ["ContentLoading"]),
        .testTarget(name: "ImportingTests", dependencies: ["Importing", "ContentLoading", "ReportModel", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "ContentLoading", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Formatting", "TestSupport"],
                    exclude: ["Golden"]),  // read from the source tree, so updates land in git
        .testTarget(name: "LintTests", dependencies: ["Lint", "ContentLoading", "Analysis", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "ContentLoading", "Formatting", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "ReportModel"]),
        // Runs against a real PostgreSQL server: Scripts/test starts one with
        // Scripts/postgres-for-tests, and the tests start their own when run alone.
        .testTarget(name: "DataSourcesTests", dependencies: ["DataSources", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Analysis", "ContentLoading", "ReportModel", "Formatting", "TestSupport"]),
        // The SQL sources' cases, written against `any DataSource` so each source runs them.
        .testTarget(name: "SnapshotsTests", dependencies: ["Snapshots", "DataSources", "ContentLoading", "ReportModel", "CSQLite", "TestSupport"]),
        .testTarget(name: "DiscernTests", dependencies: ["discern", "discern-fuzz", "TestSupport", "Yams"]),
    ]
)
