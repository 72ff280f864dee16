"""The service's HTTP API (JSON everywhere) and its sign-in page.

Who is asking is always the hub's answer about the request's credential:
a token in the ``Authorization`` header, or the service's own sign-in cookie
after the OAuth flow; nothing the client says about itself is trusted, and a
change asks the hub afresh (``rights.py`` decides what the answer allows).
Bodies of changes are read only once the caller is known, up to a limit
said before any byte of them is read.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone
from typing import Any, Optional, Sequence
from urllib.parse import urlparse

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated, UserNotAllowed
from jupyterhub.utils import url_path_join
from tornado import web

from . import EDIT_SCOPE
from . import checks
from .rights import SIGN_IN, TOKEN, Decision
from .store import Conflict, EntriesChangedLater, LaterChanges, SectionState, TooLarge, iso

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
JSON_TYPE = re.compile(r"^application/([a-z0-9.+-]+\+)?json\s*(;.*)?$", re.IGNORECASE)
#: Change ids are database integers; a longer number names no change.
MAX_ID = 2**31 - 1
#: An undo's confirmation: ``{"alsoUndo": N}`` or ``{"only": true}``.
UNDO_BODY_BYTES = 1024

_GENERIC = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    500: "internal",
}

#: What the sign-in page tells the panel that opened or framed it.
SIGNED_IN_MESSAGE = "jupyterlab-hub-help:service-signed-in"


class ApiError(web.HTTPError):
    """An error answered as ``{"error": code, "message": sentence, ...extra}``."""

    def __init__(self, status: int, error: str, message: str, headers: Optional[dict] = None,
                 **extra: Any):
        super().__init__(status)
        self.error = error
        self.message = message
        self.extra = extra
        self.headers = headers or {}

    def __str__(self) -> str:
        return f"{self.status_code} {self.error}: {self.message}"


def refused(outcome: checks.Outcome) -> ApiError:
    status, error, message, extra = outcome.refusal
    return ApiError(status, error, message, **extra)


class BaseHandler(HubOAuthenticated, web.RequestHandler):
    #: False: answered without asking who is there.
    needs_user = True

    def initialize(self, service) -> None:
        self.service = service
        self.hub_auth = service.hub_auth
        self.credential = TOKEN
        self.by_cookie = False
        #: The credential's token, whichever way it came (redacted from what is kept).
        self.token: Optional[str] = None
        self.decision = Decision(None)

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        self.set_header("Vary", "Origin")

    def compute_etag(self) -> None:
        # Only the ETags this API defines, never Tornado's automatic ones.
        return None

    def write_json(self, body: Any, status: int = 200) -> None:
        self.set_status(status)
        self.finish(json.dumps(body, ensure_ascii=False, allow_nan=False))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(exc, ApiError):
            body = {"error": exc.error, "message": exc.message, **exc.extra}
            for key, value in exc.headers.items():
                self.set_header(key, value)
        else:
            message = getattr(exc, "log_message", None) or self._reason
            if status_code >= 500:
                message = "The service failed; its log says why."
            body = {"error": _GENERIC.get(status_code, "error"), "message": message}
        self.set_header("Content-Type", "application/json; charset=utf-8")
        origin = self.request.headers.get("Origin", "")
        if self.service.origins.is_user_subdomain(origin):
            # What went wrong holds nothing of anyone's: the panel may read it.
            self.set_header("Access-Control-Allow-Origin", origin)
            self.set_header("Access-Control-Expose-Headers", "Retry-After")
        self.finish(json.dumps(body, ensure_ascii=False))

    # Who is asking

    async def prepare(self) -> None:
        if self.needs_user and self.request.method != "OPTIONS":
            await self.authenticate()

    def options(self, *args: Any) -> None:
        """A browser's preflight: answered for the pages of any user's server
        on a hub with subdomains; it carries no credential and gets nothing."""
        origin = self.request.headers.get("Origin", "")
        if self.service.origins.is_user_subdomain(origin):
            self.set_header("Access-Control-Allow-Origin", origin)
            self.set_header("Access-Control-Allow-Methods", "GET, PUT, POST")
            self.set_header("Access-Control-Allow-Headers",
                            "Authorization, Content-Type, If-Match, If-None-Match, "
                            "Idempotency-Key")
            self.set_header("Access-Control-Max-Age", "600")
        self.set_status(204)
        self.finish()

    #: Whether the answer depends on the kind of credential, not only on who
    #: holds it: ``api/me`` and what only editors read; every change does.
    asks_credential = False

    async def authenticate(self) -> None:
        unsafe = self.request.method not in SAFE_METHODS
        header = self.hub_auth.get_token(self, in_cookie=False)
        token = header or self.hub_auth.get_token(self)
        self.by_cookie = not header
        if unsafe and self.by_cookie and token:
            # Only a cookie can ride along with a cross-site request: such
            # changes must come from the service's own site, with the XSRF token.
            self.check_same_site()
            try:
                self.check_xsrf_cookie()
            except web.HTTPError as e:
                raise ApiError(
                    403, "xsrf",
                    "A change made with the sign-in cookie needs the _xsrf cookie's value "
                    "in the X-XSRFToken header.",
                ) from e
        # A change asks the hub afresh: a right taken away is gone at once.
        model = token and await self.hub_auth.user_for_token(
            token, use_cache=not unsafe, session_id=self.hub_auth.get_session_id(self), sync=False
        )
        if not model:
            raise ApiError(
                401, "unauthorized",
                "Sign in to JupyterHub first: send a hub token in the Authorization header "
                "(Authorization: token ...), or sign in to this service.",
            )
        try:
            model = self.check_hub_user(model)
        except UserNotAllowed:
            scopes = " or ".join(sorted(self.hub_auth.access_scopes))
            raise ApiError(
                403, "forbidden",
                f"This token does not carry {scopes}, which calling this service needs; "
                "the hub's operator grants it.",
            ) from None
        self.current_user = model
        self.token = token
        self.allow_origin()
        # The service's sign-in: its cookie, or the token that sign-in gave,
        # handed to the caller's own server on a hub with subdomains.
        if self.by_cookie or ((unsafe or self.asks_credential)
                              and await self.service.is_sign_in(header)):
            self.credential = SIGN_IN
        self.decision = self.service.rights.decide(model, self.credential)
        if unsafe:
            content_type = self.request.headers.get("Content-Type", "")
            if not JSON_TYPE.match(content_type.strip()):
                raise ApiError(415, "unsupported-media-type",
                               "Send the body as JSON (Content-Type: application/json).")

    def allow_origin(self) -> None:
        """Answer a page of another origin only on the caller's own server."""
        origin = self.request.headers.get("Origin")
        if origin is None or urlparse(origin).netloc.lower() == self.request.host.lower():
            return
        own = None
        if self.current_user.get("kind", "user") == "user":
            own = self.service.origins.user_origin(self.user_name)
        if origin != own:
            raise ApiError(
                403, "cross-origin",
                "This service answers its own pages and, on a hub where each user's server "
                "has a subdomain of its own, the caller's own server only.",
            )
        self.set_header("Access-Control-Allow-Origin", origin)
        self.set_header("Access-Control-Expose-Headers", "ETag, Retry-After")

    def check_same_site(self) -> None:
        if self.request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
            raise ApiError(403, "cross-site", "Changes cannot come from another site.")
        origin = self.request.headers.get("Origin")
        if origin is None:
            return
        # The Host header: the hub's proxy passes the browser's on.
        if origin == "null" or urlparse(origin).netloc.lower() != self.request.host.lower():
            raise ApiError(403, "cross-site", "Changes cannot come from another site.")

    @property
    def user_name(self) -> str:
        return self.current_user["name"]

    def require_editor(self) -> str:
        if self.decision.can_edit:
            return self.decision.because
        if self.decision.sign_in_to_edit:
            raise ApiError(
                403, "sign-in-required",
                "Editing needs the hub help service's own sign-in (open it at "
                f"{self.service.options.prefix}), not a token: every server you visit may "
                "hold a token like this one.",
            )
        raise ApiError(
            403, "forbidden",
            "Only the hub's admins, the Community Representatives and holders of the "
            f"{EDIT_SCOPE} scope may do this.",
        )

    # Requests

    def require_section(self, name: str) -> str:
        if name not in self.service.sections:
            raise ApiError(404, "not-found",
                           f"This service keeps no section named {name!r}; it keeps: "
                           f"{', '.join(self.service.sections) or 'none'}.")
        return name

    def expected_revision(self, name: str) -> Optional[int]:
        """The revision the client's ``If-Match`` names; ``None`` for ``*``;
        -1 for a tag that is not this section's (always stale)."""
        raw = self.request.headers.get("If-Match")
        if raw is None or not raw.strip():
            raise ApiError(
                428, "precondition-required",
                "Send the section's ETag (from GET) in If-Match, so that an edit based on "
                "an old copy is refused rather than overwriting someone else's.",
            )
        for tag in raw.split(","):
            tag = tag.strip()
            if tag.startswith("W/"):
                tag = tag[2:]
            if tag == "*":
                return None
            match = re.fullmatch(r'"?([a-z]+)-(\d{1,10})"?', tag)
            if match and match.group(1) == name:
                return int(match.group(2))
        return -1

    def conflict(self, current: SectionState) -> ApiError:
        return ApiError(
            409, "conflict",
            f"The section {current.name!r} changed since you read it "
            f"(now revision {current.revision}); nothing was stored.",
            headers={"ETag": current.etag},
            current=current.to_json(),
        )

    def write_state(self, state: SectionState, warnings=()) -> None:
        self.set_header("ETag", state.etag)
        self.finish(state.body(**({"warnings": list(warnings)} if warnings else {})))

    async def store(self, name: str, value: Any, expected: Optional[int], kind: str,
                    warnings=()) -> None:
        try:
            # On which right: what the hub said of this credential just now.
            state = await self.service.write(name, value, expected, self.user_name, kind,
                                             self.decision.because)
        except Conflict as e:
            raise self.conflict(e.current) from None
        except TooLarge as e:
            raise too_large(e) from None
        self.write_state(state, warnings)


