"""Board deck gate: the sample content's deck (Themes/board), printed as a slide deck
is, must fit every slide's content inside its 16:9 frame, pass axe, and show each
chart. Scripts/browser-checks builds it into .build/browser-deck; the Nu checker
validates it there too."""

import os
import pathlib

import pytest

from browser_helpers import (
    blocking_violations, describe_violations, emulate, fit_window_to_page, run_axe, screenshot,
    svg_text_contrast_failures,
)

# Elements of a slide's body that end outside it. SVG descendants are left to the SVG
# box itself: a chart may draw its end labels in its overflow margin.
_OVERFLOW_JS = r"""
const found = [];
document.querySelectorAll('.slide').forEach((slide, index) => {
  const body = slide.querySelector('.slide-body');
  const frame = slide.querySelector('.slide-frame').getBoundingClientRect();
  const box = body.getBoundingClientRect();
  for (const element of body.querySelectorAll('*')) {
    if (element.closest('svg') && element.tagName.toLowerCase() !== 'svg') continue;
    const r = element.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom > box.bottom + 1 || r.right > frame.right + 1) {
      found.push({slide: index + 1, element: element.tagName.toLowerCase() + '.' + element.className,
                  bottom: Math.round(r.bottom - box.bottom), right: Math.round(r.right - frame.right)});
      break;
    }
  }
});
return found;
"""


@pytest.fixture(scope="session")
def deck_dir():
    deck = pathlib.Path(os.environ.get("DISCERN_BROWSER_DECK", pathlib.Path(__file__).resolve().parents[2] / ".build/browser-deck"))
    if not (deck / "index.html").is_file():
        pytest.fail(f"no built deck at {deck}: run Scripts/browser-checks, or set DISCERN_BROWSER_DECK")
    return deck.resolve()


def load_printed(browser, deck_dir):
    emulate(browser, media="print")
    browser.get((deck_dir / "index.html").as_uri())
    fit_window_to_page(browser, 1280, max_height=40000)


def test_every_slide_fits_its_frame_in_print(browser, deck_dir, artifacts_dir):
    load_printed(browser, deck_dir)
    screenshot(browser, artifacts_dir / "screenshots" / "deck-print.png")
    frames = browser.execute_script(
        "return [...document.querySelectorAll('.slide-frame')].map(f => [f.offsetWidth, f.offsetHeight])")
    assert len(frames) >= 10
    # 13.333 × 7.5 in at 96 px to the inch.
    assert all(abs(w - 1280) <= 1 and abs(h - 720) <= 1 for w, h in frames), frames[:3]
    overflowing = browser.execute_script(_OVERFLOW_JS)
    assert not overflowing, f"content runs out of its slide: {overflowing}"


def test_the_fit_check_finds_a_slide_that_overflows(browser, deck_dir):
    load_printed(browser, deck_dir)
    browser.execute_script(
        "document.querySelector('.slide-narrative .slide-body').insertAdjacentHTML('beforeend', "
        "'<p>' + 'A paragraph too long for any slide. '.repeat(400) + '</p>')")
    overflowing = browser.execute_script(_OVERFLOW_JS)
    assert [o["slide"] for o in overflowing], "a slide stuffed with text was not caught"


def test_screen_shows_every_chart(browser, deck_dir, artifacts_dir):
    emulate(browser)
    browser.get((deck_dir / "index.html").as_uri())
    fit_window_to_page(browser, 1280, max_height=40000)
    screenshot(browser, artifacts_dir / "screenshots" / "deck-screen.png")
    sizes = browser.execute_script(
        "return [...document.querySelectorAll('.slide svg.chart-svg')].map(s => s.getBoundingClientRect().height)")
    assert sizes and all(h > 40 for h in sizes), sizes


def test_deck_accessibility(browser, deck_dir):
    emulate(browser)
    browser.get((deck_dir / "index.html").as_uri())
    fit_window_to_page(browser, 1280, max_height=40000)
    violations = blocking_violations(run_axe(browser))
    assert not violations, describe_violations(violations)
    assert not svg_text_contrast_failures(browser)


def test_deck_has_no_script(deck_dir):
    html = (deck_dir / "index.html").read_text(encoding="utf-8").lower()
    assert "<script" not in html and "javascript:" not in html


# What the Nu checker's CSS grammar predates: container-query units (cqi, which it calls
# an "Unknown dimension") and three properties every current browser supports.
NEWER_CSS = ("Unknown dimension", "“aspect-ratio”", "“container-type”", "“color-scheme”")


def test_deck_is_valid_html(deck_dir):
    from static_checks import describe, is_error, load_allowlist, run_vnu, unexpected_warnings

    messages = run_vnu([deck_dir / "index.html", deck_dir / "assets" / "style.css"])
    errors = [m for m in messages if is_error(m) and not (
        m["file"].endswith(".css") and any(known in m["message"] for known in NEWER_CSS))]
    assert not errors, f"vnu found {len(errors)} errors:\n" + describe(errors, deck_dir)
    unexpected = unexpected_warnings(messages, load_allowlist())
    assert not unexpected, "vnu warnings not in vnu-allowlist.txt:\n" + describe(unexpected, deck_dir)
