#!/usr/bin/env python3
"""An independent attacker on a built Discern site (issue 16).

Usage: attack.py SITE TEAMS_YAML

Reads a built site folder (``discern build --output SITE``) as an outsider would, and
for every metric and quarter solves, with scipy's ``linprog`` (HiGHS), for the least and
greatest value each hidden team cell can have given everything the site shows. It shares
no code with Discern: if the two disagree, one of them is wrong.

What the attacker is assumed to know from outside the site
  * The org chart and every team's headcount, from the fixture's ``teams.yaml`` (only
    the one-line flow form ``- {id: x, name: X, parent: p, headcount: n}`` is read).
    A team's size is no secret to colleagues; Discern's own audit assumes the same.
  * Nothing else. A team too small to be listed (below the "Shown when at least N
    people" of the metric page) is taken to have a value when its parent's quarter page
    (``teams/<parent>/<period>/index.html``) notes that the parent's value "includes
    teams too small to list", or when that page or note is missing (the worst case); a
    note such as "from 2 teams · n = 18" says it gave none.

What it reads from the built files, and nothing else
  * ``metrics/<id>/index.html``: the "Roll-up" entry of the definition (only
    "mean over teams, weighted by headcount" is modelled; other metrics are skipped),
    the "Shown when at least N people" threshold, and the "By team and quarter" table.
    metrics.yaml is not read: the format comes from the printed values (a trailing ``%``
    means a percent, which lies in [0, 100]; otherwise the range is unbounded).
  * Each shown value is the interval its rounding allows, from its printed decimals:
    ``38.0%`` is [37.95, 38.05]. ``suppressed`` is an unknown value; ``—`` or an empty
    cell, and a visible team with no row, mean the team gave no value that quarter.

The model: a group's value is the headcount-weighted mean of its members that have a
value (teams, or sub-groups with their own roll-up, weighted by the group's whole
headcount), and the organization's is that of the top-level teams.

Output, one line per hidden team cell, tab-separated, after a header line:
``metric period team kind low high`` where kind is ``unlisted`` (too small to be
listed) or ``suppressed`` (listed, value hidden), and low/high are Python floats
(``inf``/``-inf`` when unbounded). Exits 2 on a site it cannot read.
"""

from __future__ import annotations

import os
import re
import sys
from html.parser import HTMLParser

import numpy as np
from scipy.optimize import linprog

WEIGHTED_MEAN = "mean over teams, weighted by headcount"


class Team:
    def __init__(self, ident: str, name: str, parent: str | None, headcount: int | None):
        self.id, self.name, self.parent, self.own_headcount = ident, name, parent, headcount
        self.children: list[Team] = []

    def headcount(self) -> int:
        if self.own_headcount is not None:
            return self.own_headcount
        return sum(child.headcount() for child in self.children)


def read_teams(path: str) -> dict[str, Team]:
    """The tree from teams.yaml's one-line entries: ``- {id: a, name: A, parent: g, headcount: 4}``."""
    teams: dict[str, Team] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = re.match(r"\s*-\s*\{(.*)\}\s*$", line)
            if not match:
                continue
            fields = {}
            for part in match.group(1).split(","):
                key, _, value = part.partition(":")
                fields[key.strip()] = value.strip().strip("\"'")
            headcount = int(fields["headcount"]) if "headcount" in fields else None
            teams[fields["id"]] = Team(fields["id"], fields.get("name", fields["id"]), fields.get("parent"), headcount)
    for team in teams.values():
        if team.parent:
            teams[team.parent].children.append(team)
    return teams


class MetricPage(HTMLParser):
    """The definition list and the "By team and quarter" table of one metric page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.definition: dict[str, str] = {}
        self.rows: list[list[str]] = []
        self._in_dl = False
        self._term: str | None = None
        self._text: list[str] | None = None
        self._after_values_heading = False
        self._in_table = False
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "dl" and "definition" in (attrs.get("class") or ""):
            self._in_dl = True
        elif tag == "h2" and attrs.get("id") == "values":
            self._after_values_heading = True
        elif tag == "table" and self._after_values_heading and not self.rows:
            self._in_table = True
        elif tag == "caption" and self._in_table:
            self._text = None  # the caption is no cell
        elif tag == "tr" and self._in_table:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._text = []
        elif tag in ("dt", "dd") and self._in_dl:
            self._text = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._row is not None and self._text is not None:
            self._row.append(" ".join("".join(self._text).split()))
            self._text = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "table" and self._in_table:
            self._in_table = False
            self._after_values_heading = False
        elif tag == "dt" and self._in_dl and self._text is not None:
            self._term = "".join(self._text).strip()
            self._text = None
        elif tag == "dd" and self._in_dl and self._text is not None:
            if self._term is not None:
                self.definition[self._term] = "".join(self._text).strip()
            self._term, self._text = None, None
        elif tag == "dl":
            self._in_dl = False

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.([0-9]+))?")


def shown_interval(text: str) -> tuple[float, float] | None:
    """``38.0%`` -> (37.95, 38.05): every value the printed digits could be the rounding of."""
    match = NUMBER.search(text.replace("\u2212", "-"))
    if not match:
        return None
    value = float(match.group(0).replace(",", ""))
    half = 10.0 ** -len(match.group(1) or "") / 2
    return value - half, value + half


def small_members_count(site: str, group: Team, period: str, metric: str) -> bool:
    """Whether the group's quarter page says its value includes teams too small to list."""
    path = os.path.join(site, "teams", group.id, period, "index.html")
    if not os.path.isfile(path):
        return True
    with open(path, encoding="utf-8") as handle:
        page = handle.read()
    match = re.search(r'metrics/' + re.escape(metric) + r'/index\.html">.*?</h3>.*?<p class="kpi-note">(.*?)</p>', page, re.S)
    if not match:
        return True
    return "too small to list" in match.group(1)


