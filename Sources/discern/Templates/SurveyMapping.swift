/// The text of `survey.yaml`: how `discern import survey` reads a response export of the
/// survey in `SurveyQuestionnaire.text`. A Swift literal, not a resource, for the reason
/// given there. Each `column:` is a question's text, word for word.
enum SurveyMapping {
    static let text = #"""
        # survey.yaml: how `discern import survey` reads a response export
        # of the AI-fluency survey in survey.md. Each `column:` is a question's text, word for
        # word: survey tools name a response column after its question. Change both together.
        team:
          column: "Which team are you on?"     # answers are team ids or team names from teams.yaml
          # or instead: {mapping: respondents.csv, respondent: "Email"}  (a respondent-to-team CSV)
        min_answers: 5                          # optional; default min_group_size
        scales:
          agree5:
            "Strongly disagree": 1
            "Disagree": 2
            "Neither agree nor disagree": 3
            "Agree": 4
            "Strongly agree": 5
          trust5:
            "Not at all": 1
            "A little": 2
            "Somewhat": 3
            "A lot": 4
            "Completely": 5
          yes_no:                               # a yes counts 100, so the mean is the share answering yes, in %
            "No": 0
            "Yes": 100
        questions:
          # Choosing use cases
          - column: "I can tell which of my tasks AI helps with and which I should do myself."
            metric: fluency_use_cases
            scale: agree5
            statistic: mean
          # Prompting and refining: two questions, averaged per respondent
          - column: "When I ask AI for help, I give it the context, constraints and examples the task needs."
            metric: fluency_prompting
            scale: agree5
            statistic: mean
          - column: "When an AI answer is not right, I refine my request or rework the answer instead of accepting it."
            metric: fluency_prompting
            scale: agree5
            statistic: mean
          # Checking accuracy and bias: the second question is scored in reverse
          - column: "Before I rely on AI output, I check it for errors, invented facts and bias."
            metric: fluency_assessment
            scale: agree5
            statistic: mean
          - column: "In the last month, I passed on AI output that I had not checked myself."
            metric: fluency_assessment
            scale: agree5
            reverse: true
            statistic: mean
          # Building AI into workflows, with a measured gain
          - column: "AI is built into at least one recurring part of my work, not only one-off tasks."
            metric: fluency_workflow
            scale: agree5
            statistic: mean
          - column: "Where I use AI regularly, I can point to a measured improvement in time, quality or errors, not only a feeling."
            metric: fluency_workflow
            scale: agree5
            statistic: mean
          # Learning and adapting
          - column: "In the last quarter, I learned a better way to use AI, or stopped using it where it did not help."
            metric: fluency_learning
            scale: agree5
            statistic: mean
          # Ethics and data privacy
          - column: "I know what information I may and may not put into AI tools, and I follow those rules."
            metric: fluency_ethics
            scale: agree5
            statistic: mean
          - column: "When I hand over work that AI helped make, I say so if it matters to the person receiving it."
            metric: fluency_ethics
            scale: agree5
            statistic: mean
          # Trust in AI output: the share trusting it a lot or completely
          - column: "How much do you trust the output of the AI tools you use, before you have checked it?"
            metric: trust_in_ai_output
            scale: trust5
            statistic: top2
          # Trust in how the metrics are used: the share agreeing
          - column: "I trust that these survey results and our team's AI metrics are used to improve how we work, not to judge individuals."
            metric: trust_in_metric_use
            scale: agree5
            statistic: top2
          # Workslop received: the share answering yes
          - column: "In the last month, did you receive AI-made work from a colleague that looked finished but that you had to fix, redo or send back?"
            metric: workslop_received
            scale: yes_no
            statistic: mean
          # Unaided skill, self-checked: the share agreeing
          - column: "If AI tools were unavailable for a week, I could do the core tasks of my job to the same standard."
            metric: unaided_skill_self_check
            scale: agree5
            statistic: top2

        """#
}
