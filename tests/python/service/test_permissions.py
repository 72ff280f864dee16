"""Who may do what, against the hub-managed service of a real hub (SQLite):
every row of the permission table (permissions.MATRIX, which the operators'
page shows) with the narrowest credential of its kind, then what the table
rests on: rights taken from the hub at each change, never from stored content."""

import json
import re
from urllib.parse import quote, urlparse

import pytest
import requests

from .conftest import (
    ADMIN,
    GROUP_REP,
    REPS_GROUP,
    SCOPED,
    SEED_REP,
    USER,
    Api,
    ServiceProcess,
    free_port,
    service_xsrf,
    sign_in,
)
from .permissions import MATRIX

SERVICE = "hub-help"


@pytest.fixture(scope="module")
def sessions(hub):
    """Browsers signed in to the service through the hub, one per user."""
    return {user: sign_in(hub.public, SERVICE, user) for user in (ADMIN, GROUP_REP, SEED_REP, SCOPED, USER)}


@pytest.fixture(scope="module")
def subdomains(hub, tmp_path_factory):
    """The service as on a hub with a subdomain for each user (the test hub's
    own host as the subdomain host), behind the hub's route to hub-help-ext;
    and the token its sign-in hands to a representative's own server."""
    host = f"http://localhost:{urlparse(hub.public).port}"
    base = tmp_path_factory.mktemp("subdomains")
    service = ServiceProcess(hub, f"sqlite:///{base / 'db.sqlite'}", base,
                             "--subdomain-host", host, port=free_port()).start()
    hub.balancer.targets = [service.port]
    try:
        own = host.replace("://", f"://{GROUP_REP}.")
        session = sign_in(hub.public, "hub-help-ext", GROUP_REP)
        page = session.get(f"{hub.public}/services/hub-help-ext/?origin={quote(own)}", timeout=30).text
        token = json.loads(re.search(r"postMessage\((\{.*?\})", page).group(1))["token"]
        yield service, host, token
    finally:
        hub.balancer.targets = [hub.ext_port]
        service.stop()


def _through_proxy(hub, session: requests.Session) -> Api:
    return Api(f"{hub.public}/services/{SERVICE}/", session=session)


#: For each row of the table: the callers that stand for it, and the headers
#: its changes carry beyond If-Match.
def callers(key: str, hub, managed, sessions, request):
    same_site = {"Origin": hub.public, "Sec-Fetch-Site": "same-origin"}
    if key in ("handed-token", "other-subdomain"):
        service, host, token = request.getfixturevalue("subdomains")
        if key == "handed-token":
            return [(Api(service.url, token, headers={"Origin": host.replace("://", f"://{GROUP_REP}.")}), {})]
        return [(Api(service.url, hub.tokens[who], headers={"Origin": host.replace("://", "://zoe.")}), {})
                for who in (USER, SCOPED, GROUP_REP)]

    def signed(user, **headers):
        session = sessions[user]
        return _through_proxy(hub, session), {"X-XSRFToken": service_xsrf(session, SERVICE), **headers}

    return {
        "anonymous": [(managed(), {})],
        "no-access": [(managed("no-access"), {})],
        "user-token": [(managed(USER), {})],
        "editor-token": [(managed("admin-access"), {}), (managed("rep-access"), {}),
                         (managed(ADMIN), {})],
        "reader-service": [(managed("reader"), {})],
        "scope-token": [(managed(SCOPED), {}), (managed("scribe"), {})],
        "admin-sign-in": [signed(ADMIN, **same_site)],
        "group-sign-in": [signed(GROUP_REP, **same_site)],
        "seed-sign-in": [signed(SEED_REP, **same_site)],
        "scope-sign-in": [signed(SCOPED, **same_site)],
        "user-sign-in": [signed(USER, **same_site)],
        "no-xsrf": [(_through_proxy(hub, sessions[ADMIN]), same_site)],
        "cross-site": [signed(ADMIN, Origin="https://evil.example"),
                       signed(ADMIN, Origin="https://evil.example",
                              **{"X-Forwarded-Host": "evil.example"}),
                       signed(ADMIN, **{"Sec-Fetch-Site": "cross-site"})],
    }[key]