def attack_metric(site: str, page: MetricPage, teams: dict[str, Team], metric: str):
    """Yields (metric, period, team id, kind, low, high) for every hidden team cell."""
    if page.definition.get("Roll-up") != WEIGHTED_MEAN or not page.rows:
        return
    threshold = int(re.search(r"\d+", page.definition.get("Shown when", "5")).group(0))
    header, body = page.rows[0], page.rows[1:]
    periods = header[1:]
    by_name = {team.name: team for team in teams.values()}
    cells = {row[0]: dict(zip(periods, row[1:])) for row in body}
    org_name = body[0][0] if body and body[0][0] not in by_name else None
    percent = any("%" in text for row in cells.values() for text in row.values())
    bounds_hidden = (0.0, 100.0) if percent else (None, None)
    roots = [team for team in teams.values() if not team.parent]

    for period in periods:
        # One variable per scope with a value: (kind, bounds); kind is shown, suppressed, unlisted or group.
        variables: dict[str, tuple[str, tuple]] = {}

        def visit(team: Team) -> bool:
            """Adds team's variable when it has a value this period; True when it does."""
            members = [child for child in team.children if visit(child)]
            text = cells.get(team.name, {}).get(period)
            interval = shown_interval(text) if text else None
            if interval is not None:
                low, high = interval
                if percent:
                    low, high = max(low, 0.0), min(high, 100.0)
                variables[team.id] = ("shown", (low, high))
            elif text and "suppressed" in text:
                variables[team.id] = ("suppressed", bounds_hidden)
            elif team.children and members:
                variables[team.id] = ("group", bounds_hidden)
            elif (not team.children and team.headcount() < threshold and team.name not in cells
                  and (team.parent is None or small_members_count(site, teams[team.parent], period, metric))):
                variables[team.id] = ("unlisted", bounds_hidden)
            else:
                return False
            return True

        tops = [team for team in roots if visit(team)]
        org_key = "\0org"
        if org_name is not None:
            text = cells[org_name].get(period)
            interval = shown_interval(text) if text else None
            if interval is not None:
                low, high = interval
                if percent:
                    low, high = max(low, 0.0), min(high, 100.0)
                variables[org_key] = ("shown", (low, high))
        index = {key: i for i, key in enumerate(variables)}
        if not index:
            continue

        # Equalities: sum over members h_m * (x_m - x_group) = 0.
        rows = []

        def relate(group_key: str, members: list[Team]) -> None:
            row = np.zeros(len(index))
            for member in members:
                row[index[member.id]] += member.headcount()
                row[index[group_key]] -= member.headcount()
            rows.append(row)

        for team in teams.values():
            members = [child for child in team.children if child.id in index]
            if team.id in index and members:
                relate(team.id, members)
        if org_key in index and tops:
            relate(org_key, tops)

        a_eq = np.array(rows) if rows else None
        b_eq = np.zeros(len(rows)) if rows else None
        bounds = [variables[key][1] for key in index]
        for key, (kind, _) in variables.items():
            if kind not in ("suppressed", "unlisted"):
                continue
            ends = []
            for sign in (1.0, -1.0):
                c = np.zeros(len(index))
                c[index[key]] = sign
                result = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
                if result.status == 3:  # unbounded
                    ends.append(-sign * float("inf"))
                elif result.status != 0:
                    raise SystemExit(f"attack.py: {metric} {period}: the system is infeasible ({result.message})")
                else:
                    ends.append(sign * result.fun)
            yield metric, period, key, kind, ends[0], ends[1]


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    site, teams_path = argv[1], argv[2]
    teams = read_teams(teams_path)
    metrics_dir = os.path.join(site, "metrics")
    if not os.path.isdir(metrics_dir):
        print(f"attack.py: no metrics/ folder in {site}", file=sys.stderr)
        return 2
    print("metric\tperiod\tteam\tkind\tlow\thigh")
    for metric in sorted(os.listdir(metrics_dir)):
        path = os.path.join(metrics_dir, metric, "index.html")
        if not os.path.isfile(path):
            continue
        page = MetricPage()
        with open(path, encoding="utf-8") as handle:
            page.feed(handle.read())
        for line in attack_metric(site, page, teams, metric):
            print("\t".join(str(part) if not isinstance(part, float) else repr(part) for part in line))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
