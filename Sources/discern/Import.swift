import ArgumentParser
import ContentLoading
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Importing
import ReportModel

/// `discern import`: turn a usage feed people already have into a team-level data file
/// and the metrics it needs. Identifiers go no further than memory.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a usage feed, survey, pull requests or event export as team-quarter values: people become teams, small teams are left out.",
        discussion: """
            Writes the long CSV (period,team,metric,value,n) to --output and the metrics.yaml entries to --metrics, \
            or to standard output. A survey (discern import survey RESPONSES.csv --questions survey.yaml --period 2026-Q3) \
            becomes team means or top-two-box percentages for that one quarter. GitHub pull requests (discern import github-pulls \
            PULLS.json --teams logins.csv, as gh api --paginate saves repos/OWNER/REPO/pulls?state=closed) become lead time, \
            merged pull requests per engineer-week (headcounts from --content's teams.yaml), the share labelled --ai-label, \
            and the revert share: outcomes, by the quarter each was merged in. \
            An event export (discern import events deployments.csv --spec deployments.yaml) becomes counts, shares and \
            durations per team-quarter, as the spec says. No login, UPN, e-mail address, API key name, PersonId or name is written anywhere. Teams with fewer people than \
            the minimum group size are left out. Exits 0 on success, 1 on input errors or nothing to import (and then writes nothing), \
            2 on a usage error.
            """
    )

    /// The feeds, as the command line names them.
    enum Source: String, ExpressibleByArgument, CaseIterable {
        case githubCopilotLegacy = "github-copilot-legacy"
        case githubCopilot = "github-copilot"
        case m365Copilot = "m365-copilot"
        case viva
        case claudeCode = "claude-code"
        case survey
        case githubPulls = "github-pulls"
        case events

        var importSource: ImportSource { ImportSource(rawValue: rawValue)! }
    }

    /// `--date-order`, as the command line names it.
    enum Order: String, ExpressibleByArgument, CaseIterable {
        case mdy, dmy

        var dateOrder: DateOrder { DateOrder(rawValue: rawValue)! }
    }

    /// `--tool`, as the command line names it.
    enum Tool: String, ExpressibleByArgument, CaseIterable {
        case qualtrics
        case googleForms = "google-forms"
        case microsoftForms = "microsoft-forms"
        case plain

        var surveyTool: SurveyTool { SurveyTool(rawValue: rawValue)! }
    }

    /// Files larger than this are refused before they are read.
    static let largestInput = 512 * 1024 * 1024

    @Argument(help: ArgumentHelp("The feed the files come from.", valueName: "source"))
    var source: Source

    @Argument(help: ArgumentHelp("The exported files to import.", valueName: "file"))
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "A CSV mapping people (login, upn, email, PersonId), GitHub teams (github_team) or an HR attribute to team ids (team).",
        valueName: "mapping.csv"))
    var teams: String?

    @Option(name: .long, help: ArgumentHelp(
        "github-copilot-legacy only: the team id every file belongs to (org for an organization-wide export).",
        valueName: "id"))
    var team: String?

    @Option(name: .long, help: ArgumentHelp("The CSV file to write, e.g. content/data/copilot.csv.", valueName: "file.csv"))
    var output: String

    @Option(name: .long, help: ArgumentHelp(
        "Where to write the metrics.yaml entries; standard output when not given.", valueName: "file"))
    var metrics: String?

    @Option(name: .customLong("min-group-size"), help: ArgumentHelp(
        "Leave out team-quarters with fewer people. Default: privacy.min_group_size in the content's site.yaml, else 5.",
        valueName: "n"))
    var minGroupSize: Int?

    @Option(name: .customLong("date-order"), help: ArgumentHelp(
        "viva only: how dates with slashes are written, month first (mdy, M/D/YYYY) or day first (dmy, D/M/YYYY). "
            + "Default: told from the file, where a day above 12 shows it.", valueName: "mdy|dmy"))
    var dateOrder: Order?

    @Option(name: .long, help: ArgumentHelp(
        "viva only: the export's names for columns Discern expects, as Expected=Found pairs separated by commas, "
            + "e.g. \"PersonId=Personen-ID,MetricDate=Metrikdatum\".", valueName: "pairs"))
    var columns: String?

    @Option(name: .long, help: ArgumentHelp(
        "survey only: the survey.yaml saying which column names the team, the answer scales, and which questions become "
            + "which metrics.", valueName: "survey.yaml"))
    var questions: String?

    @Option(name: .long, help: ArgumentHelp(
        "survey only: the quarter the whole wave belongs to, such as 2026-Q3.", valueName: "YYYY-Qn"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp(
        "survey only: the tool the export comes from. Default: told from its header.",
        valueName: "qualtrics|google-forms|microsoft-forms|plain"))
    var tool: Tool?

    @Option(name: .customLong("ai-label"), help: ArgumentHelp(
        "github-pulls only: the label that marks a pull request as AI-assisted, in any case. Default: ai-assisted.",
        valueName: "name"))
    var aiLabel: String?

    @Option(name: .long, help: ArgumentHelp("events only: the spec saying which column dates each row, which names "
        + "its team (or person), and which metrics to count.", valueName: "spec.yaml"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp(
        "The content folder whose site.yaml and teams.yaml the import follows, if it has them.", valueName: "dir"))
    var content: String = "content"

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        for path in files + [teams].compactMap({ $0 }) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw ValidationError("no file at '\(path)'")
            }
        }
        if let team {
            guard source == .githubCopilotLegacy else {
                throw ValidationError("--team is for github-copilot-legacy only; other feeds take --teams MAPPING.csv")
            }
            guard teams == nil else { throw ValidationError("pass --team or --teams, not both") }
            guard Slug.isValid(team) else {
                throw ValidationError("--team must be a team id: lowercase letters, digits, '_' and '-'")
            }
        }
        if source == .survey {
            guard let questions else { throw ValidationError("survey needs --questions survey.yaml") }
            guard let period else { throw ValidationError("survey needs --period, the quarter of the wave, such as 2026-Q3") }
            guard Period(period) != nil else { throw ValidationError("--period must be a quarter written YYYY-Qn, such as 2026-Q3") }
            guard files.count == 1 else { throw ValidationError("survey imports one wave's responses: name one file") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: questions, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw ValidationError("no file at '\(questions)'")
            }
        } else if questions != nil || period != nil || tool != nil {
            throw ValidationError("--questions, --period and --tool are for survey only")
        }
        if source == .events {
            guard let spec else { throw ValidationError("events needs --spec SPEC.yaml, saying how to read the export") }
            guard files.count == 1 else { throw ValidationError("events imports one export at a time: name one file") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw ValidationError("no file at '\(spec)'")
            }
        } else if spec != nil {
            throw ValidationError("--spec is for events only")
        }
        if source != .viva, dateOrder != nil || columns != nil {
            throw ValidationError("--date-order and --columns are for viva only")
        }
        if let columns, case .failure(let error) = VivaOptions.columns(from: columns) {
            throw ValidationError("--columns takes Expected=Found pairs separated by commas, such as "
                + "\"PersonId=Personen-ID,MetricDate=Metrikdatum\"; '\(error.pair)' is not one")
        }
        if let aiLabel {
            guard source == .githubPulls else { throw ValidationError("--ai-label is for github-pulls only") }
            guard !aiLabel.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--ai-label must name a label, such as ai-assisted")
            }
        }
        if let minGroupSize, minGroupSize < SiteSettings.lowestMinGroupSize {
            throw ValidationError("--min-group-size must be \(SiteSettings.lowestMinGroupSize) or more: "
                + "groups that small let readers identify people")
        }
        guard output.hasSuffix(".csv") else {
            throw ValidationError("--output must name a .csv file, such as content/data/copilot.csv")
        }
        let inputs = Set((files + [teams, questions, spec].compactMap { $0 }).map(Self.canonical))
        for written in [output, metrics].compactMap({ $0 }) where inputs.contains(Self.canonical(written)) {
            throw ValidationError("'\(written)' is one of the inputs; write to another file")
        }
        if let metrics, Self.canonical(metrics) == Self.canonical(output) {
            throw ValidationError("--metrics and --output must be different files")
        }
    }

    func run() throws {
        var failures = DiagnosticLog()
        var inputs: [InputFile] = []
        for path in files {
            if let file = read(path, failures: &failures) { inputs.append(file) }
        }
        let mapping = teams.flatMap { read($0, failures: &failures) }
        guard failures.isEmpty else { return try fail(failures.all) }

        let (groupSize, origin) = minimumGroupSize()
        if source == .survey { return try runSurvey(inputs[0], mapping: mapping, groupSize: groupSize, origin: origin) }
        if source == .events { return try runEvents(inputs[0], mapping: mapping, groupSize: groupSize, origin: origin) }
        var importer = UsageImporter(source: source.importSource, files: inputs, mapping: mapping, team: team,
                                     minGroupSize: groupSize, knownTeams: knownTeams())
        importer.headcounts = headcounts()
        if let aiLabel { importer.aiLabel = aiLabel }
        importer.viva = VivaOptions(dateOrder: dateOrder?.dateOrder,
                                    columns: columns.flatMap { try? VivaOptions.columns(from: $0).get() } ?? [])
        try finish(importer.run(), groupSize: groupSize, origin: origin)
    }

    /// A survey wave: survey.yaml, and the respondent mapping it names (relative to it)
    /// unless --teams gives one.
    private func runSurvey(_ responses: InputFile, mapping: InputFile?, groupSize: Int, origin: String?) throws {
        var failures = DiagnosticLog()
        guard let questions, let period = period.flatMap(Period.init),
              let definition = read(questions, failures: &failures) else { return try fail(failures.all) }
        let mapping = self.mapping(mapping, namedIn: SurveyImporter.mappingPath(in: definition), beside: questions,
                                   failures: &failures)
        guard failures.isEmpty else { return try fail(failures.all) }
        let importer = SurveyImporter(responses: responses, questions: definition, period: period, mapping: mapping,
                                      tool: tool?.surveyTool, minGroupSize: groupSize, teams: teamNames())
        try finish(importer.run(), groupSize: groupSize, origin: origin)
    }

    /// An event export: the spec, and the person mapping it names (relative to it) unless
    /// --teams gives one.
    private func runEvents(_ events: InputFile, mapping: InputFile?, groupSize: Int, origin: String?) throws {
        var failures = DiagnosticLog()
        guard let spec, let definition = read(spec, failures: &failures) else { return try fail(failures.all) }
        var importer = EventImporter(events: events, spec: definition)
        importer.mapping = self.mapping(mapping, namedIn: EventImporter.mappingPath(in: definition), beside: spec,
                                        failures: &failures)
        guard failures.isEmpty else { return try fail(failures.all) }
        importer.minGroupSize = groupSize
        importer.teams = teamNames()
        importer.headcounts = headcounts()
        try finish(importer.run(), groupSize: groupSize, origin: origin)
    }

    /// `--teams`, or else the mapping a survey.yaml or spec names, read relative to it; nil
    /// when there is none, or after recording why it cannot be read.
    private func mapping(_ given: InputFile?, namedIn path: String?, beside definition: String,
                         failures: inout DiagnosticLog) -> InputFile? {
        guard given == nil, let path else { return given }
        let resolved = path.hasPrefix("/") ? path
            : ((definition as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        return read(resolved, failures: &failures)
    }

    private func finish(_ result: UsageImport, groupSize: Int, origin: String?) throws {
        for diagnostic in result.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        if result.diagnostics.hasErrors { return try fail([]) }

        var outputs = [(path: output, text: result.csv)]
        if let metrics { outputs.append((metrics, result.metricsFragment)) }
        try Self.writeAll(outputs)
        if metrics == nil { print(result.metricsFragment, terminator: "") }
        for line in result.summary.lines(output: output) { FileHandleOutput.standardError(line) }
        if let origin { FileHandleOutput.standardError("Minimum group size \(groupSize), \(origin).") }
    }

    private func fail(_ diagnostics: [Diagnostic]) throws {
        for diagnostic in diagnostics.sorted() { FileHandleOutput.standardError(diagnostic.description) }
        FileHandleOutput.standardError("Nothing written: fix the errors above and import again.")
        throw ExitCode(1)
    }

    private func read(_ path: String, failures: inout DiagnosticLog) -> InputFile? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        guard size <= Self.largestInput else {
            failures.report(.error("file is larger than \(Self.largestInput / 1024 / 1024) MB; split the export",
                                   at: SourceLocation(file: path)))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            failures.report(.error("cannot read this file", at: SourceLocation(file: path)))
            return nil
        }
        return InputFile(path: path, bytes: [UInt8](data))
    }

    /// The option, else the content folder's `site.yaml`, else the default; and where
    /// it came from when that is not the option.
    private func minimumGroupSize() -> (Int, String?) {
        if let minGroupSize { return (minGroupSize, nil) }
        let path = (content as NSString).appendingPathComponent("site.yaml")
        guard let data = FileManager.default.contents(atPath: path) else {
            return (SiteSettings.defaultMinGroupSize, "the default (no \(path))")
        }
        var diagnostics = DiagnosticLog()
        let site = ContentLoader.siteSettings(fromYAML: String(decoding: data, as: UTF8.self), diagnostics: &diagnostics)
        if diagnostics.hasErrors {
            FileHandleOutput.standardError("\(path): warning: the file has errors (run discern check); "
                + "using min_group_size \(site.minGroupSize)")
        }
        return (site.minGroupSize, "from \(path)")
    }

    /// The team ids in the content folder's `teams.yaml`, to warn of a mapping to an
    /// unknown team before `discern check` refuses it.
    private func knownTeams() -> Set<String>? {
        let path = (content as NSString).appendingPathComponent("teams.yaml")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return ContentLoader.teamIDs(fromYAML: String(decoding: data, as: UTF8.self))
    }

    /// Each team's headcount in the content folder's `teams.yaml`, if it can be read.
    private func headcounts() -> [String: Int]? {
        let path = (content as NSString).appendingPathComponent("teams.yaml")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return ContentLoader.teamHeadcounts(fromYAML: String(decoding: data, as: UTF8.self))
    }

    /// The content folder's teams, id and name, so a survey's team answers may be either.
    private func teamNames() -> [(id: String, name: String)]? {
        let path = (content as NSString).appendingPathComponent("teams.yaml")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return ContentLoader.teamNames(fromYAML: String(decoding: data, as: UTF8.self))
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Writes each file beside its destination and renames them into place only when
    /// all were written, so a failure leaves no half-written output.
    static func writeAll(_ outputs: [(path: String, text: String)]) throws {
        try writeAll(files: outputs.map { (path: $0.path, data: Data($0.text.utf8)) })
    }

    /// `writeAll` for files of any bytes.
    static func writeAll(files outputs: [(path: String, data: Data)]) throws {
        var written: [(temporary: String, path: String)] = []
        defer { for file in written { unlink(file.temporary) } }
        for output in outputs {
            let folder = (output.path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let name = (output.path as NSString).lastPathComponent
            let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).discern-partial"
            try output.data.write(to: URL(fileURLWithPath: temporary))
            written.append((temporary, output.path))
        }
        for file in written {
            guard Glibc.rename(file.temporary, file.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
            }
        }
    }
}
