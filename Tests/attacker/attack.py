#!/usr/bin/env python3
"""An independent attacker on a built Discern site (issue 16).

Usage: attack.py SITE TEAMS_YAML [--earlier OLD_SITE] [--wholes METRICS_YAML]

Reads a built site folder (``discern build --output SITE``) as an outsider would, and
for every quarter and every metric (or whole, below) solves, with scipy's ``linprog``
(HiGHS), for the least and greatest value each hidden team cell can have given
everything the site shows. With ``--earlier`` it also reads an older build of the same
report, as a reader who kept the version published before would, and solves both
versions together. It shares no code with Discern: if the two disagree, one of them is
wrong.

What the attacker is assumed to know from outside the site
  * The org chart and every team's headcount, from the fixture's ``teams.yaml`` (only
    the one-line flow form ``- {id: x, name: X, parent: p, headcount: n}`` is read).
    A team's size is no secret to colleagues; Discern's own audit assumes the same. The
    same chart is used for both versions.
  * Which metrics are the parts of one whole and the total they add up to, from the
    ``wholes:`` of the fixture's ``metrics.yaml`` (``--wholes``; only the one-line form
    ``- {id: w, total: 100, parts: [a, b, c]}`` is read). The built site does not say
    so: no metric page or methodology text names a whole or its total (the Judgment
    section's stacked bar of "shares of Low, Mid, High" hints at it for fluency levels
    only). A reader who sees level shares takes them to add up to 100% anyway.
  * Nothing else. A team too small to be listed (below the "Shown when at least N
    people" of the metric page) is taken to have a value when its parent's quarter page
    (``teams/<parent>/<period>/index.html``) notes that the parent's value "includes
    teams too small to list", or when that page or note is missing (the worst case); a
    note such as "from 2 teams · n = 18" says it gave none.

What it reads from the built files, and nothing else
  * ``metrics/<id>/index.html``: the "Roll-up" entry of the definition (only
    "mean over teams, weighted by headcount" is modelled; other metrics are skipped),
    the "Shown when at least N people" threshold, and the "By team and quarter" table.
    metrics.yaml's metrics are not read: the format comes from the printed values (a
    trailing ``%`` means a percent, which lies in [0, 100]; otherwise the range is
    unbounded).
  * Each shown value is the interval its rounding allows, from its printed decimals:
    ``38.0%`` is [37.95, 38.05] (in ``7.9% restated from 7.3%`` the first number is the
    value). ``suppressed`` is an unknown value; ``—`` or an empty cell, and a visible
    team with no row, mean the team gave no value that quarter.

The model: one linear system per quarter and per metric, or per whole (its parts
together). Each version of the site contributes
  * a variable per scope (the organization, a group, a team) with a value, bounded by
    its shown interval, or by [0, 100] for a hidden percent;
  * a row per group: its value is the headcount-weighted mean of its members that have
    a value (teams, or sub-groups with their own roll-up, each weighted by its whole
    headcount); the organization's, when shown, is that of the top-level scopes (a hidden
    one may be a value given for everyone, not a roll-up, and is left out);
  * for a whole, a row per team with a value in every part: the parts add up to the
    total. (A group's parts add up only when all its members have every part, and then
    that follows from the roll-ups; a group missing a part in one member is not held to
    the total.)
Two versions are linked where the value reads the same in both: the same unknown for
a number shown the same in both, for a value shown in one and hidden in the other (the
site says nothing of a hidden value, so a reader takes the number once shown as still
true), and for a value hidden in both. Not linked, each version its own unknown: a value
shown with different numbers (restated), one present in only one version (a late row:
a parent's note turns from "from 2 teams" into "includes teams too small to list", say),
and every group above such a value, which moved with it even where it reads the same.
When even that contradicts the numbers (a group restated while every member that shows
reads the same: a hidden member changed), values hidden in both are taken apart; should
the versions still disagree, they are solved apart.

Output, one line per hidden team cell of SITE (the newest version), tab-separated,
after a header line: ``metric period team kind low high`` where kind is ``unlisted``
(too small to be listed) or ``suppressed`` (listed, value hidden), and low/high are Python floats (``inf``/``-inf`` when unbounded).
Exits 2 on a site it cannot read.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from html.parser import HTMLParser

import numpy as np
from scipy.optimize import linprog

WEIGHTED_MEAN = "mean over teams, weighted by headcount"
ORG = "org"  # the organization's scope; `org` is reserved in Discern's content, never a team id


# ---------------------------------------------------------------------------------------
# What the reader knows from outside: the org chart and the wholes.


class Team:
    def __init__(self, ident: str, name: str, parent: str | None, headcount: int | None):
        self.id, self.name, self.parent, self.own_headcount = ident, name, parent, headcount
        self.children: list[Team] = []

    def headcount(self) -> int:
        if self.own_headcount is not None:
            return self.own_headcount
        return sum(child.headcount() for child in self.children)


def flow_entries(path: str) -> list[dict[str, str]]:
    """The one-line YAML entries ``- {key: value, key: [a, b]}`` of a file, as strings."""
    entries = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = re.match(r"\s*-\s*\{(.*)\}\s*$", line)
            if not match:
                continue
            fields = {}
            for key, value in re.findall(r"(\w+)\s*:\s*(\[[^\]]*\]|\"[^\"]*\"|'[^']*'|[^,]*)", match.group(1)):
                fields[key] = value.strip().strip("\"'")
            entries.append(fields)
    return entries


def read_teams(path: str) -> dict[str, Team]:
    """The tree from teams.yaml's one-line entries, under a root for the organization."""
    teams: dict[str, Team] = {}
    for fields in flow_entries(path):
        if "id" not in fields:
            continue
        headcount = int(fields["headcount"]) if "headcount" in fields else None
        teams[fields["id"]] = Team(fields["id"], fields.get("name", fields["id"]), fields.get("parent") or ORG, headcount)
    teams[ORG] = Team(ORG, ORG, None, None)
    for team in teams.values():
        if team.parent:
            teams[team.parent].children.append(team)
    return teams


