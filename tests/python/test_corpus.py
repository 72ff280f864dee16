"""The hostile corpus through the Python validator.

Every case in tests/corpus/cases (format in tests/corpus/README.md) must give
exactly the problems it lists, as the jest runner
(src/metadata/__tests__/corpus.spec.ts) asserts for the TypeScript layer, so
the two agree case by case on what is refused and on the JSON paths.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Dict, List

REPRESENTATIVE_CODES = ("no-representative", "too-many-representatives")


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


def test_the_corpus_is_there(corpus_cases):
    assert len(corpus_cases) > 100


def test_case(corpus_case, case_problems):
    problems = case_problems(corpus_case)
    for p in problems:
        assert p.path.startswith("$") and p.source and p.code and p.severity
        assert all(isinstance(param, str) for param in p.params)
    assert compare(corpus_case["problems"], problems) == {"missing": [], "unexpected": []}, corpus_case[
        "description"
    ]