def _status(answer: requests.Response) -> str:
    return "yes" if answer.status_code == 200 else str(answer.status_code)


@pytest.mark.parametrize("row", MATRIX, ids=[row.key for row in MATRIX])
def test_the_permission_table(hub, managed, sessions, row, request):
    for api, headers in callers(row.key, hub, managed, sessions, request):
        for path in ("api/document", "api/me", "api/sections/status"):
            assert _status(api.get(path)) == row.read, (path, api.token)
        if row.read == "yes":
            current = api.get("api/sections/status")
            etag = current.headers["ETag"]
        else:
            etag = '"status-0"'
        value = {"text": f"Set for {row.key}"}
        r = api.put("api/sections/status", json_body={"value": value},
                    headers={"If-Match": etag, **headers})
        assert _status(r) == row.edit, r.text
        if row.edit == "yes":
            me = api.get("api/me").json()
            assert (me["canEdit"], me["because"]) == (True, row.detail)
            assert r.json()["value"] == value
        else:
            assert r.json()["error"] == row.detail
            if row.read == "yes":
                assert api.get("api/sections/status").headers["ETag"] == etag
        if row.key == "editor-token":
            assert api.get("api/me").json()["signInToEdit"] is True


def test_the_other_editor_requests_follow_the_same_rule(managed, sessions, hub):
    """History, a change's details, undo, export and import: a token with the
    access only is refused; the sign-in of a representative is not."""
    token = managed("rep-access")
    signed = _through_proxy(hub, sessions[GROUP_REP])
    xsrf = {"X-XSRFToken": service_xsrf(sessions[GROUP_REP], SERVICE),
            "Origin": hub.public}
    for api, headers, expected in ((token, {}, 403), (signed, xsrf, 200)):
        assert api.get("api/history").status_code == expected
        assert api.get("api/export").status_code == expected
        latest = signed.get("api/history?limit=1").json()["changes"][0]
        assert api.get(f"api/history/{latest['id']}").status_code == expected
        exported = signed.get("api/export").json()
        r = api.put("api/import", json_body=exported, headers=headers)
        assert r.status_code == expected, r.text


def test_each_change_says_on_which_right_it_was_made(hub, managed, sessions):
    """The history names the right each change was made on, as the hub
    answered at that change: an admin's, a representative's (by group or
    seed), a scope holder's; an undo and an import too."""
    def signed(user):
        return _through_proxy(hub, sessions[user]), {
            "X-XSRFToken": service_xsrf(sessions[user], SERVICE), "Origin": hub.public}

    editors = [(*signed(ADMIN), "admin"), (*signed(GROUP_REP), "representative"),
               (*signed(SEED_REP), "representative"), (*signed(SCOPED), "scope"),
               (managed(SCOPED), {}, "scope"), (managed("scribe"), {}, "scope")]
    for api, headers, right in editors:
        r = api.put("api/sections/status", json_body={"value": {"text": f"As {right}"}},
                    headers={"If-Match": api.section("status")[1], **headers})
        assert r.status_code == 200, r.text
        latest = api.get("api/history?section=status&limit=1").json()["changes"][0]
        assert (latest["user"], latest["as"]) == (r.json()["updatedBy"], right)
        assert api.get(f"api/history/{latest['id']}").json()["as"] == right
    admin, headers = signed(ADMIN)
    latest = admin.get("api/history?section=status&limit=1").json()["changes"][0]
    r = admin.post(f"api/history/{latest['id']}/undo", json_body={},
                   headers={"If-Match": admin.section("status")[1], **headers})
    assert r.status_code == 200, r.text
    rep, headers = signed(GROUP_REP)
    r = rep.put("api/import", json_body=rep.get("api/export").json(), headers=headers)
    assert r.status_code == 200, r.text
    imported = len(r.json()["imported"])
    *imports, undo = rep.get(f"api/history?limit={imported + 1}").json()["changes"]
    assert (undo["kind"], undo["user"], undo["as"]) == ("undo", ADMIN, "admin")
    assert {(c["kind"], c["user"], c["as"]) for c in imports} == {
        ("import", GROUP_REP, "representative")}