def too_large(e: TooLarge) -> ApiError:
    return ApiError(
        422, "invalid",
        "Nothing was stored: with this change the whole document would be larger than "
        "the Get help panel reads.",
        problems=[{
            "path": "$", "code": "document-too-large", "severity": "error",
            "reason": (f"would be {e.size_bytes} bytes of UTF-8 and {e.size_units} UTF-16 "
                       f"units; the panel reads at most {e.max_bytes} and {e.max_units}"),
            "params": [str(e.size_bytes), str(e.size_units), str(e.max_bytes), str(e.max_units)],
        }],
    )


@web.stream_request_body
class BodyHandler(BaseHandler):
    """Changes: the body is read only after the caller is known and its
    declared length is within the limit. A caller who is known and sends too
    much is answered 413 once the body is read and dropped (up to a bound):
    a proxy in front turns a connection closed mid-upload into its own 503."""

    #: The most of an oversized body read (and dropped) to answer it cleanly.
    DROP_MAX_BYTES = 64 * 1024 * 1024

    def initialize(self, service) -> None:
        super().initialize(service)
        self.chunks: list = []
        self.oversized = False
        self.prepared = False

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        if not self.prepared:
            # Answered before the body was read: Tornado closes the connection
            # after this answer, and says so, or a client (the hub's proxy)
            # would send its next request on it.
            self.set_header("Connection", "close")
        super().write_error(status_code, **kwargs)

    async def prepare(self) -> None:
        await super().prepare()
        self.prepared = self.request.method in SAFE_METHODS
        if self.prepared:
            return
        length = self.request.headers.get("Content-Length")
        if length is None:
            raise ApiError(411, "length-required", "Send the body with a Content-Length.")
        limit = self.body_limit()
        size = int(length) if re.fullmatch(r"[0-9]{1,12}", length) else None
        if size is None or size > self.DROP_MAX_BYTES:
            raise self.too_large()
        self.oversized = size > limit
        self.request.connection.set_max_body_size(size)
        self.prepared = True

    def body_limit(self) -> int:
        return self.service.options.max_body_bytes

    def too_large(self) -> ApiError:
        limit = self.body_limit()
        return ApiError(413, "too-large",
                        f"The body is larger than this service takes ({limit} bytes).",
                        limit=limit)

    def data_received(self, chunk: bytes) -> None:
        if not self.oversized:
            self.chunks.append(chunk)

    @property
    def body(self) -> bytes:
        if self.oversized:
            raise self.too_large()
        return b"".join(self.chunks)


