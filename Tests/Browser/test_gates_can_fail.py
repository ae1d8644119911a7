"""Self-tests: each gate, run through the same helpers, really fails on a small page that
is deliberately bad (and passes a near-identical good one)."""

import re

from browser_helpers import (
    blocking_violations, emulate, fit_window_to_page, horizontal_overflow, inline_svg_boxes,
    run_axe, svg_text_contrast_failures,
)
from static_checks import is_error, run_vnu, script_problems, unexpected_warnings

HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>{style}</head>'


def page(tmp_path, name, body, style=""):
    path = tmp_path / name
    path.write_text(HEAD.format(style=f"<style>{style}</style>" if style else "")
                    + f"<body><main><h1>Test</h1>{body}</main></body></html>")
    return path.as_uri()


def test_axe_reports_serious_violations(browser, tmp_path):
    browser.get(page(tmp_path, "bad.html", '<img src="x.png"><p style="color:#bbb">faint text</p>'))
    ids = {v["id"] for v in blocking_violations(run_axe(browser))}
    assert {"image-alt", "color-contrast"} <= ids


def test_axe_sees_the_dark_scheme(browser, tmp_path):
    url = page(tmp_path, "dark.html", "<p>only faint when dark</p>",
               style="@media (prefers-color-scheme: dark) { body { background: #fff; color: #ccc; } }")
    browser.get(url)
    assert not blocking_violations(run_axe(browser))
    emulate(browser, scheme="dark")
    browser.get(url)
    assert "color-contrast" in {v["id"] for v in blocking_violations(run_axe(browser))}


def test_svg_text_contrast_check(browser, tmp_path):
    browser.get(page(tmp_path, "svgtext.html",
                     '<svg viewBox="0 0 200 40" width="200" height="40">'
                     '<text x="5" y="15" style="fill:#bbb">faint</text>'
                     '<rect x="100" y="0" width="100" height="40" style="fill:#1b6e3c"/>'
                     '<text x="110" y="25" style="fill:#fff">white on green</text></svg>'))
    failures = svg_text_contrast_failures(browser)
    assert [f["text"] for f in failures] == ["faint"]


def test_overflow_check(browser, tmp_path):
    browser.get(page(tmp_path, "wide.html", '<div style="width:900px">wide</div>'))
    fit_window_to_page(browser, 390)
    found = horizontal_overflow(browser)
    assert found and "width:900px" in found["offenders"][0]["html"]

    browser.get(page(tmp_path, "scroller.html",
                     '<div style="overflow-x:auto"><div style="width:900px">wide but scrolls</div></div>'))
    fit_window_to_page(browser, 390)
    assert horizontal_overflow(browser) is None


def test_svg_size_check(browser, tmp_path):
    browser.get(page(tmp_path, "svgs.html",
                     '<svg viewBox="0 0 10 10" style="width:0"><title>collapsed</title></svg>'
                     '<svg viewBox="0 0 10 10" width="50" height="50"><title>fine</title></svg>'
                     '<details><summary>data</summary><svg><title>in closed details</title></svg></details>'
                     '<div style="display:none"><svg><title>hidden</title></svg></div>'))
    boxes = {b["name"]: b for b in inline_svg_boxes(browser)}
    assert set(boxes) == {"collapsed", "fine"}
    assert boxes["collapsed"]["width"] == 0 and boxes["fine"]["width"] == 50


def test_no_script_scan():
    bad = [
        "<p>x</p><script>alert(1)</script>",
        "<SCRIPT src=x></SCRIPT>",
        '<a href="#" onclick="go()">x</a>',
        "<svg><rect onload=go() /></svg>",
        "<a title='a > b' onmouseover=go()>x</a>",
        '<a href=" JavaScript:go()">x</a>',
        '<a href="jav&#x09;ascript:go()">x</a>',
        '<svg><a xlink:href="javascript:go()"><text>x</text></a></svg>',
    ]
    good = [
        '<p title="onclick=harmless">on click here</p>',
        '<a href="../teams/index.html">onboarding</a>',
        "<p>Write &lt;script&gt; in prose and javascript: in text</p>",
    ]
    for text in bad:
        assert script_problems(text), text
    for text in good:
        assert not script_problems(text), text


def test_vnu_reports_errors_and_warnings(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><head><title>t</title></head>"
                   "<body><div><li>stray</li></div><section><p>no heading</p></section></body></html>")
    messages = run_vnu([bad])
    assert any(is_error(m) for m in messages)
    warnings = unexpected_warnings(messages, allowlist=[])
    assert any("heading" in m["message"] for m in warnings)
    assert not unexpected_warnings(messages, allowlist=[(re.compile("."), "everything")])
