"""Every check on the sources in one call, as ``buildMetadata`` in build.ts:
each source's document checked alone, the metadata URL's limited to what
the settings grant it, then the sources merged and cross-checked."""

from __future__ import annotations

from typing import Any, List, Optional

from .authority import limit_remote_authority
from ..shared import PLUGIN_ID
from .checker import Checker
from .merge import SourceDocument, defaults_document, merge_problems
from .parse import parse_document
from .problems import Problem


#: Stands for a source that was not given at all (``None`` is JSON null).
MISSING: Any = object()


def unwrap(value: Any) -> Any:
    """A metadata URL may serve the overrides file as it is:
    ``{"jupyterlab-hub-help:plugin": {...}}`` holding only our settings."""
    if isinstance(value, dict) and len(value) == 1 and PLUGIN_ID in value:
        return value[PLUGIN_ID]
    return value


def build_problems(
    settings: Any = MISSING, remote: Any = MISSING, checker: Optional[Checker] = None
) -> List[Problem]:
    """The problems ``buildMetadata({settings, remote})`` reports."""
    parsed_settings = (
        parse_document(settings, "settings", checker) if settings is not MISSING else None
    )
    parsed_remote = None
    if remote is not MISSING:
        granted = (
            parsed_settings.document.get("metadataUrlMaySet") if parsed_settings else None
        )
        parsed_remote = limit_remote_authority(
            parse_document(unwrap(remote), "metadata-url", checker), granted
        )
    sources = [defaults_document()]
    problems: List[Problem] = []
    for name, parsed in (("settings", parsed_settings), ("metadata-url", parsed_remote)):
        if parsed is not None:
            sources.append(SourceDocument(name, parsed.document, parsed.positions))
            problems += parsed.problems
    return problems + merge_problems(sources)
