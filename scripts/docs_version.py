#!/usr/bin/env python3
"""The release the operators' docs name (the pre-commit hook's `rev` and the
`pip install jupyterlab-hub-help==` pin) is the version in package.json.

    python scripts/docs_version.py          # write package.json's version into the docs
    python scripts/docs_version.py --check  # exit 1, naming each place, when they differ

jupyter-releaser runs the first after it bumps the version (pyproject.toml,
`after-bump-version`), so the docs of a release name that release and no other;
tests/python/test_recipes.py runs the second.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [
    ROOT / "docs" / "operators" / "check-before-shipping.md",
    *sorted((ROOT / "docs" / "operators" / "examples" / "pre-commit").glob("*.yaml")),
]
# What names a release: the hook's tag, and a pinned install.
NAMED = re.compile(r"(rev: v|jupyterlab-hub-help==)(\d+\.\d+\.\d+\S*?)(?=[\s,)]|$)", re.M)


def version() -> str:
    return json.loads((ROOT / "package.json").read_text())["version"]


def differing(wanted: str) -> list[str]:
    """Each place naming another release, as FILE:LINE: what it names."""
    found = []
    for path in DOCS:
        text = path.read_text()
        for match in NAMED.finditer(text):
            if match.group(2) != wanted:
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)}")
    return found


def main() -> int:
    wanted = version()
    if "--check" in sys.argv[1:]:
        for place in differing(wanted):
            print(f"{place} (package.json: {wanted})")
        return 1 if differing(wanted) else 0
    for path in DOCS:
        path.write_text(NAMED.sub(lambda m: m.group(1) + wanted, path.read_text()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