class HealthHandler(BaseHandler):
    needs_user = False

    def get(self) -> None:
        self.write_json({"ok": True})


def served(handler: BaseHandler, body) -> None:
    """A cached body (``document.Served``), compressed when the client takes it,
    or 304 when the client holds it."""
    handler.set_header("ETag", body.etag)
    accepts_gzip = "gzip" in handler.request.headers.get("Accept-Encoding", "")
    if not accepts_gzip:
        # (Where it is accepted, Tornado's compression step adds this itself.)
        handler.set_header("Vary", "Origin, Accept-Encoding")
    held = handler.request.headers.get("If-None-Match", "")
    tags = {t.strip().removeprefix("W/") for t in held.split(",")}
    if body.etag in tags or "*" in tags:
        handler.set_status(304)
        handler.finish()
        return
    if accepts_gzip:
        handler.set_header("Content-Encoding", "gzip")
        handler.finish(body.gzipped)
    else:
        handler.finish(body.body)


class DocumentHandler(BaseHandler):
    def get(self) -> None:
        self.set_header("Cache-Control", "no-cache")
        served(self, self.service.document())


class MeHandler(BaseHandler):
    asks_credential = True

    def get(self) -> None:
        decision = self.decision
        me = {
            "name": self.user_name,
            "kind": self.current_user.get("kind", "user"),
            "canEdit": decision.can_edit,
            "because": decision.because,
            "sections": list(self.service.sections) if decision.can_edit else [],
            "credential": self.credential,
            "signInToEdit": decision.sign_in_to_edit,
            "reports": self.service.reports.me(self.current_user,
                                               self.service.rights.roles(self.current_user)),
        }
        if self.by_cookie:
            # The panel needs it for changes made with this sign-in. A cookie
            # reaches this service from its own site only, and another site's
            # page cannot read this answer (allow_origin).
            me["xsrf"] = xsrf_token(self)
        self.write_json(me)


