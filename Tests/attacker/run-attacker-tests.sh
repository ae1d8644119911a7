#!/bin/sh
# The independent attacker (issue 16): Tests/attacker/test_attacker.py builds each fixture in
# Tests/Fixtures/attacker/ with the debug discern, runs `discern audit` on it and
# Tests/attacker/attack.py (scipy's linprog, HiGHS) on the built files, and fails unless the
# attacker's interval for every hidden team value agrees with the audit's; it also shows
# that a hand-edited leaky site is caught. Python packages are pinned in requirements.txt and
# installed into a venv at .build/attacker-venv (needs python3 >= 3.11 for scipy 1.17.1).
# Assumes `swift build` has run; builds the discern product if it has not.
set -eu
cd "$(dirname "$0")/../.."
VENV="$PWD/.build/attacker-venv"
if [ ! -x .build/debug/discern ]; then
    swift build --product discern
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
# pip does nothing when the pinned versions are already there.
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r Tests/attacker/requirements.txt
DISCERN="$PWD/.build/debug/discern" PYTHONDONTWRITEBYTECODE=1 "$VENV/bin/python" Tests/attacker/test_attacker.py
