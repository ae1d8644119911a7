"""Rendering gate: each key page at a phone width (390) and a laptop width (1280), in
the light and the dark scheme, and printed at 1280. A screenshot of each goes to the
artifacts folder for a person to look at. On screen nothing may stick out sideways;
in every mode each displayed chart must have a real size."""

import pytest

from browser_helpers import (
    PAGES, PAGE_IDS, emulate, fit_window_to_page, horizontal_overflow, inline_svg_boxes, screenshot,
)

# (width, CSS media, colour scheme)
MODES = [
    (390, "", "light"),
    (1280, "", "light"),
    (390, "", "dark"),
    (1280, "", "dark"),
    (1280, "print", "light"),
]
MODE_IDS = [f"{w}-{media or 'screen'}-{scheme}" for w, media, scheme in MODES]


@pytest.mark.parametrize("width,media,scheme", MODES, ids=MODE_IDS)
@pytest.mark.parametrize("name,path,needs_chart", PAGES, ids=PAGE_IDS)
def test_page_renders(browser, site_dir, artifacts_dir, name, path, needs_chart, width, media, scheme):
    emulate(browser, media=media, scheme=scheme)
    browser.get((site_dir / path).as_uri())
    fit_window_to_page(browser, width)
    shot = artifacts_dir / "screenshots" / f"{name}-{width}-{media or 'screen'}-{scheme}.png"
    screenshot(browser, shot)

    if media != "print":
        overflow = horizontal_overflow(browser)
        assert overflow is None, (
            f"{path} at {width}px ({scheme}) is wider than the window: {overflow} (see {shot})")

    boxes = inline_svg_boxes(browser)
    collapsed = [b for b in boxes if b["width"] <= 0 or b["height"] <= 0]
    assert not collapsed, f"{path} at {width}px ({media or 'screen'}): charts with no size: {collapsed[:5]}"
    if needs_chart:
        assert boxes, f"{path} at {width}px ({media or 'screen'}): no visible inline SVG chart"