def xsrf_token(handler: web.RequestHandler) -> str:
    token = handler.xsrf_token
    return token.decode("ascii") if isinstance(token, bytes) else str(token)


class SectionHandler(BodyHandler):
    async def get(self, name: str) -> None:
        self.require_section(name)
        state = await self.service.read_section(name)
        self.set_header("ETag", state.etag)
        self.finish(state.body())

    async def put(self, name: str) -> None:
        self.require_section(name)
        self.require_editor()
        expected = self.expected_revision(name)
        body = self.body
        outcome = await self.service.checks.run(len(body), checks.section_body, name, body)
        if outcome.refusal:
            raise refused(outcome)
        await self.store(name, outcome.value, expected, "edit", outcome.warnings)


def change_id(raw: str) -> int:
    if len(raw) > 10 or int(raw) > MAX_ID:
        raise ApiError(404, "not-found", f"There is no change {raw[:20]}.")
    return int(raw)


def paging(handler: BaseHandler):
    """A page's ``limit`` (1 to 200, 50 unless said) and ``before`` (the
    ``next`` of the page before, or None) from the query."""
    try:
        limit = int(handler.get_argument("limit", "50"))
        before = handler.get_argument("before", None)
        before = None if before is None else min(int(before), MAX_ID)
    except ValueError:
        raise ApiError(400, "bad-request", "limit and before must be whole numbers.") from None
    return max(1, min(limit, 200)), before


class HistoryHandler(BaseHandler):
    asks_credential = True

    async def get(self) -> None:
        self.require_editor()
        section = self.get_argument("section", None)
        if section is not None:
            self.require_section(section)
        limit, before = paging(self)
        found, following = await self.service.db(
            self.service.store.history, section, limit, self.service.sections, before
        )
        self.write_json({"changes": [c.to_json() for c in found], "next": following})


class ChangeHandler(BaseHandler):
    asks_credential = True

    async def get(self, raw_id: str) -> None:
        self.require_editor()
        found = await self.service.db(self.service.store.change_values, change_id(raw_id))
        if found is None or found[0].section not in self.service.sections:
            raise ApiError(404, "not-found", f"There is no change {raw_id}.")
        change, before, after = found
        self.write_json({**change.to_json(), "before": before, "after": after})


