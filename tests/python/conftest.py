"""Shared fixtures for the validator's tests."""

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

from jupyterlab_hub_help.validate import MISSING, build_problems

ROOT = Path(__file__).resolve().parents[2]
CORPUS_CASES = sorted((ROOT / "tests" / "corpus" / "cases").glob("*.json"))


@pytest.fixture
def installed_schema(tmp_path, monkeypatch) -> Path:
    """The package as a wheel installs it: no source tree, no labextension
    folder inside the package, the schema under the environment's
    share/jupyter/labextensions. Returns where the schema is."""
    from jupyterlab_hub_help.validate import schema

    extension = tmp_path / "share" / "jupyter" / "labextensions" / "jupyterlab-hub-help"
    installed = extension / "schemas" / "jupyterlab-hub-help" / "plugin.json"
    installed.parent.mkdir(parents=True)
    installed.write_text((ROOT / "schema" / "plugin.json").read_text("utf-8"))
    monkeypatch.setattr(schema, "PACKAGE_DIR", tmp_path / "site-packages" / "jupyterlab_hub_help")
    monkeypatch.setattr(schema.sys, "prefix", str(tmp_path))
    return installed


@pytest.fixture
def fixtures() -> Path:
    """Realistic, fictional settings and values files."""
    return Path(__file__).resolve().parent / "fixtures"


def pytest_generate_tests(metafunc):
    """A test that takes ``corpus_case`` runs once per hostile corpus case
    (tests/corpus/cases, format in tests/corpus/README.md), named for its file."""
    if "corpus_case" in metafunc.fixturenames:
        metafunc.parametrize("corpus_case", CORPUS_CASES, ids=[c.stem for c in CORPUS_CASES], indirect=True)


@pytest.fixture
def corpus_case(request) -> Dict[str, Any]:
    return json.loads(request.param.read_text("utf-8"))


@pytest.fixture(scope="session")
def corpus_cases() -> Dict[str, Dict[str, Any]]:
    """Every corpus case by its file's name, in the files' order."""
    return {c.stem: json.loads(c.read_text("utf-8")) for c in CORPUS_CASES}


def case_sources(case: Dict[str, Any]) -> Dict[str, Any]:
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


def _case_problems(case: Dict[str, Any]) -> list:
    sources = case_sources(case)
    return build_problems(sources.get("settings", MISSING), sources.get("remote", MISSING))


@pytest.fixture(scope="session")
def case_problems() -> Callable[[Dict[str, Any]], list]:
    """The validator's problems for a case: a corpus case, or any dict with
    ``settings`` and/or ``remote``."""
    return _case_problems
