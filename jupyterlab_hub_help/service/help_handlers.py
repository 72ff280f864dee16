"""Help where JupyterLab is not: the help page (``help``), what it reads
(``api/help``), its scripts and translations (``static/``, ``locale/``), and
what the hub's login page may show anyone (``api/public``, off unless the
operator turns it on with ``--public``).

The page is an HTML shell; the script built from ``src/`` (into
``static/``) fills it from ``api/help``.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Sequence

from tornado import web

from .document import Served
from .handlers import ApiError, BaseHandler, PageHandler, served

#: The languages the package ships, one folder each (fr_FR, es_ES); English is the source.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "jupyterlab_hub_help"
ENGLISH = "en"
EMPTY = Served.of(b"{}")
#: ``locale/auto``: the reader's language, chosen here from Accept-Language.
AUTO = "auto"
#: English, the language every string is written in, as a catalogue of no strings.
ENGLISH_BUNDLE = Served.of(json.dumps(
    {"": {"domain": DOMAIN, "language": ENGLISH, "plural_forms": "nplurals=2; plural=(n != 1);"}}
).encode())


def languages() -> List[str]:
    """``en`` and the languages shipped in ``locale/``."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir()) \
        if LOCALE_DIR.is_dir() else []
    return [ENGLISH, *found]


_RANGE = re.compile(r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]{1,5}))?\s*$")


def best_language(header: str, available: Sequence[str]) -> str:
    """The best of ``available`` (``en``, ``fr_FR``...) for an
    Accept-Language header: by weight, then by order; a tag matches its own
    language exactly or by its first part (``fr-CA`` takes ``fr_FR``)."""
    ranges = []
    for order, part in enumerate(header.split(",")[:50]):
        match = _RANGE.match(part)
        if not match:
            continue
        try:
            weight = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        if weight > 0:
            ranges.append((-weight, order, match.group(1).lower()))
    for _, _, tag in sorted(ranges):
        if tag == "*":
            return ENGLISH
        exact = [a for a in available if a.replace("_", "-").lower() == tag]
        primary = [a for a in available if a.split("_")[0].lower() == tag.split("-")[0]]
        if exact or primary:
            return (exact or primary)[0]
    return ENGLISH


class HelpPageHandler(PageHandler):
    """The help page's shell, for the signed-in person."""

    content_security_policy = (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'"
    )

    def set_default_headers(self) -> None:
        super().set_default_headers()
        self.set_header("Referrer-Policy", "same-origin")

    async def get(self) -> None:
        model = await self.signed_in()
        if model is None:
            return
        language = best_language(self.request.headers.get("Accept-Language", ""), languages())
        self.finish(shell(self.service.options.prefix, language, self.hub_auth.hub_prefix,
                          model["name"]))


def shell(prefix: str, language: str, hub_prefix: str, user: str) -> str:
    """The help page's HTML, which the script in ``static/help.js`` fills."""
    attribute = lambda text: html.escape(text, quote=True)  # noqa: E731
    return (
        f'<!doctype html><html lang="{attribute(language.replace("_", "-"))}" dir="ltr"><head>'
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>Get help</title><link rel="stylesheet" href="static/help.css"></head>\n'
        '<body><div id="jupyterlab-hub-help-page"'
        f' data-service="{attribute(prefix)}" data-language="{attribute(language)}"'
        f' data-hub-prefix="{attribute(hub_prefix)}" data-user="{attribute(user)}"></div>'
        "<noscript>This help page needs JavaScript; the same help is in the Get help panel "
        "of JupyterLab.</noscript>"
        '<script src="static/help.js" defer></script></body></html>'
    )


class HelpApiHandler(BaseHandler):
    """What the help page shows: who is looking, as the hub says, and the
    operator's document with its problems."""

    def get(self) -> None:
        model = self.current_user
        document, problems = self.service.operator_document()
        groups = model.get("groups")
        self.write_json({
            "viewer": {
                "name": model["name"],
                "kind": model.get("kind", "user"),
                "admin": model.get("admin") is True,
                "groups": [g for g in groups if isinstance(g, str)] if isinstance(groups, list) else [],
            },
            "document": document,
            "documentProblems": problems,
            "hubPrefix": self.hub_auth.hub_prefix,
        })


class PublicHandler(BaseHandler):
    needs_user = False

    def get(self) -> None:
        self.set_header("Cache-Control", "no-cache")
        served(self, self.service.public() if self.service.options.public else EMPTY)


class StaticHandler(web.StaticFileHandler):
    """The help page's and the hub pages' scripts and styles: revalidated by
    ETag, so a new release is taken at the next load."""

    def initialize(self, service) -> None:
        super().initialize(path=service.options.static_dir)

    def set_extra_headers(self, path: str) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "no-cache")


@lru_cache(maxsize=8)
def _bundle(path: Path, mtime: float) -> Served:
    return Served.of(path.read_bytes())


class LocaleHandler(BaseHandler):
    """A language's translations, as JupyterLab loads them (compiled from
    the .po files by the build)."""

    needs_user = False

    def get(self, language: str) -> None:
        if language == AUTO:
            # The box on the hub's pages, which do not know the reader's
            # language: the same choice as the help page's.
            self.set_header("Vary", "Accept-Language")
            language = best_language(self.request.headers.get("Accept-Language", ""),
                                     languages())
            if language == ENGLISH:
                self.set_header("Cache-Control", "no-cache")
                served(self, ENGLISH_BUNDLE)
                return
        path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.json"
        bundle: Optional[Served] = None
        if language in languages():
            try:
                bundle = _bundle(path, path.stat().st_mtime)
            except OSError:
                bundle = None
        if bundle is None:
            raise ApiError(404, "not-found", f"There are no translations for {language[:20]!r}.")
        self.set_header("Cache-Control", "no-cache")
        served(self, bundle)


ROUTES = (
    ("help", HelpPageHandler),
    ("api/help", HelpApiHandler),
    ("api/public", PublicHandler),
    (r"static/(.*)", StaticHandler),
    (r"locale/([A-Za-z_]+)", LocaleHandler),
)