def read_wholes(path: str | None) -> list[tuple[float, list[str]]]:
    """metrics.yaml's ``wholes:`` entries: (total, parts)."""
    if path is None:
        return []
    wholes = []
    for fields in flow_entries(path):
        if "parts" in fields:
            parts = [part.strip().strip("\"'") for part in fields["parts"].strip("[]").split(",") if part.strip()]
            wholes.append((float(fields.get("total", 100)), parts))
    return wholes


# ---------------------------------------------------------------------------------------
# What the reader reads: a built site.


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


def shown_number(text: str) -> re.Match | None:
    """The value's own number in a cell: the first one (``7.9% restated from 7.3%``)."""
    return NUMBER.search(text.replace("\u2212", "-"))


def shown_interval(text: str) -> tuple[float, float] | None:
    """``38.0%`` -> (37.95, 38.05): every value the printed digits could be the rounding of."""
    match = shown_number(text)
    if not match:
        return None
    value = float(match.group(0).replace(",", ""))
    half = 10.0 ** -len(match.group(1) or "") / 2
    return value - half, value + half


class Cell:
    """A scope's value in one version, as the site shows it: kind is ``shown``,
    ``suppressed``, ``unlisted`` (too small to be listed, taken to have a value) or
    ``group`` (not in the table, but its members have values)."""

    def __init__(self, kind: str, bounds: tuple, number: str | None = None):
        self.kind, self.bounds, self.number = kind, bounds, number

    @property
    def hidden(self) -> bool:
        return self.kind != "shown"


