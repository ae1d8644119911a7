#!/usr/bin/env python3
"""Writes a synthetic organization for the benchmark: Discern's content format and,
beside it, a Hugo site with the same narratives (minimal layout).

    generate.py OUT --teams 500 --quarters 8 [--metrics 12] [--seed 7] [--small-every N]

With --small-every N, one team in N (drawn at random, so spread over the groups: some
groups get none, some one, some two or more) has 3 people, below the minimum group size
of 5, so the privacy rules (and their audit) have values to hide and protect.

Deterministic for a given seed. Teams come in groups of about ten; narratives are about
600 words per team and quarter, with headings, lists, emphasis, links and two chart
blocks.
"""
import argparse
import os
import random

METRICS = [
    ("cycle_time", "Change lead time", "outcome", "days", "lower", "weighted_mean", "number", (1, 7)),
    ("merged_prs", "Merged PRs", "outcome", "PRs/engineer/week", "higher", "weighted_mean", "number", (2, 5)),
    ("new_work", "Time on new capabilities", "outcome", "%", "higher", "weighted_mean", "percent", (40, 60)),
    ("csat", "Customer satisfaction", "outcome", "%", "higher", "mean", "percent", (75, 90)),
    ("change_failure", "Change failure rate", "quality", "%", "lower", "weighted_mean", "percent", (5, 40)),
    ("rework", "Rework rate", "quality", "%", "lower", "weighted_mean", "percent", (3, 20)),
    ("workslop", "Workslop received", "quality", "%", "lower", "weighted_mean", "percent", (20, 40)),
    ("discernment", "Fluency: discernment", "judgment", "of 5", "higher", "weighted_mean", "number", (2.5, 4.2)),
    ("reviewed", "AI changes reviewed", "judgment", "%", "higher", "weighted_mean", "percent", (60, 98)),
    ("trust", "Trust in metric use", "sentiment", "%", "higher", "mean", "percent", (40, 80)),
    ("skill_check", "Unaided skill check", "skills", "%", "higher", "weighted_mean", "percent", (55, 80)),
    ("wau", "Weekly active users", "usage", "%", "neutral", "weighted_mean", "percent", (40, 90)),
    ("acceptance", "Suggestion acceptance", "usage", "%", "neutral", "mean", "percent", (25, 45)),
    ("spend", "AI spend per engineer", "usage", "USD/month", "neutral", "mean", "currency", (19, 60)),
]

WORDS = ("team outcome quality delivery review judgment baseline quarter change release incident "
         "customer support workflow pairing testing latency reliability feedback learning practice "
         "automation context signal trend measure decision evidence careful steady").split()


def sentence(rng, length):
    words = [rng.choice(WORDS) for _ in range(length)]
    words[0] = words[0].capitalize()
    if length > 6:
        words[3] = "*" + words[3] + "*"
    return " ".join(words) + "."


def narrative(rng, metrics, team_name):
    """About 600 words with two chart blocks; the same Markdown for both generators."""
    lines = [f"## How {team_name} did", ""]
    for _ in range(3):
        lines.append(" ".join(sentence(rng, rng.randint(10, 16)) for _ in range(5)))
        lines.append("")
    lines += ["```chart", "type: line", f"metric: {metrics[0][0]}", "```", ""]
    lines += ["## What changed", ""]
    for _ in range(5):
        lines.append(f"- {sentence(rng, rng.randint(8, 12))} See [the methodology](https://example.com/method).")
    lines.append("")
    for _ in range(3):
        lines.append(" ".join(sentence(rng, rng.randint(10, 16)) for _ in range(5)))
        lines.append("")
    lines += ["```chart", "type: bar", f"metric: {metrics[4][0]}", "```", ""]
    lines += ["## Next quarter", "", " ".join(sentence(rng, 12) for _ in range(4)), ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--teams", type=int, default=50)
    parser.add_argument("--quarters", type=int, default=4)
    parser.add_argument("--metrics", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--small-every", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    metrics = METRICS[: max(5, min(args.metrics, len(METRICS)))]
    quarters = [f"{2024 + i // 4}-Q{i % 4 + 1}" for i in range(args.quarters)]
    groups = max(1, args.teams // 10)
    teams = [(f"team-{i:04d}", f"Team {i}", f"group-{i % groups:03d}", rng.randint(6, 30)) for i in range(args.teams)]
    if args.small_every:
        # A draw of its own, so the rest of the organization and its data stay the same.
        # (Every Nth team by index put them all in N's multiples of the 50 groups, where
        # two small teams protect each other and no rule has anything more to do.)
        small = random.Random(args.seed + 1)
        teams = [(tid, name, parent, 3 if small.random() < 1 / args.small_every else headcount)
                 for tid, name, parent, headcount in teams]

    content = os.path.join(args.out, "discern")
    hugo = os.path.join(args.out, "hugo")
    os.makedirs(os.path.join(content, "data"), exist_ok=True)
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write("title: Benchmark\norganization: Synthetic Org\n")
    with open(os.path.join(content, "teams.yaml"), "w") as f:
        f.write("teams:\n")
        for g in range(groups):
            f.write(f"  - {{id: group-{g:03d}, name: Group {g}}}\n")
        for tid, name, parent, headcount in teams:
            f.write(f"  - {{id: {tid}, name: {name}, parent: {parent}, headcount: {headcount}}}\n")
    with open(os.path.join(content, "metrics.yaml"), "w") as f:
        f.write("metrics:\n")
        for mid, name, category, unit, better, aggregate, fmt, _ in metrics:
            baseline = f", baseline: {quarters[0]}" if category in ("outcome", "quality") else ""
            f.write(f"  - {{id: {mid}, name: '{name}', category: {category}, unit: '{unit}', better: {better}, "
                    f"aggregate: {aggregate}, format: {fmt}{baseline}}}\n")
    with open(os.path.join(content, "data", "values.csv"), "w") as f:
        f.write("period,team," + ",".join(m[0] for m in metrics) + "\n")
        for quarter in quarters:
            for tid, _, _, _ in teams:
                values = [f"{rng.uniform(*m[7]):.2f}" for m in metrics]
                f.write(f"{quarter},{tid}," + ",".join(values) + "\n")

    os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    layout = "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
    for name in ("single.html", "list.html"):
        with open(os.path.join(hugo, "layouts", "_default", name), "w") as f:
            f.write(layout)
    with open(os.path.join(hugo, "layouts", "index.html"), "w") as f:
        f.write(layout)

    for tid, name, _, _ in teams:
        for quarter in quarters:
            text = narrative(rng, metrics, name)
            folder = os.path.join(content, "narratives", "teams", tid)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{quarter}.md"), "w") as f:
                f.write(f"---\ntitle: {name} in {quarter}\n---\n{text}")
            folder = os.path.join(hugo, "content", tid)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{quarter}.md"), "w") as f:
                f.write(f"---\ntitle: \"{name} in {quarter}\"\n---\n{text}")
    print(f"generated {args.teams} teams x {args.quarters} quarters into {args.out}")


if __name__ == "__main__":
    main()