class UndoHandler(BodyHandler):
    async def post(self, raw_id: str) -> None:
        self.require_editor()
        number = change_id(raw_id)
        if len(self.body) > UNDO_BODY_BYTES:
            raise ApiError(413, "too-large", "An undo's body is a few fields at most.")
        confirm = checks.small_body(self.body)
        if confirm.refusal:
            raise refused(confirm)
        also, only = confirm.value.get("alsoUndo"), confirm.value.get("only") is True
        if also is not None and (type(also) is not int or also < 0):
            raise ApiError(400, "bad-request", "alsoUndo must be the number of later changes.")
        change = await self.service.db(self.service.store.change, number)
        if change is None or change.section not in self.service.sections:
            raise ApiError(404, "not-found", f"There is no change {raw_id} to undo.")
        expected = self.expected_revision(change.section)
        try:
            planned = await self.service.db(self.service.store.plan_undo, number, expected,
                                            also_undo=also, only=only)
        except LaterChanges as e:
            raise later_changes(e) from None
        except EntriesChangedLater as e:
            raise ApiError(
                409, "entries-changed-later",
                ("Later changes touched the same entries: " + ", ".join(e.labels) + "."
                 if e.labels else "This change cannot be undone alone: undo it together "
                 "with the later ones instead."),
                headers={"ETag": e.current.etag},
                entries=e.labels, current=e.current.to_json(),
            ) from None
        except Conflict as e:
            raise self.conflict(e.current) from None
        if planned is None:
            raise ApiError(404, "not-found", f"There is no change {raw_id} to undo.")
        _, current, value = planned
        outcome = await self.service.checks.run(len(current.text), checks.checked_value,
                                                change.section, value)
        if outcome.refusal:
            raise refused(outcome)
        await self.store(change.section, outcome.value, current.revision, "undo", outcome.warnings)


def later_changes(e: LaterChanges) -> ApiError:
    count = e.count
    return ApiError(
        409, "later-changes",
        f"{count} later change{'s' if count != 1 else ''} of {e.current.name!r} would be "
        "undone too; confirm with alsoUndo, or undo only this change's entries with only.",
        headers={"ETag": e.current.etag},
        current=e.current.to_json(),
        later=[c.to_json() for c in e.later],
        laterCount=count,
        onlyThis=e.only_possible,
    )


class ExportHandler(BaseHandler):
    asks_credential = True

    async def get(self) -> None:
        self.require_editor()
        stored = await self.service.db(self.service.store.all_sections)
        self.set_header("Content-Disposition", 'attachment; filename="hub-help-community.json"')
        self.write_json({
            "formatVersion": 1,
            "sections": {
                name: stored[name].value for name in self.service.sections if name in stored
            },
            "exportedAt": iso(datetime.now(timezone.utc)),
        })


class ImportHandler(BodyHandler):
    async def put(self) -> None:
        self.require_editor()
        body = self.body
        outcome = await self.service.checks.run(len(body), checks.import_body, body,
                                                self.service.sections)
        if outcome.refusal:
            raise refused(outcome)
        try:
            states = await self.service.write_many(outcome.value, self.user_name,
                                                   self.decision.because)
        except TooLarge as e:
            raise too_large(e) from None
        except Conflict:
            raise ApiError(409, "conflict", "Others kept changing these sections while they "
                           "were imported; nothing was stored. Try again.") from None
        self.write_json({
            "imported": list(states),
            "sections": {
                name: {"revision": state.revision, "updatedBy": state.updated_by,
                       "updatedAt": iso(state.updated_at)}
                for name, state in states.items()
            },
        })


class PageHandler(BaseHandler):
    """A page a browser opens, signed in with the service's own cookie (the
    hub's OAuth sends whoever is not back here after signing in)."""

    needs_user = False
    #: Who may frame the page, and what it may load.
    content_security_policy = "default-src 'none'; frame-ancestors 'none'"

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Content-Security-Policy", self.content_security_policy)

    def options(self, *args: Any) -> None:
        # Not for pages of other origins: this page is opened, or framed, by a browser.
        self.set_status(204)
        self.finish()

    async def signed_in(self) -> Optional[dict]:
        """The hub's model of who is there; None when the answer is already
        given (a token refused, the way to sign in, or not allowed)."""
        if self.request.headers.get("Authorization"):
            # This page goes by the sign-in its cookie holds, and only that:
            # a token sent here (one a visited server holds) is refused.
            self.set_status(400)
            self.finish(_page("Not here", "This page takes no token: open it in a browser."))
            return None
        model = await self.hub_auth.get_user(self, sync=False)
        if not model:
            self.redirect(self.get_login_url())
            return None
        try:
            model = self.check_hub_user(model)
        except UserNotAllowed:
            self.set_status(403)
            self.finish(_page("Not allowed",
                              "Your hub account may not use the community help service."))
            return None
        self.current_user = model
        return model


