/// The text of the `fluency.yaml` that `discern new survey` writes: the `fluency:` block
/// for `site.yaml`, mapping the six capabilities to the survey's metrics. A Swift
/// literal, not a resource, for the reason given in `SurveyQuestionnaire`.
enum SurveyFluency {
    static let text = #"""
        # Paste this block into your content's site.yaml. It turns on the Judgment section:
        # a scorecard of the six capabilities of good AI use, measured by the survey.
        # Add your own measures beside a survey metric as a list, such as
        # `assessment: [fluency_assessment, ai_changes_reviewed]`.

        """# + block

    /// The `fluency:` block alone, as it stands in `site.yaml`: `discern new report`
    /// writes it into the starter's `site.yaml`.
    static let block = #"""
        fluency:
          capabilities:
            use_cases: fluency_use_cases       # choosing the right use cases
            prompting: fluency_prompting       # prompting and refining output
            assessment: fluency_assessment     # checking accuracy and bias
            workflow: fluency_workflow         # building AI into workflows, with measured gains
            learning: fluency_learning         # learning and adapting
            ethics: fluency_ethics             # ethics and data privacy

        """#
}
