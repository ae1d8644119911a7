"""No-script gate: the site is meant to work from file:// with no JavaScript at all, so no
HTML or SVG file may hold a <script>, an on...= event handler, or a javascript: URL."""

from static_checks import script_problems


def test_no_file_can_run_script(site_dir):
    files = sorted(site_dir.rglob("*.html")) + sorted(site_dir.rglob("*.svg"))
    assert len(files) > 5, f"expected a built site in {site_dir}"
    found = []
    for path in files:
        for problem in script_problems(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(site_dir)}: {problem}")
    assert not found, "script in the output:\n  " + "\n  ".join(found[:40])
