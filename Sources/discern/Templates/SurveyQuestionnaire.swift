/// The text of `survey.md`, the recommended AI-fluency survey that `discern new survey`
/// writes. The templates are Swift string literals, one file each, rather than SwiftPM
/// resources: a resource bundle must ship beside the executable, and `discern` is one
/// self-contained file that is copied onto CI runners and laptops as it is.
///
/// Each question's text is also a `column:` in `SurveyMapping.text`: survey tools export
/// a question's text as its column header. A test holds the two to the same words.
enum SurveyQuestionnaire {
    static let text = #"""
        # AI-fluency survey

        A short survey of how well your team uses AI: judgment, not the amount of use. Teams
        answer it once a quarter, in about five minutes. Discern reports the answers **for
        teams only**, and only for teams with at least five answers; nobody's own answers are
        shown, ranked or kept beside their name.

        **Setting it up.** Put the questions below into your survey tool (Qualtrics, Google
        Forms, Microsoft Forms or any other) with **exactly these words** and **exactly these
        answer labels**: the export names each column after its question, and
        `survey.yaml` finds the columns and reads the answers by those words. If you change a
        question, change its `column:` in `survey.yaml` too. Make the survey anonymous: do
        not collect names or e-mail addresses (a respondent-to-team file is the fallback,
        see `survey.yaml`). Make every question required, and keep the order.

        Answer scales used below:

        - **Agreement**: Strongly disagree · Disagree · Neither agree nor disagree · Agree · Strongly agree
        - **Trust**: Not at all · A little · Somewhat · A lot · Completely
        - **Yes or no**: Yes · No

        ## Your team

        ### 1. Which team are you on?

        Answer: a list of your teams, with the names (or ids) used in `teams.yaml`.

        *Why it is there:* answers are only ever reported per team, so each answer must
        belong to one.

        ## Choosing use cases

        ### 2. I can tell which of my tasks AI helps with and which I should do myself.

        Answer: Agreement.

        *Why it is there:* good use starts with choosing the work to hand over, and the work to keep.

        ## Prompting and refining

        ### 3. When I ask AI for help, I give it the context, constraints and examples the task needs.

        Answer: Agreement.

        *Why it is there:* vague requests give generic output; saying what good looks like is a skill.

        ### 4. When an AI answer is not right, I refine my request or rework the answer instead of accepting it.

        Answer: Agreement.

        *Why it is there:* the first answer is a draft; iterating is where the quality comes from.

        ## Checking accuracy and bias

        ### 5. Before I rely on AI output, I check it for errors, invented facts and bias.

        Answer: Agreement.

        *Why it is there:* fluent output can be wrong; checking is the judgment that matters most.

        ### 6. In the last month, I passed on AI output that I had not checked myself.

        Answer: Agreement (scored in reverse: agreeing counts against checking).

        *Why it is there:* a concrete behaviour, asked the other way round, keeps the answer to
        question 5 honest.

        ## Building AI into workflows

        ### 7. AI is built into at least one recurring part of my work, not only one-off tasks.

        Answer: Agreement.

        *Why it is there:* lasting value comes from changing how routine work is done, not from occasional use.

        ### 8. Where I use AI regularly, I can point to a measured improvement in time, quality or errors, not only a feeling.

        Answer: Agreement.

        *Why it is there:* people overestimate their own gains; a gain counts when it was measured.

        ## Learning and adapting

        ### 9. In the last quarter, I learned a better way to use AI, or stopped using it where it did not help.

        Answer: Agreement.

        *Why it is there:* the tools change every few months; stopping a poor use is learning too.

        ## Ethics and data privacy

        ### 10. I know what information I may and may not put into AI tools, and I follow those rules.

        Answer: Agreement.

        *Why it is there:* data leaks through AI tools are the most common and most costly misuse.

        ### 11. When I hand over work that AI helped make, I say so if it matters to the person receiving it.

        Answer: Agreement.

        *Why it is there:* owning and disclosing AI-assisted work keeps accountability with people.

        ## Trust

        ### 12. How much do you trust the output of the AI tools you use, before you have checked it?

        Answer: Trust.

        *Why it is there:* both blind trust and no trust are problems; the report watches for a
        calibrated middle, not a high score.

        ### 13. I trust that these survey results and our team's AI metrics are used to improve how we work, not to judge individuals.

        Answer: Agreement.

        *Why it is there:* if people fear the numbers, they stop answering honestly and every
        other number here loses its meaning.

        ## Workslop

        ### 14. In the last month, did you receive AI-made work from a colleague that looked finished but that you had to fix, redo or send back?

        Answer: Yes or no.

        *Why it is there:* heavy use can push low-quality output onto others; this counts the
        cost that the sender does not see.

        ## Your own skill

        ### 15. If AI tools were unavailable for a week, I could do the core tasks of my job to the same standard.

        Answer: Agreement.

        *Why it is there:* a self-check for skill atrophy; leaning on AI should not hollow out
        the skills needed to judge its output.
        """#
}
