"""Accessibility gate: axe-core finds no serious or critical violation on the key pages,
in the light and the dark colour scheme, and every piece of text has enough contrast.

Before axe runs, every <details> is opened (so the data tables behind the charts are
checked too) and the viewport is made as tall as the page (axe 3.x cannot work out the
background of anything outside the viewport). axe cannot judge text inside SVG, so
chart text gets its own contrast check."""

import json

import pytest

from browser_helpers import (
    PAGES, PAGE_IDS, blocking_violations, describe_violations, emulate, fit_window_to_page,
    open_all_details, run_axe, svg_text_contrast_failures, undetermined_html_contrast,
)

SCHEMES = ["light", "dark"]


def load(browser, site_dir, path, scheme):
    emulate(browser, scheme=scheme)
    browser.get((site_dir / path).as_uri())
    open_all_details(browser)
    fit_window_to_page(browser, 1280, max_height=16000)
    matches_dark = browser.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    assert matches_dark == (scheme == "dark"), "colour-scheme emulation did not take effect"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name,path,_", PAGES, ids=PAGE_IDS)
def test_axe_finds_no_serious_violations(browser, site_dir, artifacts_dir, name, path, _, scheme):
    load(browser, site_dir, path, scheme)
    results = run_axe(browser)
    (artifacts_dir / f"axe-{name}-{scheme}.json").write_text(
        json.dumps({k: results[k] for k in ("violations", "incomplete")}, indent=1))

    ran = {rule["id"] for key in ("passes", "violations", "incomplete") for rule in results[key]}
    assert "color-contrast" in ran, "axe did not run its color-contrast rule"

    blocking = blocking_violations(results)
    assert not blocking, f"{path} ({scheme}):\n" + describe_violations(blocking)

    unjudged = undetermined_html_contrast(browser, results)
    assert not unjudged, (f"{path} ({scheme}): axe could not determine the contrast of:\n  "
                          + "\n  ".join(unjudged[:10]))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name,path,_", PAGES, ids=PAGE_IDS)
def test_chart_text_has_enough_contrast(browser, site_dir, name, path, _, scheme):
    load(browser, site_dir, path, scheme)
    failures = svg_text_contrast_failures(browser)
    assert not failures, f"{path} ({scheme}): SVG text below WCAG AA contrast:\n" + "\n".join(
        f"  {f['ratio']}:1 < {f['needed']}:1  '{f['text']}' (class '{f['cls']}', chart '{f['chart']}') "
        f"{f['fg']} on {f['bg']}" for f in failures[:15])
