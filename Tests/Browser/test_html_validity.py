"""HTML validity gate: the Nu HTML checker (vnu.jar) finds no error in any page or in the
stylesheet, and every warning it gives is one that vnu-allowlist.txt accepts."""

import pytest

from static_checks import describe, is_error, load_allowlist, run_vnu, unexpected_warnings


@pytest.fixture(scope="module")
def vnu_messages(site_dir):
    files = sorted(site_dir.rglob("*.html")) + sorted(site_dir.rglob("*.css"))
    assert len(files) > 5, f"expected a built site in {site_dir}"
    return run_vnu(files)


def test_no_errors(vnu_messages, site_dir):
    errors = [m for m in vnu_messages if is_error(m)]
    assert not errors, f"vnu found {len(errors)} errors:\n" + describe(errors, site_dir)


def test_every_warning_is_allowlisted(vnu_messages, site_dir):
    unexpected = unexpected_warnings(vnu_messages, load_allowlist())
    assert not unexpected, (f"vnu gave {len(unexpected)} warnings not in vnu-allowlist.txt:\n"
                            + describe(unexpected, site_dir))
