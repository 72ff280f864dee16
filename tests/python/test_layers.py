"""The panel's rooms depend on each other one way (docs/architecture.md): an
import against the arrows fails here, naming the file and the line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

pytestmark = pytest.mark.skipif(not SRC.is_dir(), reason="needs the TypeScript sources")

#: ``import ... from '...'`` and ``import('...')``, with whether it is type-only.
_IMPORT = re.compile(r"""^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]""", re.MULTILINE)
_DYNAMIC = re.compile(r"""import\(\s*['"]([^'"]+)['"]\s*\)""")

#: Each room, and the rooms of ours it must not import.
RULES = {
    "metadata": {"hub", "report", "community", "components", "plugins", "model.ts", "page"},
    "hub": {"report", "community", "components", "plugins", "model.ts", "page"},
    "report": {"community", "components", "plugins", "page"},
    "components": {"hub", "plugins", "page"},
    "community": {"plugins", "page"},
    # The service's pages (help page, hub pages' box): the panel's rooms without
    # JupyterLab, so neither its plugins nor the model that JupyterLab feeds.
    "page": {"plugins", "model.ts"},
    "plugins": {"page"},
}
#: The editor's views render what its sessions answer; only sessions reach the service.
VIEWS = ("components", "community")


def _sources() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*.ts*")):
        if "__tests__" in path.parts or "generated" in path.parts:
            continue
        yield path


def _room(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0] if len(relative.parts) > 1 else relative.name


def _imports(path: Path) -> List[Tuple[int, str, bool]]:
    text = path.read_text("utf-8")
    found = []
    for match in _IMPORT.finditer(text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(2), bool(match.group(1))))
    return found


def _target(path: Path, spec: str) -> str:
    if not spec.startswith("."):
        return ""
    resolved = (path.parent / spec).resolve()
    try:
        relative = resolved.relative_to(SRC)
    except ValueError:
        return ""
    return relative.parts[0] if len(relative.parts) > 1 else relative.name + ".ts"


def test_imports_follow_the_arrows():
    wrong = []
    for path in _sources():
        room = _room(path)
        forbidden = set(RULES.get(room, ()))
        if room in VIEWS and path.suffix == ".tsx":
            forbidden.add("hub")
        for line, spec, type_only in _imports(path):
            target = _target(path, spec)
            if target in forbidden and not (type_only and target == "model.ts"):
                wrong.append(f"src/{path.relative_to(SRC)}:{line}: {room} imports {spec}")
    assert wrong == []


#: What a plugin's eager half may load of ours before JupyterLab is restored
#: (the generated constants shared with Python, not the generated validator).
EAGER = {"ids.ts", "tokens.ts", "icons.ts", "idle.ts"}
EAGER_GENERATED = "/generated/shared"


def test_what_runs_before_restore_is_each_plugins_index():
    wrong = []
    for index in sorted((SRC / "plugins").glob("*/index.ts")):
        text = index.read_text("utf-8")
        name = f"src/{index.relative_to(SRC)}"
        for match in _DYNAMIC.finditer(text):
            spec = match.group(1)
            sibling = index.parent / f"{spec[2:]}.ts"
            if not (spec.startswith("./") and (sibling.exists() or sibling.with_suffix(".tsx").exists())):
                wrong.append(f"{name}: import({spec!r}) is not a file beside it")
        for line, spec, type_only in _imports(index):
            target = _target(index, spec)
            if target and not type_only and target not in EAGER and not spec.endswith(EAGER_GENERATED):
                wrong.append(f"{name}:{line}: loads {spec} before restore")
    assert wrong == []