class Site:
    """One built version of the report: its metric pages, read once."""

    def __init__(self, path: str, teams: dict[str, Team]):
        self.path, self.teams = path, teams
        self.pages: dict[str, MetricPage] = {}
        metrics_dir = os.path.join(path, "metrics")
        if not os.path.isdir(metrics_dir):
            raise FileNotFoundError(f"no metrics/ folder in {path}")
        for metric in sorted(os.listdir(metrics_dir)):
            page_path = os.path.join(metrics_dir, metric, "index.html")
            if os.path.isfile(page_path):
                page = MetricPage()
                with open(page_path, encoding="utf-8") as handle:
                    page.feed(handle.read())
                self.pages[metric] = page

    def modelled(self, metric: str) -> bool:
        page = self.pages.get(metric)
        return page is not None and page.definition.get("Roll-up") == WEIGHTED_MEAN and bool(page.rows)

    def periods(self, metric: str) -> list[str]:
        return self.pages[metric].rows[0][1:] if self.modelled(metric) else []

    def small_members_count(self, group: Team, period: str, metric: str) -> bool:
        """Whether the group's quarter page says its value includes teams too small to list."""
        path = os.path.join(self.path, "teams", group.id, period, "index.html")
        if not os.path.isfile(path):
            return True
        with open(path, encoding="utf-8") as handle:
            page = handle.read()
        match = re.search(r'metrics/' + re.escape(metric) + r'/index\.html">.*?</h3>.*?<p class="kpi-note">(.*?)</p>', page, re.S)
        if not match:
            return True
        return "too small to list" in match.group(1)

    def cells(self, metric: str, period: str) -> dict[str, Cell]:
        """Every scope with a value this quarter, by team id (``org`` for the organization)."""
        if not self.modelled(metric) or period not in self.periods(metric):
            return {}
        page = self.pages[metric]
        threshold = int(re.search(r"\d+", page.definition.get("Shown when", "5")).group(0))
        header, body = page.rows[0], page.rows[1:]
        texts = {row[0]: dict(zip(header[1:], row[1:])) for row in body}
        names = {team.name for team in self.teams.values() if team.id != ORG}
        org_name = body[0][0] if body and body[0][0] not in names else None
        percent = any("%" in text for row in texts.values() for text in row.values())
        hidden_bounds = (0.0, 100.0) if percent else (None, None)
        found: dict[str, Cell] = {}

        def visit(team: Team) -> bool:
            """Adds the team's cell when it has a value this period; True when it does."""
            members = [child for child in team.children if visit(child)]
            name = org_name if team.id == ORG else team.name
            text = texts.get(name, {}).get(period) if name else None
            interval = shown_interval(text) if text else None
            if interval is not None:
                low, high = interval
                if percent:
                    low, high = max(low, 0.0), min(high, 100.0)
                found[team.id] = Cell("shown", (low, high), shown_number(text).group(0))
            elif team.id == ORG:
                # Hidden, the organization's value may be one given for everyone (a survey),
                # not the roll-up of its teams: it is left out rather than misread.
                return False
            elif text and "suppressed" in text:
                found[team.id] = Cell("suppressed", hidden_bounds)
            elif team.children and members:
                found[team.id] = Cell("group", hidden_bounds)
            elif (not team.children and team.headcount() < threshold and team.name not in texts
                  and (team.parent == ORG or self.small_members_count(self.teams[team.parent], period, metric))):
                found[team.id] = Cell("unlisted", hidden_bounds)
            else:
                return False
            return True

        visit(self.teams[ORG])
        return found


# ---------------------------------------------------------------------------------------
# The system a reader writes down, and its solution.


class System:
    """Variables with bounds, keyed by (version, metric, scope), and equality rows."""

    def __init__(self) -> None:
        self.index: dict[tuple, int] = {}
        self.bounds: list[tuple] = []
        self.rows: list[tuple[dict[int, float], float]] = []

    def add(self, key: tuple, bounds: tuple) -> None:
        self.index[key] = len(self.bounds)
        self.bounds.append(bounds)

    def equation(self, terms: list[tuple[tuple, float]], total: float = 0.0) -> None:
        """sum of coefficient * variable == total."""
        row: dict[int, float] = {}
        for key, coefficient in terms:
            row[self.index[key]] = row.get(self.index[key], 0.0) + coefficient
        self.rows.append((row, total))

    def _solve(self, objective: np.ndarray):
        a_eq = b_eq = None
        if self.rows:
            a_eq = np.zeros((len(self.rows), len(self.bounds)))
            for i, (row, _) in enumerate(self.rows):
                for column, coefficient in row.items():
                    a_eq[i, column] = coefficient
            b_eq = np.array([total for _, total in self.rows])
        return linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=self.bounds, method="highs")

    def feasible(self) -> bool:
        return self._solve(np.zeros(len(self.bounds))).status != 2

    def interval(self, key: tuple) -> tuple[float, float]:
        ends = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(self.bounds))
            objective[self.index[key]] = sign
            result = self._solve(objective)
            if result.status == 3:  # unbounded
                ends.append(-sign * float("inf"))
            elif result.status != 0:
                raise RuntimeError(f"the system has no solution ({result.message})")
            else:
                ends.append(sign * result.fun)
        return ends[0], ends[1]


def write_version(system: System, version: str, cells: dict[str, dict[str, Cell]], teams: dict[str, Team],
                  total: float | None) -> None:
    """One version's variables and rows: its roll-ups per metric, and for a whole
    (``total`` given) each team's parts adding up to it. ``cells`` is by metric, then scope."""
    for metric, scopes in cells.items():
        for scope, cell in scopes.items():
            system.add((version, metric, scope), cell.bounds)
        for scope in scopes:
            members = [child for child in teams[scope].children if child.id in scopes]
            if not members:
                continue
            # headcount-weighted mean: sum over members h_m * (x_m - x_group) = 0
            terms = [((version, metric, member.id), float(member.headcount())) for member in members]
            terms.append(((version, metric, scope), -float(sum(member.headcount() for member in members))))
            system.equation(terms)
    if total is None:
        return
    parts = list(cells)
    for scope in set.intersection(*(set(cells[part]) for part in parts)):
        if not teams[scope].children:
            system.equation([((version, part, scope), 1.0) for part in parts], total)