class RootHandler(PageHandler):
    """What an editor sees after signing in to the service in a tab of its
    own, or, ``?silent=1``, what the Get help panel loads in a hidden frame
    to renew the sign-in while the hub session lasts. ``?origin=`` names the
    page that opened the tab on a hub with subdomains: the user's own server."""

    # Framed by pages of the hub's own site only (the panel's silent sign-in).
    content_security_policy = "default-src 'none'; script-src 'unsafe-inline'; frame-ancestors 'self'"

    async def get(self) -> None:
        model = await self.signed_in()
        if model is None:
            return
        # Sets the _xsrf cookie that changes made with this sign-in send back.
        xsrf = xsrf_token(self)
        name = html.escape(model["name"])
        because = self.service.rights.decide(model, SIGN_IN).because
        edits = {
            "admin": "as a hub admin",
            "representative": "as a Community Representative",
            "scope": f"as a holder of {EDIT_SCOPE}",
        }
        text = f"Signed in to the community help service as <strong>{name}</strong>. "
        if because:
            text += (f"You may edit the hub's help ({edits[because]}): the Get help panel in "
                     "JupyterLab now offers it. ")
        origin = self.get_argument("origin", None)
        if origin is None:
            # The panel that opened or framed this page (same site only) may
            # now call the service with this sign-in: it needs the XSRF token
            # for that, which it cannot read from the cookie (the cookie's path
            # is the service's).
            message, to = {"type": SIGNED_IN_MESSAGE, "xsrf": xsrf}, "window.location.origin"
        elif origin == self.service.origins.user_origin(model["name"]):
            # On a hub with subdomains the panel, on the user's own server,
            # cannot send this service's cookie: it gets the token this
            # sign-in gave, which only its own server's pages receive.
            token = self.hub_auth.get_token(self)
            await self.service.record_sign_in(token, model["name"])
            message, to = {"type": SIGNED_IN_MESSAGE, "token": token}, json.dumps(origin)
        else:
            self.finish(_page(
                "Not handed over",
                f"Signed in as <strong>{name}</strong>, but this sign-in was asked for by a page "
                f"at {html.escape(origin)}, which is not your own server: nothing was handed "
                "to it. You can close this tab.",
            ))
            return
        message = json.dumps(message).replace("<", "\\u003c")
        script = (
            "var to = window.parent !== window ? window.parent : window.opener;"
            f" if (to) {{ to.postMessage({message}, {to}); }}"
        )
        self.finish(_page("Signed in", text + "You can close this tab.", script))


def _page(title: str, text: str, script: str = "") -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head>"
        f"<body><main><h1>{html.escape(title)}</h1><p>{text}</p></main>"
        + (f"<script>{script}</script>" if script else "")
        + "</body></html>"
    )


class CallbackHandler(HubOAuthCallbackHandler):
    """Completes the hub's OAuth flow and sets the service's sign-in cookie."""

    def initialize(self, service) -> None:
        self.hub_auth = service.hub_auth


class NotFoundHandler(BaseHandler):
    needs_user = False

    def prepare(self) -> None:
        raise ApiError(404, "not-found", "There is nothing at this address.")


def routes(prefix: str, service, extra: Sequence[tuple] = ()) -> list:
    """The service's routes, with ``extra`` ones (path under the prefix,
    handler) before the catch-all."""
    def at(path: str) -> str:
        return url_path_join(prefix, path) if path else prefix

    kwargs = {"service": service}
    return [
        (at(""), RootHandler, kwargs),
        (at("oauth_callback"), CallbackHandler, kwargs),
        (at("api/health"), HealthHandler, kwargs),
        (at("api/document"), DocumentHandler, kwargs),
        (at("api/me"), MeHandler, kwargs),
        (at(r"api/sections/([^/]+)"), SectionHandler, kwargs),
        (at("api/history"), HistoryHandler, kwargs),
        (at(r"api/history/(\d+)"), ChangeHandler, kwargs),
        (at(r"api/history/(\d+)/undo"), UndoHandler, kwargs),
        (at("api/export"), ExportHandler, kwargs),
        (at("api/import"), ImportHandler, kwargs),
        *((at(path), handler, kwargs) for path, handler in extra),
        (r".*", NotFoundHandler, kwargs),
    ]
