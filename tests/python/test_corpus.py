"""The hostile corpus through the Python validator.

Every case in tests/corpus/cases (format in tests/corpus/README.md) must give
exactly the problems it lists, as the jest runner
(src/metadata/__tests__/corpus.spec.ts) asserts for the TypeScript layer, so
the two agree case by case on what is refused and on the JSON paths.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

import pytest

from jupyterlab_hub_help.validate import MISSING, build_problems

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
CASES = sorted((CORPUS / "cases").glob("*.json"))
REPRESENTATIVE_CODES = ("no-representative", "too-many-representatives")


def inputs(case: Dict[str, Any]) -> Dict[str, Any]:
    """The case's sources, with any generated document built (without
    recursion: a document 10,000 deep must not need a deep stack)."""
    sources = {k: case[k] for k in ("settings", "remote") if k in case}
    spec = case.get("generate")
    if spec:
        target = sources.get(spec["target"])
        doc = dict(target) if isinstance(target, dict) else {}
        if spec["kind"] == "large":
            doc["announcements"] = ["x" * spec["chars"]]
        else:
            nested: List[Any] = []
            for _ in range(1, spec["depth"]):
                nested = [nested]
            doc["tasks"] = nested
        sources[spec["target"]] = doc
    return sources


def compare(expected: List[dict], actual: list) -> Dict[str, List[str]]:
    """Expected and actual problems as multisets; params only when given."""
    lists_representatives = any(p["code"] in REPRESENTATIVE_CODES for p in expected)
    left = Counter()
    with_params = Counter()
    for p in actual:
        if p.code in REPRESENTATIVE_CODES and not lists_representatives:
            continue
        left[p.key()] += 1
        with_params[p.key() + (tuple(p.params),)] += 1
    missing = []
    # Those with params first, so that a looser expectation cannot take the
    # problem a stricter one needs.
    ordered = [p for p in expected if "params" in p] + [p for p in expected if "params" not in p]
    for p in ordered:
        key = (p["source"], p["path"], p["code"], p["severity"])
        if "params" in p:
            full = key + (tuple(p["params"]),)
            if with_params[full] > 0:
                with_params[full] -= 1
                left[key] -= 1
                continue
            missing.append(f"{' '.join(key)} {json.dumps(p['params'])}")
        elif left[key] > 0:
            left[key] -= 1
            for full in with_params:
                if full[:4] == key and with_params[full] > 0:
                    with_params[full] -= 1
                    break
        else:
            missing.append(" ".join(key))
    unexpected = [" ".join(key) for key, n in left.items() for _ in range(n)]
    return {"missing": missing, "unexpected": unexpected}


def test_the_corpus_is_there():
    assert len(CASES) > 100


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(case_file):
    case = json.loads(case_file.read_text("utf-8"))
    sources = inputs(case)
    problems = build_problems(
        sources.get("settings", MISSING), sources.get("remote", MISSING)
    )
    for p in problems:
        assert p.path.startswith("$") and p.source and p.code and p.severity
        assert all(isinstance(param, str) for param in p.params)
    assert compare(case["problems"], problems) == {"missing": [], "unexpected": []}, case[
        "description"
    ]
