"""Strict JSON in, strict JSON out: whatever a client sends, the service
stores only what JavaScript's JSON.parse reads back as the same value, and
the document it serves is one every panel can read. Every case of the
hostile corpus (tests/corpus), and every hostile text, goes through the
path a PUT takes (the strict reader, the format's checks, the stored text,
the assembled document); Node.js then parses every document served."""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path

import pytest

from conftest import case_sources
from jupyterlab_hub_help.service import checks
from jupyterlab_hub_help.service.document import assemble
from jupyterlab_hub_help.validate.strictjson import StrictJsonError, dumps, loads

ROOT = Path(__file__).resolve().parents[3]
SECTIONS = ("people", "announcements", "tasks")


def _text(value) -> bytes:
    """A section's value as a client might send it, numbers out of range and
    all (a document nested deeper than Python's encoder goes, built by hand)."""
    try:
        return json.dumps({"value": value}, allow_nan=True).encode()
    except RecursionError:
        depth = 0
        while isinstance(value, list) and value:
            value, depth = value[0], depth + 1
        return b'{"value": ' + b"[" * (depth + 1) + b"]" * (depth + 1) + b"}"


def _bodies(corpus_cases, hostile):
    for name, case in corpus_cases.items():
        for source, document in case_sources(case).items():
            if not isinstance(document, dict):
                continue
            for section in SECTIONS:
                if section in document:
                    yield f"{name}:{source}:{section}", section, _text(document[section])
    for i, text in enumerate(hostile["texts"]):
        person = {"name": text, "roles": ["hub-administrator"], "note": text}
        yield f"hostile-text:{i}", "people", _text([person])
        yield f"hostile-text:{i}:status", "status", _text({"text": text})
    for raw in ('{"value": ["a", 1e400]}', '{"value": [NaN]}', '{"value": ["\\udfff"]}',
                '{"value": [{"text": "a", "text": "b"}]}'):
        yield raw, "announcements", raw.encode()


def test_every_document_served_is_read_by_json_parse(corpus_cases, tmp_path):
    hostile = json.loads((ROOT / "tests" / "corpus" / "hostile-text.json").read_text("utf-8"))
    served, refused = [], 0
    for label, section, body in _bodies(corpus_cases, hostile):
        outcome = checks.section_body(section, body)
        if outcome.refusal:
            status, error, _, _ = outcome.refusal
            assert status in (400, 422), label
            refused += 1
            continue
        stored = dumps(outcome.value)
        # What is stored reads back as the value that was checked.
        assert json.loads(stored) == outcome.value, label
        served.append((label, assemble({section: stored})))
    assert len(served) > 100 and refused > 10
    folder = tmp_path / "served"
    folder.mkdir()
    for i, (_, body) in enumerate(served):
        (folder / f"{i}.json").write_bytes(body)
    script = (
        "const fs = require('fs'); const dir = process.argv[1]; const bad = [];"
        "for (const f of fs.readdirSync(dir)) {"
        "  try { JSON.parse(fs.readFileSync(dir + '/' + f, 'utf8')); }"
        "  catch (e) { bad.push(f + ': ' + e.message); } }"
        "console.log(JSON.stringify(bad));"
    )
    done = subprocess.run(["node", "-e", script, str(folder)], capture_output=True, text=True,
                          check=True)
    bad = json.loads(done.stdout)
    assert bad == [], [served[int(b.split(".")[0])][0] + " " + b for b in bad]


@pytest.mark.parametrize("text, reason", [
    ('{"a": 1e400}', "too large"),
    ('{"a": -1e999}', "too large"),
    ('{"a": NaN}', "NaN is not a JSON value"),
    ('{"a": Infinity}', "Infinity is not a JSON value"),
    ('{"a": 1, "a": 2}', 'the key "a" appears twice'),
    ('{"a": ["\\ud800"]}', "the text at $.a[0] holds a lone surrogate"),
    ('{"\\udc00": 1}', "a key at $ holds a lone surrogate"),
    ('[' * 40 + ']' * 40, "nested deeper than 34 levels"),
    ('[' * 100_000 + ']' * 100_000, "nested deeper than 34 levels"),
    ('{"a": 1' + "0" * 5000 + '}', "is too large for JSON readers"),
])
def test_the_strict_reader_names_why(text, reason):
    with pytest.raises(StrictJsonError) as refused:
        loads(text.encode("utf-8"), 34)
    assert reason in str(refused.value)


def test_the_strict_reader_keeps_what_javascript_keeps():
    assert loads('{"a": [1, 2.5, "😀", "\\ud83d\\ude00", true, null]}'.encode(), 34) == {
        "a": [1, 2.5, "😀", "😀", True, None]}
    assert math.isfinite(loads(b"1.7976931348623157e308", 34))
    with pytest.raises(ValueError):
        dumps(float("inf"))
