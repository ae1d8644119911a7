/// The `teams.yaml` that `discern new report` writes: a small example organization to
/// replace with one's own, each rule of the tree said where it applies. A Swift literal,
/// not a resource, for the reason given in `SurveyQuestionnaire`.
enum ReportTeams {
    static let text = #"""
        # teams.yaml: your organization as a tree of groups and teams. This one is an example:
        # replace it with yours (README: "teams.yaml").
        #
        # - Ids are lowercase slugs, [a-z0-9][a-z0-9_-]*. Data files, narratives and survey
        #   answers name teams by id (survey answers by name too). `org` is reserved: it is
        #   the whole organization in data files.
        # - A node without `parent` hangs off the organization.
        # - A node that others name as their parent is a group. Its headcount is the sum of
        #   its teams', so give it none.
        # - A team needs a headcount: the people in it. A team with fewer people than
        #   privacy.min_group_size in site.yaml (5) is never shown on its own; it still counts
        #   in its group's values.
        # - When you rename or remove a team here, do the same in data/ and narratives/teams/,
        #   or `discern check` lists each place that still names it.
        teams:
          - {id: engineering, name: Engineering}                            # a group
          - {id: platform, name: Platform, parent: engineering, headcount: 9}
          - {id: payments, name: Payments, parent: engineering, headcount: 7}
          - {id: mobile, name: Mobile, parent: engineering, headcount: 6}

        """#
}
