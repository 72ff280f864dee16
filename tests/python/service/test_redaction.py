"""The service's redaction on the cases the panel's redaction is held to
(tests/python/fixtures/redaction.json, also read by src/hub/__tests__/redaction.spec.ts)."""

import json
from pathlib import Path

import pytest

from jupyterlab_hub_help.service.redact import redact

CASES = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "redaction.json")
                   .read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_the_service_redacts_as_the_panel_does(case):
    assert redact(case["text"], case["secrets"]) == case["redacted"]
