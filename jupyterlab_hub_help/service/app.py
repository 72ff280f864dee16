"""The community help service: options, database, hub authentication and
the Tornado application, started by ``main``.

Database work blocks, so it runs in a small thread pool (one thread for
SQLite, whose writers take turns anyway; four for a server database); the
event loop only waits for it. The document every panel polls is kept
serialized in memory with its ETag, replaced on each write here and re-read
every ``--refresh-seconds`` for writes made by another process.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import secrets
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from tornado import web
from tornado.ioloop import IOLoop, PeriodicCallback

from . import EDIT_SCOPE
from .config import parse_options
from .handlers import routes
from .store import SectionState, Store
from .validation import build_document, representatives

log = logging.getLogger("jupyterlab_hub_help.service")
MAX_BODY_BYTES = 8 * 1024 * 1024


def cookie_secret(path: str) -> bytes:
    """The secret that signs the sign-in cookie: HUB_HELP_COOKIE_SECRET (hex),
    else the file, created with a new random secret when missing."""
    given = os.environ.get("HUB_HELP_COOKIE_SECRET")
    if given:
        return bytes.fromhex(given.strip())
    file = Path(path)
    if file.exists():
        return bytes.fromhex(file.read_text().strip())
    secret = secrets.token_bytes(32)
    try:
        fd = os.open(str(file), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another replica wrote it first.
        return bytes.fromhex(file.read_text().strip())
    with os.fdopen(fd, "w") as out:
        out.write(secret.hex())
    return secret


def make_hub_auth(options):
    from jupyterhub.services.auth import HubOAuth

    token = os.environ.get("JUPYTERHUB_API_TOKEN")
    if not token:
        sys.exit(
            "jupyter-hub-help-service: JUPYTERHUB_API_TOKEN is not set. Run it as a JupyterHub "
            "service (c.JupyterHub.services), or set the service's api_token there and here."
        )
    kwargs: Dict[str, Any] = dict(
        api_token=token,
        base_url=options.prefix,
        oauth_client_id=os.environ.get("JUPYTERHUB_CLIENT_ID") or f"service-{options.service_name}",
        cache_max_age=options.auth_cache_seconds,
    )
    if not (os.environ.get("JUPYTERHUB_OAUTH_ACCESS_SCOPES") or os.environ.get("JUPYTERHUB_OAUTH_SCOPES")):
        kwargs["access_scopes"] = {f"access:services!service={options.service_name}"}
    return HubOAuth(**kwargs)


class Service:
    def __init__(self, options, store: Optional[Store] = None, hub_auth=None):
        self.options = options
        self.sections: List[str] = list(options.sections)
        self.seeds = set(options.representatives or [])
        self.hub_auth = hub_auth if hub_auth is not None else make_hub_auth(options)
        self.store = store or Store(options.db_url)
        sqlite = self.store.engine.dialect.name == "sqlite"
        self.pool = ThreadPoolExecutor(1 if sqlite else 4, thread_name_prefix="hub-help-db")
        self._states: Dict[str, SectionState] = {}
        self._representatives: set = set()
        self._document: bytes = b""
        self._etag = ""
        self.remember(self.store.all_sections(), replace=True)

    async def run(self, fn, *args, **kwargs):
        return await IOLoop.current().run_in_executor(self.pool, partial(fn, *args, **kwargs))

    # The cached document

    def remember(self, states: Dict[str, SectionState], replace: bool = False) -> None:
        merged = dict(states) if replace else {**self._states, **states}
        if not replace:
            # Never step back to an older revision read before a newer write.
            for name, state in states.items():
                old = self._states.get(name)
                if old is not None and old.revision > state.revision:
                    merged[name] = old
        self._states = merged
        document = build_document({n: s.value for n, s in merged.items()}, self.sections)
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._document = body
        self._etag = '"' + hashlib.sha256(body).hexdigest()[:24] + '"'
        people = merged.get("people").value if "people" in merged and "people" in self.sections else None
        self._representatives = set(representatives(people))

    def document(self) -> Tuple[bytes, str]:
        return self._document, self._etag

    async def refresh(self) -> None:
        try:
            states = await self.run(self.store.all_sections)
        except Exception:
            log.exception("Could not read the sections again")
            return
        fresh = dict(self._states)
        for name, state in states.items():
            old = fresh.get(name)
            if old is None or state.revision >= old.revision:
                fresh[name] = state
        self.remember(fresh, replace=True)

    # Reading and writing

    async def read_section(self, name: str) -> SectionState:
        state = await self.run(self.store.section, name)
        self.remember({name: state})
        return state

    async def write(self, name: str, value: Any, expected: Optional[int], user: str,
                    kind: str) -> SectionState:
        try:
            state = await self.run(self.store.write, name, value, expected, user, kind)
        except Exception as e:
            current = getattr(e, "current", None)
            if current is not None:
                self.remember({name: current})
            raise
        self.remember({name: state})
        log.info("%s stored %s revision %d (%s)", user, name, state.revision, kind)
        return state

    async def write_many(self, values: Sequence[Tuple[str, Any]], user: str) -> Dict[str, SectionState]:
        states = await self.run(self.store.write_many, values, user, "import")
        self.remember(states)
        log.info("%s imported %s", user, ", ".join(states))
        return states

    # Who may edit

    def editor_reason(self, model: dict) -> Optional[str]:
        """Why the hub user or service ``model`` may edit, or ``None``."""
        if model.get("kind", "user") == "user":
            if model.get("admin") is True:
                return "admin"
            name = model.get("name")
            if name in self.seeds or name in self._representatives:
                return "representative"
        if EDIT_SCOPE in (model.get("scopes") or []):
            return "scope"
        return None

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.store.close()


def make_app(service: Service) -> web.Application:
    return web.Application(
        routes(service.options.prefix, service),
        cookie_secret=cookie_secret(service.options.cookie_secret_file),
        # Cookie-authenticated changes are checked in BaseHandler.authenticate
        # (the hub's XSRF rules); token-authenticated ones need no check.
        xsrf_cookies=False,
        log_function=_log_request,
    )


def _log_request(handler: web.RequestHandler) -> None:
    status = handler.get_status()
    if status < 400:
        level = logging.DEBUG if handler.request.path.endswith(("api/document", "api/health")) else logging.INFO
    elif status < 500:
        level = logging.WARNING
    else:
        level = logging.ERROR
    log.log(level, "%d %s %s %.1fms", status, handler.request.method, handler.request.path,
            1000 * handler.request.request_time())


async def serve(options) -> None:
    service = Service(options)
    app = make_app(service)
    # A section's document is at most a million characters (the validator's limit).
    server = app.listen(options.port, address=options.ip, xheaders=True,
                        max_body_size=MAX_BODY_BYTES)
    log.info("Community help service at http://%s:%d%s (database %s, sections %s)",
             options.ip, options.port, options.prefix,
             service.store.engine.url.render_as_string(hide_password=True),
             ",".join(service.sections))
    refresher = None
    if options.refresh_seconds > 0:
        refresher = PeriodicCallback(service.refresh, options.refresh_seconds * 1000)
        refresher.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("Stopping")
    if refresher:
        refresher.stop()
    server.stop()
    service.close()


def main(argv: Optional[Sequence[str]] = None) -> None:
    options = parse_options(argv)
    logging.basicConfig(
        level=getattr(logging, str(options.log_level).upper(), logging.INFO),
        format="[%(levelname).1s %(asctime)s hub-help] %(message)s",
    )
    if options.upgrade_db:
        store = Store(options.db_url)
        store.close()
        print("The database is up to date.")
        return
    asyncio.run(serve(options))


if __name__ == "__main__":
    main()