def test_me_answers_the_sign_in_with_its_xsrf_token(hub, sessions):
    """The panel renews a sign-in it did not see made: `api/me` with the
    cookie alone says who it is and hands the XSRF token for changes."""
    session = sessions[GROUP_REP]
    api = _through_proxy(hub, session)
    me = api.get("api/me").json()
    assert (me["name"], me["credential"], me["canEdit"], me["because"]) == (
        GROUP_REP, "sign-in", True, "representative")
    _, etag = api.section("status")
    r = api.put("api/sections/status", json_body={"value": {"text": "Renewed"}},
                headers={"If-Match": etag, "X-XSRFToken": me["xsrf"], "Origin": hub.public})
    assert r.status_code == 200, r.text
    # A token never gets one.
    assert "xsrf" not in Api(api.base, hub.tokens[GROUP_REP]).get("api/me").json()


def test_a_representative_removed_from_the_group_loses_the_right_at_once(hub, sessions):
    api = _through_proxy(hub, sessions[GROUP_REP])
    headers = {"X-XSRFToken": service_xsrf(sessions[GROUP_REP], SERVICE), "Origin": hub.public}
    admin = {"Authorization": f"token {hub.admin_token}"}
    group = f"{hub.hub_api}/groups/{REPS_GROUP}/users"
    assert api.get("api/me").json()["canEdit"] is True
    try:
        r = requests.delete(group, json={"users": [GROUP_REP]}, headers=admin, timeout=30)
        assert r.ok, r.text
        _, etag = api.section("status")
        r = api.put("api/sections/status", json_body={"value": {"text": "Still here?"}},
                    headers={"If-Match": etag, **headers})
        assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    finally:
        requests.post(group, json={"users": [GROUP_REP]}, headers=admin, timeout=30).raise_for_status()
    r = api.put("api/sections/status", json_body={"value": {"text": "Back in the group"}},
                headers={"If-Match": api.section("status")[1], **headers})
    assert r.status_code == 200, r.text


def test_the_people_list_grants_nothing(hub, managed, sessions):
    """Naming someone a Community Representative in the stored people (or
    hiding a grant behind another display name) does not let them edit."""
    scribe = managed("scribe")
    people = [{"name": "Amara Okafor", "usernames": [USER], "roles": ["community-representative"]}]
    assert scribe.store("people", people).status_code == 200
    bob = _through_proxy(hub, sessions[USER])
    assert bob.get("api/me").json()["canEdit"] is False
    r = bob.put("api/sections/status", json_body={"value": {"text": "Bob edits"}},
                headers={"If-Match": bob.section("status")[1], "Origin": hub.public,
                         "X-XSRFToken": service_xsrf(sessions[USER], SERVICE)})
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    assert scribe.store("people", None).status_code == 200


def test_anonymous_browsers_are_sent_to_sign_in_and_no_token_is_taken_from_a_url(hub, managed):
    r = managed().get("")
    assert r.status_code == 302
    assert urlparse(r.headers["Location"]).path == "/hub/api/oauth2/authorize"
    r = managed().get(f"api/me?token={hub.tokens[ADMIN]}")
    assert r.status_code == 401
    assert managed().get("api/health").json() == {"ok": True}


def test_the_sign_in_page_hands_the_xsrf_token_to_its_opener_or_framer_only(hub, sessions):
    session = sessions[ADMIN]
    r = session.get(f"{hub.public}/services/{SERVICE}/?silent=1", timeout=30)
    assert r.status_code == 200 and ADMIN in r.text
    # Framed by the hub's own pages only; the message goes to its own origin.
    assert "frame-ancestors 'self'" in r.headers["Content-Security-Policy"]
    assert '"type": "jupyterlab-hub-help:service-signed-in"' in r.text
    assert '"xsrf": "' in r.text
    assert "window.parent !== window ? window.parent : window.opener" in r.text
    assert ".postMessage(" in r.text and ", window.location.origin)" in r.text
    # The API's answers may not be framed at all.
    api = session.get(f"{hub.public}/services/{SERVICE}/api/me", timeout=30)
    assert "frame-ancestors 'none'" in api.headers["Content-Security-Policy"]


def test_a_form_body_is_refused(managed):
    r = managed(SCOPED).put("api/sections/status", data="value=x",
                            headers={"If-Match": "*", "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
