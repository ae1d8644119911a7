/// The `README.md` that `discern new report` writes for the report's authors: what each
/// file is, the commands, and the privacy promise. A Swift literal, not a resource, for
/// the reason given in `SurveyQuestionnaire`.
enum ReportReadme {
    /// The text; with `example`, the files list the example data and a section says how
    /// to replace it.
    static func text(example: Bool) -> String {
        intro + (example ? exampleFiles : "") + "\n" + (example ? replacing : "") + commands + privacy
    }

    private static let intro = #"""
        # AI-impact report

        This folder is the content of an AI-impact report, which Discern builds into a static
        site: a page for the organization, each group, each team and each metric, for every
        quarter. The report leads with **outcomes** (speed and quality, against a baseline)
        and **judgment** in AI use, keeps usage as context, and reports **teams, never
        individuals**.

        `discern new report` wrote it; it checks and builds as it is. Make it yours file by
        file, and run `discern check` after each change: it names every problem with its
        `file:line:column` and, where it can, the fix.

        ## What is here

        | file | what it is |
        |---|---|
        | `site.yaml` | the title, the organization's name, the privacy settings (each explained), and the judgment view |
        | `teams.yaml` | the organization: groups, teams and their headcounts (an example: replace it with yours) |
        | `metrics.yaml` | the metric catalog, outcomes first and usage last, under the ids the importers write |
        | `data/` | the values: CSV or JSON, one value per team, metric and quarter; `discern import` writes them |
        | `narratives/org/YYYY-Qn.md` | the organization's story for a quarter, in Markdown; `narratives/teams/ID/YYYY-Qn.md` a team's |
        | `survey/` | the AI-fluency survey (`discern new survey`): the questions, how to import the answers; its metrics and `fluency:` block are already in `metrics.yaml` and `site.yaml` |

        """#

    private static let exampleFiles = #"""
        | `data/example.csv` | **made-up values** for the example teams, so the site has something to show |
        | `narratives/org/2026-Q3.md` | an example narrative over the example values: live values and charts |

        """#

    private static let replacing = #"""
        ## Replacing the example

        Every page of the built site says **"Example data"** at the top while the example is
        in place (`banner:` in `site.yaml`). To put your own report in its place:

        1. Write your organization into `teams.yaml` and its name into `site.yaml`.
        2. Delete `data/example.csv` and import your own data (below).
        3. Set each outcome's `baseline:` in `metrics.yaml` to your quarter before AI tools
           arrived, and remove the metrics you will not measure.
        4. Replace `narratives/org/2026-Q3.md` with your own, named for your latest quarter.
        5. Delete the `banner:` line from `site.yaml`.


        """#

    private static let commands = #"""
        ## Commands

        Run them from the folder that holds this one. They name it `content`, Discern's
        default (`discern new report content` makes it so); for another name, pass its path
        to `--content`.

        ```sh
        discern check --content content --strict    # every problem, with file:line:column; exit 1 on any
        discern build --content content             # the site, into site/: open site/index.html
        discern serve --content content             # a preview at http://127.0.0.1:8000/ that reloads as you save
        ```

        **Import data** from the tools your teams already use. Each import writes team values
        (never a person's) into `data/` and prints the `metrics.yaml` entries of what it
        imported; the outcome, quality and usage metrics of these two are already in
        `metrics.yaml`, so keep the ones there:

        ```sh
        # Pull requests (lead time, throughput, reverts, AI-assisted share), with each author's team
        gh api --paginate "repos/ORG/REPO/pulls?state=closed&per_page=100" > pulls.json
        discern import github-pulls pulls.json --teams logins.csv \
          --output content/data/pulls.csv --content content

        # Deployments and incidents (the DORA keys), read by a spec: see "Event exports" in Discern's README
        discern import events deployments.csv --spec deployments.yaml \
          --output content/data/deployments.csv --content content
        ```

        **Measure judgment** once a quarter with the survey in `survey/` (put `survey.md` into
        your survey tool word for word), then import its answers:

        ```sh
        discern import survey responses.csv --questions content/survey/survey.yaml \
          --period 2026-Q3 --output content/data/survey.csv
        ```

        `discern new survey DIR` writes the survey files again, to start a fresh copy.
        Discern's README has the rest: the content format, every import, the report checks
        and the privacy rules.


        """#

    private static let privacy = #"""
        ## The privacy promise

        - **Teams, never individuals.** No data file may hold a person's row or identifier
          (an e-mail address, a login); the imports drop them before anything is written.
        - **Small teams are never shown.** A team with fewer people than `min_group_size` in
          `site.yaml` gets no page, and its name and values appear nowhere in the site, though
          its data counts in its group's values. A value resting on fewer people is hidden too.
        - **Nothing hidden can be worked out** from what is shown: subtracting teams from their
          group, comparing quarters or releases, or measuring a chart. Discern checks this for
          every hidden value before it writes the site, and hides more where it must.
        - **No rankings of people, and no targets on usage.** `discern check` flags a report
          that leads with usage, sets a target on it, or claims a gain without a baseline.

        """#
}
