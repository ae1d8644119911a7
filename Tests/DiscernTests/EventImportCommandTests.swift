import Foundation
import Testing

/// `discern import events` run as a user would, for what README's examples do not show:
/// usage errors, input errors that write nothing (an earlier output stays byte for byte),
/// the mapping found beside the spec or given by --teams, and the headcounts that
/// --content's teams.yaml must give.
@Suite("discern import events on the command line")
struct EventImportCommandTests {
    let cli = CommandLineTests()
    static let fixtures = ImportCommandTests.fixtures.appendingPathComponent("events")

    func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static let teams = """
        teams:
          - {id: platform, name: Platform, headcount: 8}
          - {id: payments, name: Payments, headcount: 7}
          - {id: mobile, name: Mobile, headcount: 3}

        """

    @Test("usage errors exit 2 and write nothing: no --spec, --spec for another source, two files, a spec that is not there")
    func usage() throws {
        let folder = try cli.folder(["deployments.csv": try fixture("deployments.csv"), "deployments.yaml": try fixture("deployments.yaml")])
        let csv = folder.appendingPathComponent("deployments.csv").path, spec = folder.appendingPathComponent("deployments.yaml").path
        let out = folder.appendingPathComponent("out.csv").path
        let cases: [([String], String)] = [
            (["import", "events", csv, "--output", out], "events needs --spec SPEC.yaml"),
            (["import", "viva", csv, "--spec", spec, "--output", out], "--spec is for events only"),
            (["import", "events", csv, csv, "--spec", spec, "--output", out], "events imports one export at a time: name one file"),
            (["import", "events", csv, "--spec", folder.appendingPathComponent("missing.yaml").path, "--output", out], "no file at"),
            (["import", "events", csv, "--spec", spec, "--output", out, "--metrics", spec], "is one of the inputs"),
        ]
        for (arguments, message) in cases {
            let run = try cli.discern(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        #expect(try String(contentsOfFile: spec, encoding: .utf8) == (try fixture("deployments.yaml")))
        let help = try cli.discern(["import", "--help"])
        #expect(help.stdout.contains("--spec <spec.yaml>"), "\(help.stdout)")
    }

    @Test("input errors exit 1 with every diagnostic, never a cell; an earlier output and its metrics stay byte for byte")
    func inputErrors() throws {
        let broken = try fixture("deployments.csv")
            .replacingOccurrences(of: "2026-07-01T15:00:00Z", with: "Ava Lindqvist")
            .replacingOccurrences(of: "2026-08-21T02:00:00Z", with: "21/08/2026")
        let spec = try fixture("deployments.yaml").replacingOccurrences(of: "    of: {caused_incident:", with: "    off: {caused_incident:")
        let folder = try cli.folder([
            "deployments.csv": broken, "deployments.yaml": try fixture("deployments.yaml"), "bad-spec.yaml": spec,
            "content/teams.yaml": Self.teams,
            "content/data/deployments.csv": "period,team,metric,value,n\n2026-Q1,platform,deployment_frequency,1,8\n",
            "metrics.yaml": "# last quarter's entries\n",
        ])
        let output = folder.appendingPathComponent("content/data/deployments.csv")
        let metrics = folder.appendingPathComponent("metrics.yaml")
        let before = try Data(contentsOf: output), metricsBefore = try Data(contentsOf: metrics)

        let cells = try cli.discern(["import", "events", "deployments.csv", "--spec", "deployments.yaml",
                                     "--output", "content/data/deployments.csv", "--metrics", "metrics.yaml"], in: folder)
        #expect(cells.status == 1)
        #expect(cells.stderr.contains("deployments.csv:3:57: error: 'finished_at' must be an ISO 8601 date and time"), "\(cells.stderr)")
        #expect(cells.stderr.contains("deployments.csv:10:57: error: 'finished_at' must be an ISO 8601 date and time"), "\(cells.stderr)")
        #expect(cells.stderr.contains("Nothing written: fix the errors above and import again."))
        #expect(!cells.stderr.contains("Ava") && !cells.stderr.contains("21/08"))

        let keys = try cli.discern(["import", "events", "deployments.csv", "--spec", "bad-spec.yaml",
                                    "--output", "content/data/deployments.csv", "--metrics", "metrics.yaml"], in: folder)
        #expect(keys.status == 1)
        #expect(keys.stderr.contains("bad-spec.yaml:19:5: error: unknown key 'off' in a metric; did you mean 'of'?"), "\(keys.stderr)")
        #expect(keys.stderr.contains("bad-spec.yaml:15:5: error: statistic 'share' needs 'of'"), "\(keys.stderr)")

        for run in [cells, keys] { #expect(run.stdout.isEmpty) }
        #expect(try Data(contentsOf: output) == before)
        #expect(try Data(contentsOf: metrics) == metricsBefore)
        #expect(try BuildCommandTests.files(in: folder).allSatisfy { !$0.contains("partial") })
    }

    @Test("without teams.yaml a team column has no headcount: exit 1 with one warning saying to pass --content, and the reason")
    func noHeadcounts() throws {
        let folder = try cli.folder(["deployments.csv": try fixture("deployments.csv"), "deployments.yaml": try fixture("deployments.yaml")])
        let run = try cli.discern(["import", "events", "deployments.csv", "--spec", "deployments.yaml", "--output", "out.csv"],
                                  in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("deployments.csv:2:8: warning: 14 rows are left out: no teams.yaml was read, and a team's "
            + "values from this export stand for the whole team, so its headcount is their n; pass --content with a teams.yaml "
            + "that gives each team's headcount"), "\(run.stderr)")
        #expect(run.stderr.contains("deployments.csv:1:1: error: no row names a team of teams.yaml with a headcount: nothing to import"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        let with = try cli.discern(["import", "events", "deployments.csv", "--spec", "deployments.yaml", "--output", "out.csv",
                                    "--content", "content"], in: try cli.folder([
            "deployments.csv": try fixture("deployments.csv"), "deployments.yaml": try fixture("deployments.yaml"),
            "content/teams.yaml": Self.teams,
        ]))
        #expect(with.status == 0, "\(with.stderr)")
    }

    @Test("the mapping a spec names is read beside the spec, wherever the command runs; --teams overrides it")
    func mappingBesideSpec() throws {
        let folder = try cli.folder([
            "exports/jira-issues.csv": try fixture("jira-issues.csv"),
            "specs/jira.yaml": try fixture("jira.yaml"),
            "specs/people.csv": try fixture("people.csv"),
            // Everyone in payments: the one team then has the eleven people mapped.
            "everyone.csv": try fixture("people.csv").replacingOccurrences(of: ",platform", with: ",payments")
                .replacingOccurrences(of: ",mobile", with: ",payments"),
            "content/teams.yaml": Self.teams,
        ])
        let output = folder.appendingPathComponent("out.csv")
        let beside = try cli.discern(["import", "events", "exports/jira-issues.csv", "--spec", "specs/jira.yaml",
                                      "--output", output.path], in: folder)
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8).contains("2026-Q3,platform,cycle_time,2.5,5,"))
        let overridden = try cli.discern(["import", "events", "exports/jira-issues.csv", "--spec", "specs/jira.yaml",
                                          "--teams", "everyone.csv", "--output", output.path], in: folder)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(!csv.contains(",platform,"))
        // Payments now holds all 13 mapped people, and each resolved an issue in 2026-Q3.
        #expect(csv.contains("2026-Q3,payments,issues_done,"), "\(csv)")
        #expect(overridden.stderr.contains("from 13 people"), "\(overridden.stderr)")

        // A spec naming a mapping that is not there fails before anything is read.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("specs/people.csv"))
        let missing = try cli.discern(["import", "events", "exports/jira-issues.csv", "--spec", "specs/jira.yaml",
                                       "--output", folder.appendingPathComponent("other.csv").path], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("specs/people.csv:1:1: error: cannot read this file"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.csv").path))
    }
}
