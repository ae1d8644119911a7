import Foundation
import Testing

/// `discern release` and `discern audit` as an author runs them.
@Suite("discern release and audit")
struct ReleaseAuditCommandTests {
    let cli = CommandLineTests()

    /// Web (10), API (8) and Tiny (3, too small); Tiny's value is the secret.
    var content: [String: String] {
        [
            "site.yaml": "title: Delivery\norganization: Acme\n",
            "teams.yaml": DisclosureAttackTests.webAPITiny,
            "metrics.yaml": """
                metrics:
                  - {id: cfr, name: Change failure rate, category: quality, unit: "%", better: lower, aggregate: weighted_mean, format: percent}

                """,
            "data/values.csv": "period,team,metric,value\n2026-Q1,web,cfr,12.0\n2026-Q1,api,cfr,15.0\n2026-Q1,tiny,cfr,30.0\n",
        ]
    }

    @Test("a release is written once; a changed quarter is released beside it; the ledger holds no hidden value")
    func release() throws {
        let folder = try cli.folder(content)
        let first = try cli.discern(["release", "--content", folder.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("releases/2026-Q1.json"))
        let again = try cli.discern(["release", "--content", folder.path])
        #expect(again.status == 0 && again.stdout.contains("already records"), "\(again.stdout)")

        let ledger = try String(contentsOf: folder.appendingPathComponent("releases/2026-Q1.json"), encoding: .utf8)
        // Tiny appears only as a term of Engineering's roll-up, with no number of its own;
        // its true value, 30, is in no line.
        #expect(!ledger.contains("30.0") && !ledger.contains(": 30,") && !ledger.contains(": 30\n"), "\(ledger)")
        #expect(ledger.contains("\"scope\" : \"tiny\""))

        let data = folder.appendingPathComponent("data/values.csv")
        try (String(contentsOf: data, encoding: .utf8).replacingOccurrences(of: "web,cfr,12.0", with: "web,cfr,13.0"))
            .write(to: data, atomically: true, encoding: .utf8)
        let second = try cli.discern(["release", "--content", folder.path, "--audience", "board"])
        #expect(second.status == 0 && second.stdout.contains("releases/2026-Q1.board.json"), "\(second.stdout)")
        let third = try cli.discern(["release", "--content", folder.path, "--audience", "board"])
        #expect(third.stdout.contains("already records"))
        try (String(contentsOf: data, encoding: .utf8).replacingOccurrences(of: "web,cfr,13.0", with: "web,cfr,14.0"))
            .write(to: data, atomically: true, encoding: .utf8)
        let fourth = try cli.discern(["release", "--content", folder.path, "--audience", "board"])
        #expect(fourth.stdout.contains("releases/2026-Q1.board-2.json"), "\(fourth.stdout)")
        // Every ledger is read back by the next check.
        #expect(try cli.discern(["check", "--content", folder.path]).status == 0)
    }

    @Test("a ledger that does not read is an error: the audit needs what was released")
    func brokenLedger() throws {
        var files = content
        files["releases/2026-Q1.json"] = "{\"period\": \"2026-Q1\", \"shown\": ["
        let folder = try cli.folder(files)
        let check = try cli.discern(["check", "--content", folder.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("releases/2026-Q1.json:1:1: error: not a release ledger as discern release writes it"), "\(check.stderr)")
    }

    @Test("audit lists each protected value for the author, and only counts in CI")
    func audit() throws {
        let folder = try cli.folder(content)
        let local = try cli.discern(["audit", "--content", folder.path])
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.stdout.contains("cfr 2026-Q1 tiny: 30.0%; a reader can narrow it to"), "\(local.stdout)")
        // Tiny's headcount is a hidden count too: 3 people, a reader knows only 1 to 4.
        #expect(local.stdout.contains("headcount tiny: 3; a reader can narrow it to 1–4 people, must reach 1–4 people (kept)"),
                "\(local.stdout)")
        let summary = "1 protected value audited; every one keeps its protection.\n"
            + "1 hidden count audited; every one keeps 2 people either side.\n"
        #expect(local.stdout.hasSuffix(summary))
        let shared = try cli.discern(["audit", "--content", folder.path], environment: ["CI": "true"])
        #expect(shared.stdout == summary, "\(shared.stdout)")
        #expect(!shared.stdout.contains("tiny") && !shared.stderr.contains("tiny"))
    }
}
