"""The service on a hub that gives each user's server a subdomain of its own
(``--subdomain-host``): the panel calls it from the user's own server, a page
on another user's server gets nothing in their name, and the sign-in is
handed, as a token, to the user's own server only."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlparse

import pytest

from .conftest import GROUP_REP, SCOPED, USER, Api, ServiceProcess, free_port, sign_in


@pytest.fixture
def subdomains(hub, tmp_path):
    host = f"http://localhost:{urlparse(hub.public).port}"
    service = ServiceProcess(hub, f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path,
                             "--subdomain-host", host, port=free_port()).start()
    hub.balancer.targets = [service.port]
    try:
        yield service, host
    finally:
        hub.balancer.targets = [hub.ext_port]
        service.stop()


def _at(host: str, user: str) -> str:
    return host.replace("://", f"://{user}.")


def test_preflights_are_answered_for_users_servers_only(subdomains):
    service, host = subdomains
    api = service.api()
    for origin, allowed in ((_at(host, "zoe"), True), (_at(host, "u-ab--1234567"), True),
                            ("https://evil.example", False), (_at(host, "hub-help--service"), False),
                            (host, False)):
        r = api.request("OPTIONS", "api/document", headers={
            "Origin": origin, "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization"})
        assert r.status_code == 204
        assert (r.headers.get("Access-Control-Allow-Origin") == origin) is allowed, origin
        if allowed:
            assert "authorization" in r.headers["Access-Control-Allow-Headers"].lower()


def test_a_page_on_another_users_server_gets_nothing(subdomains):
    service, host = subdomains
    bob, editor = service.api(USER), service.api(SCOPED)
    r = bob.get("api/document", headers={"Origin": _at(host, USER)})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == _at(host, USER)
    assert "ETag" in r.headers["Access-Control-Expose-Headers"]
    # bob's token, sent from zoe's server: refused, naming nothing of bob's.
    r = bob.get("api/me", headers={"Origin": _at(host, "zoe")})
    assert (r.status_code, r.json()["error"]) == (403, "cross-origin")
    assert USER not in r.text
    # A change from the editor's own server goes through; from another's it does not.
    _, etag = editor.section("status")
    r = editor.put("api/sections/status", json_body={"value": {"text": "From my server"}},
                   headers={"If-Match": etag, "Origin": _at(host, USER)})
    assert (r.status_code, r.json()["error"]) == (403, "cross-origin")
    r = editor.put("api/sections/status", json_body={"value": {"text": "From my server"}},
                   headers={"If-Match": etag, "Origin": _at(host, SCOPED)})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == _at(host, SCOPED)


def _handed(page: str):
    match = re.search(r"to\.postMessage\((\{.*?\}), (\"[^\"]*\")\)", page)
    return (json.loads(match.group(1)), json.loads(match.group(2))) if match else None


def test_the_sign_in_is_handed_to_the_users_own_server_as_a_token(hub, subdomains):
    service, host = subdomains
    session = sign_in(hub.public, "hub-help-ext", GROUP_REP)
    base = f"{hub.public}/services/hub-help-ext/"
    own = _at(host, GROUP_REP)
    # Asked for by another user's server: nothing is handed over.
    page = session.get(base + "?origin=" + quote(_at(host, USER)), timeout=30).text
    assert "Not handed over" in page and _handed(page) is None
    page = session.get(base + "?origin=" + quote(own), timeout=30).text
    message, target = _handed(page)
    assert target == own and message["type"] == "jupyterlab-hub-help:service-signed-in"
    token = message["token"]

    # That token is the service's sign-in wherever it is sent, from the
    # user's own server, in the Authorization header (no cookie, no XSRF).
    api = Api(service.url, token)
    me = api.get("api/me", headers={"Origin": own}).json()
    assert (me["credential"], me["canEdit"], me["because"]) == ("sign-in", True, "representative")
    assert "xsrf" not in me
    _, etag = api.section("status")
    r = api.put("api/sections/status", json_body={"value": {"text": "Edited from dee's server"}},
                headers={"If-Match": etag, "Origin": own})
    assert r.status_code == 200, r.text
    # What only editors read, too.
    for path in ("api/history", "api/export"):
        assert api.get(path, headers={"Origin": own}).status_code == 200, path
    # Not from another user's server.
    r = api.put("api/sections/status", json_body={"value": {"text": "Not from here"}},
                headers={"If-Match": r.headers["ETag"], "Origin": _at(host, USER)})
    assert r.status_code == 403
    # A token sent to the sign-in page is refused there, and never becomes a
    # sign-in: a visited server holds such tokens.
    visiting = Api(f"{hub.public}/services/hub-help-ext/", hub.tokens["rep-access"])
    r = visiting.get("?origin=" + quote(own))
    assert r.status_code == 400 and "takes no token" in r.text
    # Another token of the same user, with the same access, is no sign-in.
    other = Api(service.url, hub.tokens["rep-access"])
    assert other.get("api/me").json()["credential"] == "token"
