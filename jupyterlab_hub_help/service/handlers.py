"""The service's HTTP API (JSON everywhere) and its sign-in page.

Who is asking is always the hub's answer about the request's token (the
``Authorization: token ...`` header, or the service's own sign-in cookie
after the OAuth flow); nothing the client says about itself is trusted.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone
from typing import Any, List, Optional
from urllib.parse import urlparse

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated, UserNotAllowed
from tornado import web

from . import EDIT_SCOPE
from .store import Conflict, iso
from ..validate.problems import json_path
from .validation import ERROR, check_section, errors

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
JSON_TYPE = re.compile(r"^application/([a-z0-9.+-]+\+)?json\s*(;.*)?$", re.IGNORECASE)

_GENERIC = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    500: "internal",
}


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


class BaseHandler(HubOAuthenticated, web.RequestHandler):
    #: False: answered without asking who is there.
    needs_user = True

    def initialize(self, service) -> None:
        self.service = service
        self.hub_auth = service.hub_auth

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def compute_etag(self) -> None:
        # Only the ETags this API defines, never Tornado's automatic ones.
        return None

    def write_json(self, body: Any, status: int = 200) -> None:
        self.set_status(status)
        self.finish(json.dumps(body, ensure_ascii=False))

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
        self.finish(json.dumps(body, ensure_ascii=False))

    # Who is asking

    async def prepare(self) -> None:
        if self.needs_user:
            await self.authenticate()

    async def authenticate(self) -> None:
        unsafe = self.request.method not in SAFE_METHODS
        by_header = bool(self.hub_auth.get_token(self, in_cookie=False))
        if unsafe and not by_header and self.get_secure_cookie(self.hub_auth.cookie_name):
            # Only a cookie can ride along with a cross-site request: such
            # writes must come from the service's own pages.
            self.check_same_site()
            try:
                self.check_xsrf_cookie()
            except web.HTTPError as e:
                raise ApiError(
                    403, "xsrf",
                    "A change made with the sign-in cookie needs the _xsrf cookie's value "
                    "in the X-XSRFToken header.",
                ) from e
        model = await self.hub_auth.get_user(self, sync=False)
        if not model:
            raise ApiError(
                401, "unauthorized",
                "Sign in to JupyterHub first: send a hub token in the Authorization header "
                "(Authorization: token ...).",
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
        if unsafe:
            content_type = self.request.headers.get("Content-Type", "")
            if not JSON_TYPE.match(content_type.strip()):
                raise ApiError(415, "unsupported-media-type",
                               "Send the body as JSON (Content-Type: application/json).")

    def check_same_site(self) -> None:
        if self.request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
            raise ApiError(403, "cross-site", "Changes cannot come from another site.")
        origin = self.request.headers.get("Origin")
        if origin is None:
            return
        host = self.request.headers.get("X-Forwarded-Host") or self.request.host
        if origin == "null" or urlparse(origin).netloc.lower() != host.split(",")[0].strip().lower():
            raise ApiError(403, "cross-site", "Changes cannot come from another site.")

    @property
    def user_name(self) -> str:
        return self.current_user["name"]

    def editor_reason(self) -> Optional[str]:
        return self.service.editor_reason(self.current_user)

    def require_editor(self) -> str:
        reason = self.editor_reason()
        if reason is None:
            raise ApiError(
                403, "forbidden",
                "Only the hub's admins, the Community Representatives and holders of the "
                f"{EDIT_SCOPE} scope may do this.",
            )
        return reason

    # Requests

    def require_section(self, name: str) -> str:
        if name not in self.service.sections:
            raise ApiError(404, "not-found",
                           f"This service keeps no section named {name!r}; it keeps: "
                           f"{', '.join(self.service.sections) or 'none'}.")
        return name

    def json_body(self) -> Any:
        body = self.request.body
        if not body:
            return None
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "bad-json", "The body is not valid JSON.") from None

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
            match = re.fullmatch(r'"?([a-z]+)-(\d+)"?', tag)
            if match and match.group(1) == name:
                return int(match.group(2))
        return -1

    def invalid(self, problems: List[dict]) -> ApiError:
        count = len(errors(problems))
        return ApiError(
            422, "invalid",
            f"Nothing was stored: {count} problem{'s' if count != 1 else ''} "
            f"{'make' if count != 1 else 'makes'} the value invalid.",
            problems=problems,
        )

    def conflict(self, current) -> ApiError:
        return ApiError(
            409, "conflict",
            f"The section {current.name!r} changed since you read it "
            f"(now revision {current.revision}); nothing was stored.",
            headers={"ETag": current.etag},
            current=current.to_json(),
        )

    async def store_section(self, name: str, value: Any, kind: str) -> None:
        expected = self.expected_revision(name)
        problems = check_section(name, value)
        if errors(problems):
            raise self.invalid(problems)
        try:
            state = await self.service.write(name, value, expected, self.user_name, kind)
        except Conflict as e:
            raise self.conflict(e.current) from None
        self.set_header("ETag", state.etag)
        body = state.to_json()
        warnings = [p for p in problems if p["severity"] != ERROR]
        if warnings:
            body["warnings"] = warnings
        self.write_json(body)


class HealthHandler(BaseHandler):
    needs_user = False

    def get(self) -> None:
        self.write_json({"ok": True})


class DocumentHandler(BaseHandler):
    def get(self) -> None:
        body, etag = self.service.document()
        self.set_header("ETag", etag)
        self.set_header("Cache-Control", "no-cache")
        held = self.request.headers.get("If-None-Match", "")
        tags = {t.strip().removeprefix("W/") for t in held.split(",")}
        if etag in tags or "*" in tags:
            self.set_status(304)
            self.finish()
            return
        self.finish(body)


class MeHandler(BaseHandler):
    def get(self) -> None:
        reason = self.editor_reason()
        self.write_json({
            "name": self.user_name,
            "kind": self.current_user.get("kind", "user"),
            "canEdit": reason is not None,
            "because": reason,
            "sections": list(self.service.sections) if reason else [],
        })


class SectionHandler(BaseHandler):
    async def get(self, name: str) -> None:
        self.require_section(name)
        state = await self.service.read_section(name)
        self.set_header("ETag", state.etag)
        self.write_json(state.to_json())

    async def put(self, name: str) -> None:
        self.require_section(name)
        self.require_editor()
        body = self.json_body()
        if not isinstance(body, dict) or "value" not in body:
            raise ApiError(400, "bad-request", 'The body must be {"value": ...}.')
        await self.store_section(name, body["value"], "edit")


class HistoryHandler(BaseHandler):
    async def get(self) -> None:
        self.require_editor()
        section = self.get_argument("section", None)
        if section is not None:
            self.require_section(section)
        try:
            limit = int(self.get_argument("limit", "50"))
        except ValueError:
            raise ApiError(400, "bad-request", "limit must be a whole number.") from None
        limit = max(1, min(limit, 500))
        found = await self.service.run(
            self.service.store.history, section, limit, self.service.sections
        )
        self.write_json({"changes": [c.to_json() for c in found]})


class UndoHandler(BaseHandler):
    async def post(self, change_id: str) -> None:
        self.require_editor()
        change = await self.service.run(self.service.store.change, int(change_id))
        if change is None or change.section not in self.service.sections:
            raise ApiError(404, "not-found", f"There is no change {change_id} to undo.")
        await self.store_section(change.section, change.before, "undo")


class ExportHandler(BaseHandler):
    async def get(self) -> None:
        self.require_editor()
        stored = await self.service.run(self.service.store.all_sections)
        self.set_header("Content-Disposition", 'attachment; filename="hub-help-community.json"')
        self.write_json({
            "formatVersion": 1,
            "sections": {
                name: stored[name].value for name in self.service.sections if name in stored
            },
            "exportedAt": iso(datetime.now(timezone.utc)),
        })


class ImportHandler(BaseHandler):
    async def put(self) -> None:
        self.require_editor()
        body = self.json_body()
        problems: List[dict] = []

        def refuse(path: str, code: str, reason: str) -> None:
            problems.append({"path": path, "code": code, "reason": reason,
                             "severity": ERROR, "params": []})

        if not isinstance(body, dict):
            refuse("$", "type", "must be an object")
            raise self.invalid(problems)
        if body.get("formatVersion") != 1:
            refuse("$.formatVersion", "enum", "must be 1")
        given = body.get("sections")
        if not isinstance(given, dict):
            refuse("$.sections", "type", "must be an object")
            raise self.invalid(problems)
        for name, value in given.items():
            if name not in self.service.sections:
                refuse("$.sections" + json_path([name])[1:], "not-editable",
                       "is not a section this service keeps")
                continue
            problems += check_section(name, value, prefix="$.sections")
        if errors(problems):
            raise self.invalid(problems)
        states = await self.service.write_many(list(given.items()), self.user_name)
        self.write_json({
            "imported": list(states),
            "sections": {name: state.to_json() for name, state in states.items()},
        })


class RootHandler(BaseHandler):
    """What an editor sees after signing in to the service in a new tab."""

    needs_user = False

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    async def get(self) -> None:
        model = await self.hub_auth.get_user(self, sync=False)
        if not model:
            self.redirect(self.get_login_url())
            return
        try:
            model = self.check_hub_user(model)
        except UserNotAllowed:
            self.set_status(403)
            self.finish(_page("Not allowed",
                              "Your hub account may not use the community help service."))
            return
        self.current_user = model
        # Sets the _xsrf cookie that changes made with this sign-in send back.
        xsrf = self.xsrf_token
        xsrf = xsrf.decode("ascii") if isinstance(xsrf, bytes) else str(xsrf)
        name = html.escape(model["name"])
        # The Get help panel that opened this tab (same site only) may now call
        # the service with this sign-in: it needs the XSRF token for that, which
        # it cannot read from the cookie (the cookie's path is the service's).
        message = json.dumps({"type": SIGNED_IN_MESSAGE, "xsrf": xsrf}).replace("<", "\\u003c")
        script = (
            "if (window.opener) {"
            f" window.opener.postMessage({message}, window.location.origin);"
            " }"
        )
        self.finish(_page(
            "Signed in",
            f"Signed in to the community help service as <strong>{name}</strong>. "
            "You can close this tab.",
            script,
        ))


#: What the sign-in page tells the panel that opened it.
SIGNED_IN_MESSAGE = "jupyterlab-hub-help:service-signed-in"


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


def routes(prefix: str, service) -> list:
    def at(path: str) -> str:
        return prefix + path

    kwargs = {"service": service}
    return [
        (at(""), RootHandler, kwargs),
        (at("oauth_callback"), CallbackHandler, kwargs),
        (at("api/health"), HealthHandler, kwargs),
        (at("api/document"), DocumentHandler, kwargs),
        (at("api/me"), MeHandler, kwargs),
        (at(r"api/sections/([^/]+)"), SectionHandler, kwargs),
        (at("api/history"), HistoryHandler, kwargs),
        (at(r"api/history/(\d+)/undo"), UndoHandler, kwargs),
        (at("api/export"), ExportHandler, kwargs),
        (at("api/import"), ImportHandler, kwargs),
        (r".*", NotFoundHandler, kwargs),
    ]
