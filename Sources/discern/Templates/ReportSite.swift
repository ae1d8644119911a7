/// The `site.yaml` that `discern new report` writes: every key the loader knows, set to
/// its default or shown in a comment, the privacy rules explained, and the survey's
/// `fluency:` block (`SurveyFluency.block`, the one source of it). A Swift literal, not a
/// resource, for the reason given in `SurveyQuestionnaire`.
enum ReportSite {
    /// The text. With `example`, `banner:` marks every page as example data; without, the
    /// key is shown in a comment.
    static func text(example: Bool) -> String {
        head + (example ? exampleBanner : draftBanner) + fluencyNote + SurveyFluency.block
    }

    /// What a report reader sees on every page while the values are the starter's.
    static let exampleBannerText = "Example data: every number here is made up. Replace data/example.csv with your own."

    private static let head = #"""
        # site.yaml: the report's settings. Every key is described in Discern's README
        # ("The content format"); defaults are written out, so you can see what is in force.
        title: AI impact report
        organization: Example Organization     # your organization's name, shown on every page
        description: >-
          Quarterly, team-level report on what AI tools change: outcomes and quality first,
          judgment in AI use next, usage last and only as context. No individual is measured,
          ranked or identified.

        # The privacy rules (README: Privacy rules). Values are reported for teams, never people.
        privacy:
          # The fewest people a team may have for its page and values to be shown. A smaller
          # team is never named in the report, though its data still counts in its group's
          # values; a value resting on fewer people (a survey with few answers) is hidden too.
          # The default is 5, as survey tools use (Microsoft's Copilot Dashboard uses 10);
          # below 3 is an error.
          min_group_size: 5
          # How close a reader who combines everything published may get to a hidden value,
          # in % of it, on either side: where a reader could get closer, Discern hides one
          # more value. From 1 to 50; the default is 10.
          protection: 10

        # The fewest teams for which the usage-and-outcomes page gives r, with its 95% interval.
        # With fewer, a pattern across teams is mostly chance: the page shows the teams and
        # says there are too few to tell. The default is 8; below 4 is an error.
        min_teams_for_correlation: 8

        # Raw HTML in narratives is dropped, and so are javascript: and other unsafe links,
        # unless this is true. Leave it false unless you trust every narrative's author.
        allow_raw_html: false

        # The pages' language, for <html lang>.
        language: en

        # The theme: `default`, `board` (a slide deck of the latest quarter), or a folder path.
        # `discern build --theme` overrides it.
        # theme: default

        # Report checks switched off, each with the reason the methodology page shows readers
        # (README: Report checks). None is off:
        # lints:
        #   off:
        #     D103: Time saved is reported beside lead time on the organization's page.

        # Where `discern refresh` runs queries (data/NAME.sql) when the values live in a
        # database (README: Queries). Never a connection URL here: name the variable holding it.
        # sources:
        #   sqlite: data/metrics.db                     # a file in this folder; or
        #   postgres: {url_env: DISCERN_DATABASE_URL}
        #   timeout: 60                                 # seconds


        """#

    private static let exampleBanner = #"""
        # A notice at the top of every page. This one says the values are examples: once your
        # own data has replaced data/example.csv, delete it (or write your own, such as
        # "Draft: not for circulation").
        banner: "\#(exampleBannerText)"


        """#

    private static let draftBanner = #"""
        # A notice at the top of every page, while you need one:
        # banner: "Draft: not for circulation"


        """#

    private static let fluencyNote = #"""
        # The judgment view: which metrics measure each of the six capabilities of good AI
        # use. These are the survey's (survey/, and their entries in metrics.yaml); add your
        # own measures beside one as a list, such as `assessment: [fluency_assessment,
        # ai_changes_reviewed]`, and leave out a capability nothing measures.

        """#
}