def ancestors(teams: dict[str, Team], scope: str) -> list[str]:
    found = []
    while teams[scope].parent:
        scope = teams[scope].parent
        found.append(scope)
    return found


def links(new: dict[str, dict[str, Cell]], old: dict[str, dict[str, Cell]], teams: dict[str, Team],
          hidden_in_both: bool) -> list[tuple[str, str]]:
    """The (metric, scope) cells taken as the same unknown in both versions: present in
    both, not shown with different numbers, and no member of them changed; a value hidden
    in both only when ``hidden_in_both``."""
    linked = []
    for metric in new:
        scopes_new, scopes_old = new[metric], old.get(metric, {})
        changed = set()
        for scope in set(scopes_new) | set(scopes_old):
            a, b = scopes_new.get(scope), scopes_old.get(scope)
            if a is None or b is None or (not a.hidden and not b.hidden and a.number != b.number):
                changed.add(scope)
                changed.update(ancestors(teams, scope))
        for scope in scopes_new:
            if scope in scopes_old and scope not in changed:
                if hidden_in_both or not (scopes_new[scope].hidden and scopes_old[scope].hidden):
                    linked.append((metric, scope))
    return linked


def attack_table(new: Site, old: Site | None, teams: dict[str, Team], metrics: list[str], period: str,
                 total: float | None):
    """Yields (metric, period, scope, kind, low, high) for every hidden team cell of the
    newest version in one table: a metric, or the parts of a whole (with its total)."""
    cells_new = {metric: new.cells(metric, period) for metric in metrics}
    if not any(cells_new.values()):
        return
    cells_old = {metric: old.cells(metric, period) for metric in metrics} if old else {}
    # From the most a reader may take as unchanged to the least, until the numbers allow it.
    for hidden_in_both, linking in ((True, True), (False, True), (False, False)):
        system = System()
        write_version(system, "new", cells_new, teams, total)
        if old is not None:
            write_version(system, "old", cells_old, teams, total)
            if linking:
                for metric, scope in links(cells_new, cells_old, teams, hidden_in_both):
                    system.equation([(("new", metric, scope), 1.0), (("old", metric, scope), -1.0)])
        if system.feasible():
            break
    else:
        raise RuntimeError(f"{'+'.join(metrics)} {period}: the published numbers have no solution")
    for metric in metrics:
        for scope, cell in cells_new[metric].items():
            if cell.kind in ("suppressed", "unlisted"):
                yield (metric, period, scope, cell.kind) + system.interval(("new", metric, scope))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(usage=__doc__.splitlines()[2].removeprefix("Usage: "))
    parser.add_argument("site")
    parser.add_argument("teams")
    parser.add_argument("--earlier", help="an older build of the same report, solved together with SITE")
    parser.add_argument("--wholes", help="a metrics.yaml whose `wholes:` name the parts of each whole")
    args = parser.parse_args(argv[1:])
    teams = read_teams(args.teams)
    try:
        new = Site(args.site, teams)
        old = Site(args.earlier, teams) if args.earlier else None
    except FileNotFoundError as error:
        print(f"attack.py: {error}", file=sys.stderr)
        return 2
    # Tables: each whole whose parts are all modelled, and every other metric alone.
    tables: list[tuple[list[str], float | None]] = []
    in_wholes: set[str] = set()
    for total, parts in read_wholes(args.wholes):
        if all(new.modelled(part) for part in parts):
            tables.append((parts, total))
            in_wholes.update(parts)
    tables += [([metric], None) for metric in new.pages if metric not in in_wholes and new.modelled(metric)]
    results = []
    for metrics, total in tables:
        periods = sorted({period for metric in metrics for period in new.periods(metric)})
        for period in periods:
            results += attack_table(new, old, teams, metrics, period, total)
    print("metric\tperiod\tteam\tkind\tlow\thigh")
    for line in sorted(results, key=lambda line: (line[0], line[1])):
        print("\t".join(str(part) if not isinstance(part, float) else repr(part) for part in line))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
