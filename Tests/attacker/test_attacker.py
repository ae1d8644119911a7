"""The independent attacker against Discern's own audit (issue 16).

Run by Tests/attacker/run-attacker-tests.sh (stdlib unittest, in a venv with the pinned
scipy). For each fixture in Tests/Fixtures/attacker/ it builds the site with the debug
CLI (``DISCERN``), runs ``discern audit`` on the content, runs attack.py on the built
files, and holds the two to each other:

* every team value the audit protects is a hidden cell the attacker solves for, and
  the attacker's interval is the audit's, within one display unit of the audit's
  printed numbers (the audit prints rounded numbers);
* the attacker's interval reaches the audit's "must reach" interval on both sides.

Then the "one extra published number": ``subtraction-extra`` gives the organization's
value directly (a survey over everyone) while the small team's row is missing, so the
given value less Engineering's roll-up would be the small team's. The build must hide
more (the organization's value) and stay protected. And a hand-edited leaky copy of the
``subtraction`` site, publishing the neighbour the build hid, must be flagged by the
attacker: that is what this test would see from a Discern that skipped its audit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "attacker")
SITES = os.path.join(ROOT, ".build", "attacker-sites")
DISCERN = os.environ.get("DISCERN", os.path.join(ROOT, ".build", "debug", "discern"))
ATTACK = os.path.join(HERE, "attack.py")

AUDIT_LINE = re.compile(
    r"^(?P<metric>\S+) (?P<period>\S+) (?P<scope>.+?): (?P<value>.+?); "
    r"a reader can narrow it to (?P<low>\S+?)–(?P<high>\S+), "
    r"must reach (?P<need_low>\S+?)–(?P<need_high>\S+) \((?P<verdict>kept|NOT KEPT)\)$"
)

CHECKED = {"cells": 0}


def number(text: str) -> tuple[float, float]:
    """A number as the audit prints it, and its display unit (one in its last digit)."""
    text = text.replace("\u2212", "-").replace(",", "").rstrip("%")
    if text in ("∞", "-∞"):
        return (float("inf") if text == "∞" else float("-inf")), 0.0
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text), 10.0 ** -decimals


def run(args: list[str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "CI"}  # CI hides the audit's lines
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)


def build(fixture: str) -> str:
    site = os.path.join(SITES, fixture)
    shutil.rmtree(site, ignore_errors=True)
    result = run([DISCERN, "build", "--content", os.path.join(FIXTURES, fixture), "--output", site])
    if result.returncode != 0:
        raise AssertionError(f"discern build {fixture} failed: {result.stderr}")
    return site


def audit(fixture: str) -> tuple[int, list[dict]]:
    result = run([DISCERN, "audit", "--content", os.path.join(FIXTURES, fixture)])
    lines = [m.groupdict() for m in map(AUDIT_LINE.match, result.stdout.splitlines()) if m]
    return result.returncode, lines


def attack(site: str, fixture: str) -> dict[tuple[str, str, str], tuple[str, float, float]]:
    result = run([sys.executable, ATTACK, site, os.path.join(FIXTURES, fixture, "teams.yaml")])
    if result.returncode != 0:
        raise AssertionError(f"attack.py on {site} failed: {result.stderr}")
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:] if line]
    return {(m, p, t): (kind, float(low), float(high)) for m, p, t, kind, low, high in rows}


def table_cell(site: str, metric: str, row: str) -> str:
    sys.path.insert(0, HERE)
    from attack import MetricPage  # noqa: E402

    page = MetricPage()
    with open(os.path.join(site, "metrics", metric, "index.html"), encoding="utf-8") as handle:
        page.feed(handle.read())
    return {r[0]: r[1] for r in page.rows[1:]}.get(row, "not listed")


class AttackerAgreesWithAudit(unittest.TestCase):
    def check_fixture(self, fixture: str, expected_cells: int) -> None:
        site = build(fixture)
        status, lines = audit(fixture)
        self.assertEqual(status, 0, f"{fixture}: discern audit should find every value kept")
        found = attack(site, fixture)
        teams = [line for line in lines if not line["scope"].startswith("the people ")]
        self.assertEqual(len(teams), expected_cells, f"{fixture}: audit lines {lines}")
        # The attacker's own-sake hidden cells are exactly the audit's.
        unlisted = {key for key, (kind, _, _) in found.items() if kind == "unlisted"}
        self.assertEqual(unlisted, {(l["metric"], l["period"], l["scope"]) for l in teams})
        for line in teams:
            key = (line["metric"], line["period"], line["scope"])
            _, low, high = found[key]
            audit_low, unit = number(line["low"])
            audit_high, unit_high = number(line["high"])
            unit = max(unit, unit_high)
            need_low, _ = number(line["need_low"])
            need_high, _ = number(line["need_high"])
            with self.subTest(cell=key):
                print(f"  {fixture}: {' '.join(key)}: attacker {low:.4g}–{high:.4g}, "
                      f"audit {line['low']}–{line['high']}, must reach {line['need_low']}–{line['need_high']}")
                self.assertLessEqual(abs(low - audit_low), unit, f"{key}: lower ends differ")
                self.assertLessEqual(abs(high - audit_high), unit, f"{key}: upper ends differ")
                self.assertLessEqual(low, need_low + unit, f"{key}: a reader gets too close from below")
                self.assertGreaterEqual(high, need_high - unit, f"{key}: a reader gets too close from above")
                CHECKED["cells"] += 1

    def test_subtraction(self):
        self.check_fixture("subtraction", 1)

    def test_two_metrics(self):
        self.check_fixture("two-metrics", 2)

    def test_whole_percent(self):
        self.check_fixture("whole-percent", 1)


class OneExtraPublishedNumber(unittest.TestCase):
    def test_build_hides_more(self):
        """The organization's value, given beside Engineering's roll-up, would give the small team's."""
        base, extra = build("subtraction"), build("subtraction-extra")
        self.assertRegex(table_cell(base, "cfr", "Acme"), r"^\d+\.\d%$")
        self.assertEqual(table_cell(extra, "cfr", "Acme"), "suppressed")
        status, lines = audit("subtraction-extra")
        self.assertEqual(status, 0)
        remainders = [l for l in lines if l["scope"].startswith("the people org's")]
        self.assertEqual(len(remainders), 1, lines)
        self.assertEqual(remainders[0]["verdict"], "kept")
        # Nothing the attacker can see is narrowed past the protection either.
        for key, (kind, low, high) in attack(extra, "subtraction-extra").items():
            self.assertGreater(high - low, 6.0, f"{key}: {low}–{high}")

    def test_leaky_site_is_flagged(self):
        """A copy of the subtraction site that also publishes API's value, as a Discern
        without its privacy rules would: the attacker narrows Tiny past its protection."""
        source = build("subtraction")
        leaky = os.path.join(SITES, "subtraction-leaky")
        shutil.rmtree(leaky, ignore_errors=True)
        shutil.copytree(source, leaky)
        path = os.path.join(leaky, "metrics", "cfr", "index.html")
        with open(path, encoding="utf-8") as handle:
            html = handle.read()
        api = re.compile(r'(API</a></th><td class="number">)<span class="suppressed"[^>]*>suppressed</span>')
        html, edits = api.subn(r"\g<1>15.0%", html)
        self.assertEqual(edits, 1, "API's suppressed cell should be in the built table")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
        _, lines = audit("subtraction")
        need_low, _ = number(lines[0]["need_low"])
        need_high, _ = number(lines[0]["need_high"])
        _, low, high = attack(leaky, "subtraction")[("cfr", "2026-Q1", "tiny")]
        print(f"  leaky site: cfr 2026-Q1 tiny: attacker {low:.4g}–{high:.4g}, must reach {need_low}–{need_high}")
        self.assertTrue(low > need_low or high < need_high, "the attacker should flag Tiny as exposed")
        self.assertLessEqual(low, 30.0)
        self.assertGreaterEqual(high, 30.0)


if __name__ == "__main__":
    program = unittest.main(exit=False, verbosity=2)
    print(f"attacker: {CHECKED['cells']} hidden team cells agreed with discern audit")
    sys.exit(0 if program.result.wasSuccessful() else 1)
