"""Fixtures for the browser quality gates.

The site under test is the folder named by DISCERN_BROWSER_SITE (Scripts/browser-checks
builds it into .build/browser-site); screenshots and axe reports go to
DISCERN_BROWSER_ARTIFACTS (.build/browser-artifacts). One headless Chromium is shared by
the whole session; the `browser` fixture hands it out and puts it back to a plain light,
screen, 1280-wide state after every test.
"""

import os
import pathlib
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from browser_helpers import emulate

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir():
    site = pathlib.Path(os.environ.get("DISCERN_BROWSER_SITE", REPO / ".build/browser-site"))
    if not (site / "index.html").is_file():
        pytest.fail(f"no built site at {site}: run Scripts/browser-checks, or set DISCERN_BROWSER_SITE")
    return site.resolve()


@pytest.fixture(scope="session")
def artifacts_dir():
    folder = pathlib.Path(os.environ.get("DISCERN_BROWSER_ARTIFACTS", REPO / ".build/browser-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def _find(env_name, *names):
    if os.environ.get(env_name):
        return os.environ[env_name]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"none of {names} is on PATH (set {env_name}); Scripts/browser-checks installs them")


@pytest.fixture(scope="session")
def driver():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(argument)
    # Naming both binaries keeps Selenium Manager (which would go to the network) out of it.
    options.binary_location = _find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome")
    service = Service(executable_path=_find("CHROMEDRIVER", "chromedriver"))
    chrome = webdriver.Chrome(options=options, service=service)
    chrome.set_script_timeout(120)
    chrome.set_page_load_timeout(60)
    yield chrome
    chrome.quit()


@pytest.fixture
def browser(driver):
    """The shared driver, reset to light screen media at 1280x900 after the test."""
    driver.set_window_size(1280, 900)
    yield driver
    emulate(driver)
    driver.set_window_size(1280, 900)
