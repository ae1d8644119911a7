import ReportModel
import Testing

@Suite("Team ids")
struct TeamIDTests {
    @Test("a team id prints exactly as it was written, alone and as a scope")
    func printsAsWritten() {
        let id: TeamID = "checkout-web"
        #expect(id.description == "checkout-web")
        #expect(Scope.team(id).description == "checkout-web")
        #expect(TeamID("checkout-web") == id)
    }

    @Test("a team id sorts and hashes like its text, and scopes sort as before")
    func sortsAndHashesLikeText() {
        let ids: [TeamID] = ["platform", "checkout-web", "Zeta", "data_eng"]
        #expect(ids.sorted().map(\.rawValue) == ids.map(\.rawValue).sorted())
        #expect(TeamID("platform").hashValue == "platform".hashValue)
        #expect([Scope.team("b"), .organization, .team("a")].sorted() == [.organization, .team("a"), .team("b")])
    }
}
