"""What TypeScript and Python share comes from ``jupyterlab_hub_help/shared.json``
only: a value of it typed by hand in the panel's or the package's code fails here.

The built-in catalogue (``src/metadata/defaults.ts`` and its ids in
``validate/catalogue.py``) is data, compared by ``test_catalogue.py``; tests,
generated files and frozen migrations may say what they check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

from jupyterlab_hub_help import shared

ROOT = Path(__file__).resolve().parents[2]
SHARED = json.loads((ROOT / "jupyterlab_hub_help" / "shared.json").read_text("utf-8"))

pytestmark = pytest.mark.skipif(
    not (ROOT / "src").is_dir(), reason="needs the TypeScript sources (a source checkout)"
)

#: Catalogue data, and what other meaning a value has there.
EXEMPT = {
    "src/metadata/defaults.ts": "the built-in catalogue",
    "jupyterlab_hub_help/validate/catalogue.py": "the built-in catalogue's ids",
}
#: A place where one of the values means something else.
ELSEWHERE = {
    ("jupyterlab_hub_help/init/output.py", "hub-help"): "the name of a zero-to-jupyterhub extraFiles entry",
}


def _quoted(value: str) -> str:
    return rf"""(?<![\w-])['"]{re.escape(value)}['"]"""


def _listed(values: List[str], together: int = 2) -> str:
    """``together`` of ``values`` next to each other in a list, as a hand-typed
    copy has them."""
    one = rf"""['"](?:{"|".join(re.escape(v) for v in values)})['"]"""
    return one + rf"\s*,\s*{one}" * (together - 1)


def _patterns() -> List[Tuple[str, str]]:
    strings = [
        SHARED["pluginId"],
        SHARED["communityService"],
        SHARED["serverExtensionPath"],
        SHARED["statusId"],
        *(role for key, role in SHARED["roles"].items() if key != "user"),
    ]
    numbers = {str(v) for v in SHARED["documentLimits"].values() if v >= 1000}
    return [
        *((value, _quoted(value)) for value in strings),
        ("the sections", _listed(SHARED["sections"])),
        ("the representatives' problems", _listed(SHARED["representativeProblems"])),
        # Three: "minimum" and "maximum" are also the schema's keywords.
        ("the problem codes", _listed(SHARED["problemCodes"], 3)),
        *((n, rf"\b{n[:-6]}_?{n[-6:-3]}_?{n[-3:]}\b") for n in numbers),
        ("the format version", r"FORMAT_VERSION\s*[:=]\s*\d"),
    ]


def _sources() -> Iterator[Path]:
    for pattern in ("src/**/*.ts", "src/**/*.tsx", "jupyterlab_hub_help/**/*.py"):
        for path in ROOT.glob(pattern):
            relative = path.relative_to(ROOT).as_posix()
            if (
                "/__tests__/" in relative
                or relative.startswith("src/generated/")
                or "/alembic/versions/" in relative
                or relative in EXEMPT
            ):
                continue
            yield path


def _code(text: str) -> str:
    """The text without comments and docstrings, which may name the values
    (each kept as its line breaks, so that lines keep their numbers)."""
    blank = lambda match: "\n" * match.group(0).count("\n")  # noqa: E731
    text = re.sub(r'"""[\s\S]*?"""', blank, text)
    text = re.sub(r"/\*[\s\S]*?\*/", blank, text)
    return re.sub(r"(^|\s)(#|//).*", "", text, flags=re.MULTILINE)


def hand_typed(relative: str, text: str) -> List[str]:
    found = []
    code = _code(text)
    for what, pattern in _patterns():
        if (relative, what) in ELSEWHERE:
            continue
        for match in re.finditer(pattern, code):
            line = code.count("\n", 0, match.start()) + 1
            found.append(f"{relative}:{line}: {what!r} typed by hand ({match.group(0)!r})")
    return found


def test_no_shared_value_is_typed_by_hand():
    found = []
    for path in _sources():
        found += hand_typed(path.relative_to(ROOT).as_posix(), path.read_text("utf-8"))
    assert found == [], "use jupyterlab_hub_help/shared.py or src/generated/shared.ts:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        "export const COMMUNITY_STATUS = 'community-status';",
        'STATUS_ID = "community-status"',
        "const SECTIONS = [\n  'people',\n  'announcements'\n];",
        'CODES = ("no-representative", "too-many-representatives")',
        "documentMaxChars: 5_000_000,",
        "export const FORMAT_VERSION = 1;",
        "RoleIDs.x = 'hub-administrator'",
    ],
)
def test_the_check_sees_a_hand_typed_copy(text):
    assert hand_typed("src/example.ts", text)


def test_comments_may_name_the_values():
    assert hand_typed("src/example.ts", "// the id 'community-status'\n/** 'hub-help' */") == []


def test_python_reads_every_shared_value():
    assert shared.SECTIONS == tuple(SHARED["sections"])
    assert shared.PROBLEM_CODES == tuple(SHARED["problemCodes"])
    assert set(shared.REPRESENTATIVE_PROBLEMS) <= set(shared.PROBLEM_CODES)
    assert "/".join(shared.SERVER_EXTENSION_PATH) == SHARED["serverExtensionPath"]
    assert dict(shared.TASK_NOTE_KEYS) == {k: frozenset(v) for k, v in SHARED["taskNote"].items()}


def test_the_generated_module_is_the_shared_file():
    generated = ROOT / "src" / "generated" / "shared.ts"
    if not generated.exists():
        pytest.skip("run `jlpm codegen` first")
    exported = re.findall(r"^export const (\w+) = (.*) as const;$", generated.read_text("utf-8"), re.MULTILINE)
    name = lambda key: re.sub(r"([A-Z])", r"_\1", key).upper()  # noqa: E731
    expected = {name(k): v for k, v in SHARED.items() if k != "$comment"}
    assert {k: json.loads(v) for k, v in exported} == expected
