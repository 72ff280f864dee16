"""The built-in catalogue's ids the Python checks need are the ones in
defaults.ts: read from the TypeScript sources, compared here, so that a
change on one side fails until the other follows. (Limits, ids and codes
come from shared.json on both sides: see test_shared.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jupyterlab_hub_help.shared import PROBLEM_CODES
from jupyterlab_hub_help.validate import catalogue
from jupyterlab_hub_help.validate.problems import _MESSAGES, _NUMBER_MESSAGE, _TYPE_MESSAGES, CODES

METADATA = Path(__file__).resolve().parents[2] / "src" / "metadata"

pytestmark = pytest.mark.skipif(
    not METADATA.is_dir(), reason="needs the TypeScript sources (a source checkout)"
)


def read(name: str) -> str:
    return (METADATA / name).read_text("utf-8")


def _function_body(source: str, name: str) -> str:
    start = source.index(f"function {name}(")
    following = source.find("\nfunction ", start + 1)
    return source[start : following if following > 0 else len(source)]


def test_role_aliases():
    block = read("defaults.ts").split("ROLE_ALIASES")[1].split("};")[0]
    aliases = dict(re.findall(r"'([a-z-]+)': '([a-z-]+)'", block))
    assert aliases == catalogue.ROLE_ALIASES


def test_built_in_roles():
    body = _function_body(read("defaults.ts"), "builtInRoles")
    # The role entries are the keys indented by six spaces in the returned object.
    roles = re.findall(r"^    '?([a-z-]+)'?: \{", body, re.MULTILINE)
    assert tuple(roles) == catalogue.BUILT_IN_ROLES


def test_built_in_tasks():
    body = _function_body(read("defaults.ts"), "builtInTasks")
    entries = re.findall(r"^    \{\n(.*?)^    \}", body, re.MULTILINE | re.DOTALL)
    tasks = []
    for entry in entries:
        task_id = re.search(r"^      id: '([a-z0-9-]+)'", entry, re.MULTILINE).group(1)
        owner = re.search(r"^      owner: '([a-z-]+)'", entry, re.MULTILINE).group(1)
        assert re.search(r"^      title: ", entry, re.MULTILINE), task_id
        tasks.append((task_id, owner))
    assert tuple(tasks) == catalogue.BUILT_IN_TASKS


def test_built_in_outage_categories():
    block = read("defaults.ts").split("outageCategories: [")[1].split("],")[0]
    ids = re.findall(r"id: '([a-z-]+)'", block)
    recipients = dict(
        re.findall(r"id: '([a-z-]+)',\s*label: [^}]*?recipient: '([a-z-]+)'", block, re.DOTALL)
    )
    assert tuple((i, recipients.get(i)) for i in ids) == catalogue.BUILT_IN_OUTAGE_CATEGORIES


def test_problem_codes_and_reasons():
    source = read("problems.ts")
    codes = PROBLEM_CODES
    assert set(codes) <= set(CODES)
    # Every reason is the same text as describeReason's (joined where the
    # TypeScript source splits it over lines).
    flat = re.sub(r"'\s*\+?\s*\n\s*'", "", source)
    flat = re.sub(r"\s+", " ", flat)
    for code in codes:
        if code != "type":
            assert _MESSAGES[code].replace('"', "'") in flat.replace('"', "'"), code
    # A type problem's sentence is picked by the type expected, as typeReason.
    type_reason = re.sub(r"\s+", " ", _function_body(source, "typeReason"))
    sentences = dict(re.findall(r"case '(\w+)': return trans\.__\('([^']*)'\);", type_reason))
    assert sentences == _TYPE_MESSAGES
    assert f"default: return trans.__('{_NUMBER_MESSAGE}');" in type_reason
