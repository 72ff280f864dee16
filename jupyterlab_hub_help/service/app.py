"""The community help service: options, database, hub authentication and
the Tornado application, started by ``main``.

Database work blocks, so it runs in a small thread pool (one thread for
SQLite, whose writers take turns anyway; four for a server database); the
event loop only waits for it. Large bodies are read and checked in a worker
process (``checks.Checks``). The document every panel polls is kept in
memory, assembled from the sections' stored text with its ETag and a gzip
copy, replaced after each write here, and checked against the database's
revisions every ``--refresh-seconds`` for writes made by another replica;
while the database does not answer, it keeps being served.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import os
import secrets
import signal
import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial
from typing import Any, Dict, List, Optional, Sequence, Tuple

from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop, PeriodicCallback

from ..shared import DOCUMENT_MAX_CHARS, RESPONSE_MAX_BYTES
from ..validate.strictjson import dumps
from .checks import Checks
from .config import MAX_SMALL_BODY_BYTES, parse_options
from .document import Served, assemble
from .handlers import ApiError, routes
from .help_handlers import ROUTES as HELP_ROUTES
from .oauth import api_token, make_hub_auth
from .operator import OperatorDocument
from .origins import Origins
from .public import public_summary
from .report_handlers import ROUTES as REPORT_ROUTES
from .report_store import ReportStore
from .reports import ReportRules
from .rights import Rights
from .secret import SecretError, cookie_secret, fingerprint
from .store import DocumentLimit, Retention, SectionState, Store, utcnow

log = logging.getLogger("jupyterlab_hub_help.service")
#: How often a replica says it is alive, and after how long one that did not is gone.
HEARTBEAT = timedelta(seconds=15)
STALE = timedelta(seconds=60)
#: How often reports past their retention are looked for (and at start).
REPORTS_RETENTION_EVERY = timedelta(hours=1)
#: What a client is told to wait before trying a write again while the database is away.
RETRY_AFTER_SECONDS = 5
#: How long a token the service's sign-in gave stays its sign-in (the hub's
#: own answer about the token is asked at every change besides).
SIGN_IN_KEEP = timedelta(days=30)
#: How long a token found not to be a sign-in is not looked up again.
NOT_SIGNED_IN_SECONDS = 60
DATABASE_DOWN = (OperationalError, InterfaceError, DisconnectionError)


def make_store(options) -> Store:
    return Store(
        options.db_url,
        retention=Retention(options.history_days, options.history_max),
        limit=DocumentLimit(RESPONSE_MAX_BYTES, DOCUMENT_MAX_CHARS),
    )


class Service:
    def __init__(self, options, store: Optional[Store] = None, hub_auth=None):
        self.options = options
        self.sections: List[str] = list(options.sections)
        self.rights = Rights.of(options.representatives_groups, options.representatives)
        self.origins = Origins(options.subdomain_host)
        self.store = store or make_store(options)
        self.reports = ReportRules.of(options)
        self.report_store = ReportStore(self.store)
        self.hub_auth = hub_auth if hub_auth is not None else make_hub_auth(options, self.store)
        self.checks = Checks()
        self.pool = ThreadPoolExecutor(1 if self.store.is_sqlite else 4,
                                       thread_name_prefix="hub-help-db")
        self._states: Dict[str, SectionState] = self.store.all_sections()
        self._document = Served.of(assemble({n: s.text for n, s in self._states.items()},
                                            self.sections))
        self._database_down = False
        self.operator = OperatorDocument(options.document)
        #: api/public's body, and what it was made from.
        self._public: Tuple[Any, Optional[Served]] = (None, None)
        #: Sign-in tokens known to this replica: their SHA-256, and when it learnt it.
        self._sign_ins: Dict[str, float] = {}
        self._not_sign_ins: Dict[str, float] = {}

    async def run(self, fn, *args, **kwargs):
        return await IOLoop.current().run_in_executor(self.pool, partial(fn, *args, **kwargs))

    async def db(self, fn, *args, **kwargs):
        """``run`` for database work; while the database does not answer, 503."""
        try:
            return await self.run(fn, *args, **kwargs)
        except DATABASE_DOWN as error:
            log.warning("The database does not answer: %s", str(error).splitlines()[0])
            raise ApiError(503, "unavailable",
                           "The service's database does not answer; nothing was changed. "
                           "Try again in a moment.",
                           headers={"Retry-After": str(RETRY_AFTER_SECONDS)}) from None

    # The cached document

    async def remember(self, states: Dict[str, SectionState]) -> None:
        """Take the states read or written, keeping the newer where this
        replica already holds one; the document is made again only when a
        revision changed."""
        merged = dict(self._states)
        changed = False
        for name, state in states.items():
            old = merged.get(name)
            if old is None or state.revision > old.revision:
                merged[name] = state
                changed = True
        if not changed:
            return
        self._states = merged
        document = await self.run(Served.of, assemble({n: s.text for n, s in merged.items()},
                                                      self.sections))
        # Another write may have come while this one was being compressed.
        if self._states is merged:
            self._document = document

    def document(self) -> Served:
        return self._document

    def operator_document(self) -> Tuple[Optional[dict], List[dict]]:
        """The operator's document (``--document``) and its problems."""
        return self.operator.current()

    def public(self) -> Served:
        """api/public's body, made again only when the operator's document
        or the status note changed."""
        document, _ = self.operator.current()
        status = self._states.get("status") if "status" in self.sections else None
        made_from = (self.operator.generation, status.revision if status else 0)
        if self._public[0] != made_from or self._public[1] is None:
            summary = public_summary(document, status.value if status else None)
            self._public = (made_from, Served.of(dumps(summary).encode("utf-8")))
        return self._public[1]

    async def refresh(self) -> None:
        """Take the writes of other replicas: a cheap look at the revisions,
        the sections only when one moved."""
        try:
            revisions = await self.run(self.store.revisions)
            known = {n: s.revision for n, s in self._states.items()}
            if any(known.get(n, 0) < r for n, r in revisions.items()):
                await self.remember(await self.run(self.store.all_sections))
        except DATABASE_DOWN as error:
            if not self._database_down:
                log.warning("The database does not answer; serving the copy held: %s",
                            str(error).splitlines()[0])
            self._database_down = True
            return
        except Exception:
            log.exception("Could not read the sections again")
            return
        if self._database_down:
            log.info("The database answers again")
        self._database_down = False

    # Reading and writing

    async def read_section(self, name: str) -> SectionState:
        try:
            state = await self.run(self.store.section, name)
        except DATABASE_DOWN:
            # Reads go on from the copy held; a change made from it is
            # checked against the database's revision when it is back.
            return self._states.get(name, SectionState(name))
        await self.remember({name: state})
        return state

    async def write(self, name: str, value: Any, expected: Optional[int], user: str,
                    kind: str, as_right: Optional[str] = None) -> SectionState:
        try:
            state = await self.db(self.store.write, name, value, expected, user, kind, as_right)
        except Exception as e:
            current = getattr(e, "current", None)
            if current is not None:
                await self.remember({name: current})
            raise
        await self.remember({name: state})
        log.info("%s stored %s revision %d (%s, as %s)", user, name, state.revision, kind,
                 as_right)
        return state

    async def write_many(self, values: Sequence[Tuple[str, Any]], user: str,
                         as_right: Optional[str] = None) -> Dict[str, SectionState]:
        states = await self.db(self.store.write_many, values, user, "import", as_right=as_right)
        await self.remember(states)
        log.info("%s imported %s", user, ", ".join(states))
        return states

    async def forget_reports(self) -> None:
        """Reports past ``--reports-days`` go, even while reports are off."""
        days = self.options.reports_days
        if not days:
            return
        try:
            count = await self.run(self.report_store.forget, utcnow() - timedelta(days=days))
        except DATABASE_DOWN:
            return
        except Exception:
            log.exception("Could not delete old reports")
            return
        if count:
            log.info("Deleted %d report%s older than %d days", count, "s" if count != 1 else "",
                     days)

    # The service's own sign-in

    async def record_sign_in(self, token: str, name: str) -> None:
        digest = hashlib.sha256(token.encode()).hexdigest()
        self._remember_sign_in(digest)
        self._not_sign_ins.pop(digest, None)
        try:
            await self.run(self.store.record_sign_in, digest, name, SIGN_IN_KEEP)
        except DATABASE_DOWN:
            log.warning("The database does not answer: a sign-in is known to this replica only")

    def _remember_sign_in(self, digest: str) -> None:
        if len(self._sign_ins) > 10_000:
            self._sign_ins.clear()
        self._sign_ins[digest] = IOLoop.current().time()

    async def is_sign_in(self, token: str) -> bool:
        """Whether ``token`` is one the service's own sign-in gave (possibly
        on another replica) within ``SIGN_IN_KEEP``, however it is presented."""
        digest = hashlib.sha256(token.encode()).hexdigest()
        now = IOLoop.current().time()
        if now - self._sign_ins.get(digest, -math.inf) < SIGN_IN_KEEP.total_seconds():
            return True
        if now - self._not_sign_ins.get(digest, -math.inf) < NOT_SIGNED_IN_SECONDS:
            return False
        try:
            name = await self.run(self.store.signed_in, digest, SIGN_IN_KEEP)
        except DATABASE_DOWN:
            name = None
        if name is None:
            if len(self._not_sign_ins) > 10_000:
                self._not_sign_ins.clear()
            self._not_sign_ins[digest] = now
            return False
        # Learnt now; the database's own record bounds it besides.
        self._remember_sign_in(digest)
        return True

    def close(self) -> None:
        self.checks.close()
        self.pool.shutdown(wait=True)
        self.store.close()


