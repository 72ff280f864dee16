"""Who may do what, against the hub-managed service of a real hub (SQLite):
tokens of each kind of caller, and the sign-in cookie after the OAuth flow
with its cross-site protection."""

import re
from urllib.parse import urlparse

import pytest
import requests

from .conftest import ADMIN, FUTURE_REP, PASSWORD, SCOPED, SEED_REP, USER, Api

STATUS = {"text": "All good"}
REPRESENTATIVE = {"name": "Dee", "usernames": [FUTURE_REP], "roles": ["community-representative"]}
ADMIN_PERSON = {"name": "Ada", "roles": ["hub-administrator"]}


def test_anonymous_callers_get_401_json_and_no_redirect(managed):
    anonymous = managed()
    for path in ("api/document", "api/me", "api/sections/people", "api/history", "api/export"):
        r = anonymous.get(path)
        assert r.status_code == 401, path
        assert r.json()["error"] == "unauthorized"
    r = anonymous.put("api/sections/people", json_body={"value": []}, headers={"If-Match": "*"})
    assert r.status_code == 401
    assert anonymous.get("api/health").json() == {"ok": True}
    # A browser visiting the service's page is sent to sign in through the hub.
    r = anonymous.get("")
    assert r.status_code == 302
    assert urlparse(r.headers["Location"]).path == "/hub/api/oauth2/authorize"


def test_a_token_without_the_access_scope_is_refused(managed):
    r = managed("no-access").get("api/document")
    assert r.status_code == 403
    assert r.json()["error"] == "forbidden"
    assert "access:services!service=hub-help" in r.json()["message"]


def test_an_ordinary_user_may_read_but_not_edit(managed):
    user = managed(USER)
    assert user.get("api/document").status_code == 200
    assert user.get("api/me").json() == {
        "name": USER, "kind": "user", "canEdit": False, "because": None, "sections": []}
    _, etag = user.section("status")
    r = user.store("status", STATUS, etag)
    assert r.status_code == 403 and r.json()["error"] == "forbidden"
    for r in (
        user.get("api/history"),
        user.get("api/export"),
        user.put("api/import", json_body={"formatVersion": 1, "sections": {}}),
        user.post("api/history/1/undo", json_body={}, headers={"If-Match": "*"}),
    ):
        assert r.status_code == 403


@pytest.mark.parametrize("who, because", [
    (ADMIN, "admin"), (SCOPED, "scope"), (SEED_REP, "representative"), ("scribe", "scope"),
])
def test_admins_scope_holders_and_representatives_edit(managed, who, because):
    api = managed(who)
    me = api.get("api/me").json()
    assert (me["canEdit"], me["because"]) == (True, because)
    assert me["sections"] == ["people", "announcements", "status", "tasks"]
    r = api.store("status", {"text": f"Set by {who}"})
    assert r.status_code == 200, r.text
    assert r.json()["updatedBy"] == who
    assert api.get("api/history?limit=1").json()["changes"][0]["user"] == who


def test_another_service_reads_but_does_not_edit_without_the_scope(managed):
    reader = managed("reader")
    assert reader.get("api/document").status_code == 200
    assert reader.get("api/me").json()["kind"] == "service"
    assert reader.store("status", STATUS).status_code == 403


def test_a_user_named_representative_in_the_people_may_edit(managed):
    admin, dee = managed(ADMIN), managed(FUTURE_REP)
    assert dee.get("api/me").json()["canEdit"] is False
    assert dee.store("status", STATUS).status_code == 403
    assert admin.store("people", [REPRESENTATIVE, ADMIN_PERSON]).status_code == 200
    assert dee.get("api/me").json()["because"] == "representative"
    assert dee.store("status", {"text": "Dee was here"}).status_code == 200
    # Removed from the people, no longer.
    assert admin.store("people", [ADMIN_PERSON]).status_code == 200
    assert dee.store("status", STATUS).status_code == 403


def test_the_proxy_route_reaches_the_service(hub):
    through_proxy = Api(hub.public + "/services/hub-help/", hub.tokens[USER])
    r = through_proxy.get("api/document")
    assert r.status_code == 200 and r.json()["formatVersion"] == 1


def test_a_form_body_is_refused(managed):
    r = managed(ADMIN).put("api/sections/status", data="value=x",
                           headers={"If-Match": "*", "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415


@pytest.fixture(scope="module")
def signed_in(hub):
    """A browser session of the admin, signed in to the service through the hub's OAuth."""
    session = requests.Session()
    page = session.get(hub.public + "/hub/login", timeout=30)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    r = session.post(hub.public + "/hub/login",
                     data={"username": ADMIN, "password": PASSWORD, "_xsrf": xsrf}, timeout=30,
                     allow_redirects=False)  # (to a server this hub cannot start)
    assert r.status_code == 302, r.text
    r = session.get(hub.public + "/services/hub-help/", timeout=30)
    assert r.status_code == 200, r.text
    assert "Signed in" in r.text and ADMIN in r.text
    # The panel that opened the tab is told the XSRF token, on its own site only.
    xsrf = next(c.value for c in session.cookies
                if c.name == "_xsrf" and c.path.startswith("/services/hub-help"))
    assert '"type": "jupyterlab-hub-help:service-signed-in"' in r.text
    assert f'"xsrf": "{xsrf}"' in r.text
    assert "window.opener.postMessage(" in r.text and ", window.location.origin)" in r.text
    return session


def _service_xsrf(session: requests.Session) -> str:
    return next(c.value for c in session.cookies
                if c.name == "_xsrf" and c.path.startswith("/services/hub-help"))


def test_the_sign_in_cookie_reads_and_edits_only_with_the_xsrf_token(hub, signed_in):
    api = Api(hub.public + "/services/hub-help/", session=signed_in)
    assert api.get("api/me").json()["name"] == ADMIN
    _, etag = api.section("announcements")
    body = {"value": ["From the browser"]}
    r = api.put("api/sections/announcements", json_body=body, headers={"If-Match": etag})
    assert r.status_code == 403 and r.json()["error"] == "xsrf"
    token = _service_xsrf(signed_in)
    r = api.put("api/sections/announcements", json_body=body,
                headers={"If-Match": etag, "X-XSRFToken": "wrong" + token})
    assert r.status_code == 403
    r = api.put("api/sections/announcements", json_body=body,
                headers={"If-Match": etag, "X-XSRFToken": token, "Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"] == "cross-site"
    r = api.put("api/sections/announcements", json_body=body,
                headers={"If-Match": etag, "X-XSRFToken": token, "Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403 and r.json()["error"] == "cross-site"
    assert api.section("announcements")[1] == etag
    r = api.put("api/sections/announcements", json_body=body,
                headers={"If-Match": etag, "X-XSRFToken": token, "Origin": hub.public,
                         "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200, r.text
    assert r.json()["updatedBy"] == ADMIN
