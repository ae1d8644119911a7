import ReportModel
import Testing
@testable import Importing

@Suite("The team mapping")
struct TeamMappingTests {
    let people = [TeamMapping.Accepted(.person, headers: ["login", "upn", "userprincipalname"])]

    func parse(_ text: String, accepting: [TeamMapping.Accepted]? = nil,
               knownTeams: Set<String>? = nil) -> (TeamMapping?, [String]) {
        var diagnostics = DiagnosticLog()
        let mapping = TeamMapping.parse(InputFile(path: "map.csv", text: text), accepting: accepting ?? people,
                                        knownTeams: knownTeams, diagnostics: &diagnostics)
        return (mapping, diagnostics.all.map(\.description))
    }

    @Test("keys match without regard to case or spaces; header names in any spelling; other columns ignored")
    func lookup() {
        let (mapping, diagnostics) = parse("Display Name,User Principal Name,Team ID\nAva L,Ava.L@Example.com ,platform\n")
        #expect(diagnostics.isEmpty)
        #expect(mapping?.key == .person)
        #expect(mapping?.keyColumn == "User Principal Name")
        #expect(mapping?.team(for: "ava.l@example.com") == "platform")
        #expect(mapping?.team(for: "  AVA.L@EXAMPLE.COM") == "platform")
        #expect(mapping?.team(for: "Ava L") == nil, "the display name column is not the key")
        #expect(mapping?.count == 1)
    }

    @Test("problems are reported at their cell, and no message repeats a key")
    func problems() {
        let text = """
            login,team
            ava-nw,platform
            ava-nw,payments
            ,payments
            bram-nw,
            chiara-nw,Platform Team
            dmitri-nw,platform,extra
            esi-nw,mystery
            ava-nw,platform
            """
        let (mapping, diagnostics) = parse(text + "\n", knownTeams: ["platform", "payments"])
        #expect(diagnostics == [
            "map.csv:3:1: error: 1 person is mapped to both 'payments' and 'platform'; each person must count in one team, "
                + "or subtracting one team from the other gives their values: keep one row per person",
            "map.csv:4:1: error: 'login' is blank; every row maps one key to one team",
            "map.csv:5:9: error: 'team' is blank; every row maps one key to one team",
            "map.csv:6:11: error: 'team' must be a Discern team id: lowercase letters, digits, '_' and '-', like 'platform-team'",
            "map.csv:7:1: error: expected 2 fields as in the header, found 3",
            "map.csv:8:8: warning: this team is not in teams.yaml; `discern check` will refuse its rows until it is added",
        ])
        for key in ["ava-nw", "bram-nw", "chiara-nw", "dmitri-nw", "esi-nw"] {
            #expect(!diagnostics.joined().contains(key))
        }
        #expect(mapping?.team(for: "ava-nw") == "platform", "the first mapping stands")
        #expect(mapping?.team(for: "esi-nw") == "mystery", "an unknown team is a warning; check has the last word")
    }

    @Test("a mapping without a team column, a key column or any rows says what it needs")
    func missingColumns() {
        #expect(parse("login,squad\na,b\n").1 == [
            "map.csv:1:1: error: the mapping has no 'team' column; expected a header with a 'login' column and a 'team' column",
        ])
        #expect(parse("name,team\na,b\n").1 == [
            "map.csv:1:1: error: the mapping has no column saying whom each row maps; expected one of 'login', 'upn', 'userprincipalname'",
        ])
        #expect(parse("").1 == [
            "map.csv:1:1: error: the mapping is empty; expected a header with a 'login' column and a 'team' column",
        ])
    }

    @Test("a named key column wins; otherwise any column can be an attribute of the input")
    func attributes() {
        let accepting = [TeamMapping.Accepted(.person, headers: ["personid"]),
                         TeamMapping.Accepted(.attribute(""), headers: [TeamMapping.anyColumn])]
        #expect(parse("Organization,team\nPayments,payments\n", accepting: accepting).0?.key == .attribute("Organization"))
        #expect(parse("note,PersonId,team\nx,AB12,payments\n", accepting: accepting).0?.key == .person)
    }
}