def make_app(service: Service, secret: bytes) -> web.Application:
    return web.Application(
        routes(service.options.prefix, service, (*REPORT_ROUTES, *HELP_ROUTES)),
        cookie_secret=secret,
        # Cookie-authenticated changes are checked in BaseHandler.authenticate
        # (the hub's XSRF rules); token-authenticated ones need no check.
        xsrf_cookies=False,
        # Answers other than the cached document are compressed as they go.
        compress_response=True,
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


def refuse_to_start(message: str) -> None:
    sys.exit(f"jupyter-hub-help-service: {message}")


class Replica:
    """This process among the replicas sharing the database: it refuses to
    start beside one that signs sign-ins with another secret."""

    def __init__(self, store: Store, secret: bytes):
        self.store = store
        self.id = secrets.token_hex(8)
        self.secret = fingerprint(secret)

    def announce(self) -> None:
        others = self.store.announce(self.id, socket.gethostname(), self.secret, STALE)
        if others:
            where = ", ".join(f"{o['host']} (started {o['started_at']})" for o in others)
            refuse_to_start(
                f"another replica of this service on this database ({where}) signs sign-ins "
                "with a different cookie secret, so a sign-in made on one would be refused by "
                "the other. Give every replica the same secret (HUB_HELP_COOKIE_SECRET, or "
                "one --cookie-secret-file they all read)."
            )

    async def heartbeat(self, service: Service) -> None:
        try:
            await service.run(self.store.seen, self.id)
        except Exception:
            log.debug("Could not say this replica is alive", exc_info=True)

    def withdraw(self) -> None:
        try:
            self.store.withdraw(self.id)
        except Exception:
            log.debug("Could not withdraw this replica", exc_info=True)


async def serve(options) -> None:
    api_token()
    try:
        secret = cookie_secret(options.cookie_secret_file, os.environ)
    except SecretError as error:
        refuse_to_start(f"the cookie secret: {error}")
    service = Service(options)
    replica = Replica(service.store, secret)
    replica.announce()
    app = make_app(service, secret)
    server = HTTPServer(
        app,
        xheaders=options.trust_xheaders,
        # Bodies of changes may be larger, once their sender is known
        # (handlers.BodyHandler); nothing else needs more.
        max_body_size=MAX_SMALL_BODY_BYTES,
        idle_connection_timeout=options.header_timeout,
        body_timeout=options.body_timeout,
    )
    server.listen(options.port, address=options.ip)
    log.info("Community help service at http://%s:%d%s (database %s, sections %s)",
             options.ip, options.port, options.prefix,
             service.store.engine.url.render_as_string(hide_password=True),
             ",".join(service.sections))
    timers = [PeriodicCallback(partial(replica.heartbeat, service), HEARTBEAT.total_seconds() * 1000),
              PeriodicCallback(service.forget_reports, REPORTS_RETENTION_EVERY.total_seconds() * 1000)]
    await service.forget_reports()
    if options.refresh_seconds > 0:
        timers.append(PeriodicCallback(service.refresh, options.refresh_seconds * 1000))
    for timer in timers:
        timer.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("Stopping")
    for timer in timers:
        timer.stop()
    server.stop()
    replica.withdraw()
    service.close()


def main(argv: Optional[Sequence[str]] = None) -> None:
    options = parse_options(argv)
    logging.basicConfig(
        level=getattr(logging, str(options.log_level).upper(), logging.INFO),
        format="[%(levelname).1s %(asctime)s hub-help] %(message)s",
    )
    if options.backup:
        from .backup import backup

        try:
            backup(options.db_url, options.backup)
        except (ValueError, OSError) as error:
            refuse_to_start(str(error))
        print(f"Backed up the database to {options.backup}.")
        return
    if options.upgrade_db:
        make_store(options).close()
        print("The database is up to date.")
        return
    asyncio.run(serve(options))


if __name__ == "__main__":
    main()
