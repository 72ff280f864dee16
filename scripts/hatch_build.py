"""The project's Hatch build hook (Hatch takes one custom hook; pyproject.toml runs it before
jupyter-builder's, which it may tell to stand down).

- Every wheel compiles each language's .po into the bundle JupyterLab loads (scripts/i18n.py
  compile). A release wheel carries the bundles; an editable install reads them where they are
  written, beside the .po files.
- pre-commit's environment for our hook (.pre-commit-hooks.yaml) gets the validator without
  the labextension, so that operators need no Node.js: see `in_pre_commit_hook_environment`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Where a wheel installs the schema (its shared data, see pyproject.toml), which is where the
# validator looks for it (jupyterlab_hub_help/validate/schema.py).
SCHEMA_IN_WHEEL = "share/jupyter/labextensions/jupyterlab-hub-help/schemas/jupyterlab-hub-help/plugin.json"


def in_pre_commit_hook_environment(root: str) -> bool:
    """Whether this is pre-commit installing the hook: for a `language: python` hook it clones
    the repository, makes a virtual environment inside the clone named `py_env-<python>`, and
    runs `pip install .` in the clone with VIRTUAL_ENV naming that environment (pre-commit's
    languages/python.py and lang_base.environment_dir). No other install puts the environment
    inside the tree it builds under that name; the operator sets nothing. pip does not cache
    wheels built from a folder, so the wheel made here goes nowhere but that environment."""
    venv = os.environ.get("VIRTUAL_ENV")
    if not venv:
        return False
    venv_path = Path(venv).resolve()
    return venv_path.name.startswith("py_env-") and venv_path.parent == Path(root).resolve()


class ProjectBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        if version == "standard" and in_pre_commit_hook_environment(self.root):
            self.validator_only(build_data)
        self.compile_translations(version, build_data)

    def validator_only(self, build_data: dict) -> None:
        """No labextension (jupyter-builder's hook, next, reads SKIP_JUPYTER_BUILDER in this
        process, which builds this one wheel), but the schema the validator applies."""
        self.app.display_info("pre-commit hook environment: the validator only, no labextension")
        os.environ["SKIP_JUPYTER_BUILDER"] = "1"
        build_data["shared_data"][str(Path(self.root, "schema", "plugin.json"))] = SCHEMA_IN_WHEEL

    def compile_translations(self, version: str, build_data: dict) -> None:
        spec = importlib.util.spec_from_file_location("hub_help_i18n", Path(__file__).with_name("i18n.py"))
        i18n = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = i18n  # its dataclasses look their module up there
        spec.loader.exec_module(i18n)
        for path in i18n.compile_all():
            # The bundles are build outputs, ignored by git, which hatch leaves out unless told.
            if version == "standard":
                build_data["force_include"][str(path)] = path.relative_to(i18n.ROOT).as_posix()
