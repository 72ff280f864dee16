"""Hatch build hook: every wheel compiles each language's .po into the bundle JupyterLab
loads (scripts/i18n.py compile). A release wheel carries the bundles; an editable install
reads them where they are written, beside the .po files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTranslations(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        spec = importlib.util.spec_from_file_location("hub_help_i18n", Path(__file__).with_name("i18n.py"))
        i18n = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = i18n  # its dataclasses look their module up there
        spec.loader.exec_module(i18n)
        for path in i18n.compile_all():
            # The bundles are build outputs, ignored by git, which hatch leaves out unless told.
            if version == "standard":
                build_data["force_include"][str(path)] = path.relative_to(i18n.ROOT).as_posix()
