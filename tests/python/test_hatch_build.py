"""scripts/hatch_build.py: only pre-commit's environment for our hook, made inside the clone
it builds, gets the validator without the labextension."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "scripts" / "hatch_build.py")
hatch_build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hatch_build)


@pytest.mark.parametrize(
    "venv, skipped",
    [
        ("{root}/py_env-python3.11", True),  # pre-commit installing the hook
        ("{root}/.venv", False),  # make setup, or a contributor's pip install .
        ("{root}/sub/py_env-python3", False),
        ("{elsewhere}/py_env-python3", False),  # an environment outside the tree
        (None, False),  # python -m build, or pip outside any environment
    ],
)
def test_only_pre_commit_hook_environments_skip_the_labextension(tmp_path, monkeypatch, venv, skipped):
    root, elsewhere = tmp_path / "clone", tmp_path / "elsewhere"
    if venv is None:
        monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    else:
        monkeypatch.setenv("VIRTUAL_ENV", venv.format(root=root, elsewhere=elsewhere))
    assert hatch_build.in_pre_commit_hook_environment(str(root)) is skipped


def test_the_schema_goes_where_the_validator_looks():
    from jupyterlab_hub_help.validate.schema import LABEXTENSION_NAME, SCHEMA_IN_LABEXTENSION

    expected = Path("share", "jupyter", "labextensions", LABEXTENSION_NAME, SCHEMA_IN_LABEXTENSION)
    assert Path(hatch_build.SCHEMA_IN_WHEEL) == expected
