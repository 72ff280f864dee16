"""The HTTP API against a real hub, on SQLite and on PostgreSQL: shapes,
checks, conflicts, history and undo, export and import, ETags, restarts.
Edits are made with tokens that carry the edit scope (a user's, a service's)."""

import gzip
import json
import re
import threading

from .conftest import ADMIN, SCOPED, ServiceProcess

EDITOR, OTHER_EDITOR = SCOPED, "scribe"
PEOPLE = [
    {"name": "Rosa Diaz", "usernames": ["rosa"], "roles": ["community-representative"],
     "contact": {"email": "rosa@example.org"}},
    {"name": "Sam Lee", "roles": ["hub-administrator"], "note": "Mornings only"},
]
ANNOUNCEMENTS = ["Maintenance on Friday", {"id": "new-gpu", "text": "GPUs are here", "severity": "info"}]
STATUS = {"text": "Servers start slowly today", "severity": "warning"}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_shapes_of_sections_and_document(service):
    editor, reader = service.api(EDITOR), service.api("bob")
    r = reader.get("api/document")
    assert r.status_code == 200 and r.json() == {"formatVersion": 1}
    assert r.headers["Cache-Control"] == "no-cache"
    r = reader.get("api/sections/people")
    assert r.status_code == 200 and r.headers["ETag"] == '"people-0"'
    assert r.json() == {"section": "people", "value": None, "revision": 0,
                        "updatedBy": None, "updatedAt": None}
    assert reader.get("api/sections/roles").status_code == 404
    assert reader.get("api/sections/roles").json()["error"] == "not-found"

    r = editor.store("people", PEOPLE, '"people-0"')
    assert r.status_code == 200, r.text
    body = r.json()
    assert r.headers["ETag"] == '"people-1"'
    assert (body["section"], body["value"], body["revision"], body["updatedBy"]) == (
        "people", PEOPLE, 1, EDITOR)
    assert ISO.match(body["updatedAt"])
    assert editor.store("announcements", ANNOUNCEMENTS).status_code == 200
    assert editor.store("status", STATUS).status_code == 200
    assert reader.get("api/document").json() == {
        "formatVersion": 1,
        "people": PEOPLE,
        "announcements": [{**STATUS, "id": "community-status"}, *ANNOUNCEMENTS],
    }
    assert reader.section("people")[0] == body
    assert service.api().get("api/health").json() == {"ok": True}


def test_invalid_values_are_refused_naming_the_path(service):
    editor = service.api(EDITOR)
    r = editor.store("people", [PEOPLE[0], {"name": "", "roles": ["hub-administrator"]}])
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid" and body["message"].startswith("Nothing was stored")
    assert {"path": "$.people[1].name", "code": "empty", "reason": "must not be empty",
            "severity": "error", "params": []} in body["problems"]
    r = editor.store("status", {"text": "Fine", "link": "javascript:alert(1)"})
    assert r.status_code == 422
    assert [p["path"] for p in r.json()["problems"] if p["severity"] == "error"][0] == "$.status.link"
    assert editor.section("people")[0]["revision"] == 0
    assert editor.get("api/history").json() == {"changes": [], "next": None}
    # A warning alone does not refuse the value, and is said.
    r = editor.store("people", [{**PEOPLE[1], "shoeSize": 44}])
    assert r.status_code == 200
    assert [w["path"] for w in r.json()["warnings"]] == ["$.people[0].shoeSize"]


def _raw_put(api, path: str, body: bytes, etag: str = "*", **headers):
    return api.put(path, data=body, headers={"If-Match": etag, "Content-Type": "application/json",
                                             **headers})


def test_strict_json_in_and_out(service):
    """What JSON.parse could not read back is refused, naming why; nothing of
    it is stored."""
    editor = service.api(EDITOR)
    cases = {
        b'{"value": {"text": 1e400}}': "too large",
        b'{"value": {"text": NaN}}': "NaN is not a JSON value",
        b'{"value": {"text": -Infinity}}': "-Infinity is not a JSON value",
        b'{"value": {"text": "a", "text": "b"}}': 'the key "text" appears twice',
        b'{"value": {"text": "\\ud800"}}': "lone surrogate",
        b'{"value": ' + b"[" * 200_000 + b"]" * 200_000 + b"}": "nested deeper than",
        b'{"value": ' + b"[" * 40 + b"]" * 40 + b"}": "nested deeper than",
        b'{"value": {"text": "caf\xe9"}}': "not UTF-8",
        b'{"value": {"text": 1' + b"0" * 400 + b'}}': "too large",
        b"{nope": "Expecting property name",
    }
    for body, reason in cases.items():
        r = _raw_put(editor, "api/sections/status", body)
        assert r.status_code == 400, (body[:40], r.text[:200])
        assert r.json()["error"] == "bad-json"
        assert reason in r.json()["reason"], (body[:40], r.json())
    assert editor.section("status")[0]["revision"] == 0
    # Numbers JavaScript reads as doubles are stored as it reads them.
    r = _raw_put(editor, "api/sections/people",
                 b'{"value": [{"name": "N", "roles": ["hub-administrator"], "note": "x"}]}')
    assert r.status_code == 200
    served = editor.get("api/document").content
    assert json.loads(served, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))


def test_errors_are_json_and_never_500(service, hub):
    editor = service.api(EDITOR)
    r = editor.put("api/sections/status", json_body={"value": STATUS})
    assert r.status_code == 428 and r.json()["error"] == "precondition-required"
    r = editor.put("api/sections/status", data="value=x",
                   headers={"If-Match": '"status-0"', "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and r.json()["error"] == "unsupported-media-type"
    r = editor.put("api/sections/status", json_body={"text": "no value key"},
                   headers={"If-Match": '"status-0"'})
    assert r.status_code == 400
    assert editor.get("api/nothing-here").status_code == 404
    for path in ("api/history/99999999999999999999/undo", "api/history/99999999999999999999"):
        r = editor.post(path, json_body={}, headers={"If-Match": "*"}) if path.endswith("undo") \
            else editor.get(path)
        assert (r.status_code, r.json()["error"]) == (404, "not-found"), path
    assert editor.get("api/history?before=99999999999999999999").status_code == 200
    assert editor.get("api/history/" + "9" * 5000).status_code == 404
    r = editor.put("api/import", json_body={"formatVersion": True, "sections": {}})
    assert r.status_code == 422
    assert r.json()["problems"][0]["path"] == "$.formatVersion"


def test_bodies_over_the_limit_get_a_413_before_they_are_read(service, hub):
    editor, anonymous = service.api(EDITOR), service.api()
    big = b'{"value": "' + b"x" * (10_000_001) + b'"}'
    r = _raw_put(editor, "api/sections/status", big)
    assert r.status_code == 413, (r.status_code, r.text[:300], r.headers)
    assert r.json()["error"] == "too-large"
    # Who is not known sends nothing large: 401 before the body.
    r = _raw_put(anonymous, "api/sections/status", b'{"value": "' + b"x" * 200_000 + b'"}')
    assert r.status_code == 401
    # Through the hub's proxy too: a JSON 413, not the proxy's error page.
    from .conftest import Api

    proxied = Api(hub.public + "/services/hub-help/", hub.tokens[SCOPED])
    r = _raw_put(proxied, "api/sections/status", big)
    assert r.status_code == 413, (r.status_code, r.text[:300], r.headers)
    assert r.json()["error"] == "too-large"


def test_the_whole_document_is_limited_as_the_panel_limits_it(service):
    editor = service.api(EDITOR)
    # 1.7 million CJK characters are 5.1 MB of UTF-8: under the panel's
    # character limit, over its byte limit once with the rest.
    person = {"name": "名" * 1_700_000, "roles": ["hub-administrator"]}
    # As a browser sends it: UTF-8, not escaped.
    body = json.dumps({"value": [person]}, ensure_ascii=False).encode("utf-8")
    r = _raw_put(editor, "api/sections/people", body)
    assert r.status_code == 422, r.text[:300]
    problem = r.json()["problems"][0]
    assert problem["code"] in ("document-too-large", "too-large")
    assert editor.section("people")[0]["revision"] == 0
    assert editor.store("status", STATUS).status_code == 200
    half = {"name": "名" * 900_000, "roles": ["hub-administrator"]}
    assert editor.store("people", [half]).status_code == 200
    r = editor.store("announcements", ["名" * 900_000])
    assert r.status_code == 422
    assert r.json()["problems"][0]["code"] == "document-too-large"
    assert len(editor.get("api/document").content) <= 5_000_000


def test_a_stale_edit_is_refused_with_the_current_value(service):
    editor, other = service.api(EDITOR), service.api(OTHER_EDITOR)
    _, etag = editor.section("announcements")
    assert editor.store("announcements", ["First"], etag).status_code == 200
    r = other.store("announcements", ["Second"], etag)
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "conflict"
    assert body["current"]["value"] == ["First"] and body["current"]["revision"] == 1
    assert r.headers["ETag"] == '"announcements-1"'
    assert other.store("announcements", ["Second"], '"people-1"').status_code == 409
    assert other.store("announcements", ["Second"], r.headers["ETag"]).status_code == 200


def test_two_editors_racing_exactly_one_wins(service):
    editors = [service.api(EDITOR), service.api(OTHER_EDITOR), service.api(EDITOR)]
    _, etag = editors[0].section("status")
    barrier = threading.Barrier(len(editors))
    results = {}

    def edit(i, api):
        barrier.wait()
        results[i] = api.store("status", {"text": f"Note {i}"}, etag)

    threads = [threading.Thread(target=edit, args=(i, api)) for i, api in enumerate(editors)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results.values())
    assert codes == [200, 409, 409]
    winner = next(i for i, r in results.items() if r.status_code == 200)
    for r in results.values():
        if r.status_code == 409:
            assert r.json()["current"]["value"] == {"text": f"Note {winner}"}
    assert editors[0].section("status")[0]["value"] == {"text": f"Note {winner}"}
    history = editors[0].get("api/history?section=status").json()["changes"]
    assert len(history) == 1


def test_history_pages_and_details(service):
    editor, other = service.api(EDITOR), service.api(OTHER_EDITOR)
    assert editor.store("announcements", ["One"]).status_code == 200
    assert other.store("announcements", ["One", "Two"]).status_code == 200
    assert editor.store("status", STATUS).status_code == 200
    changes = editor.get("api/history?section=announcements&limit=50").json()["changes"]
    assert [(c["user"], c["kind"], c["revision"], c["summary"]) for c in changes] == [
        (OTHER_EDITOR, "edit", 2, {"added": 1, "removed": 0, "changed": 0}),
        (EDITOR, "edit", 1, {"added": 1, "removed": 0, "changed": 0}),
    ]
    assert set(changes[0]) == {"id", "section", "user", "at", "kind", "revision", "summary", "as"}
    assert [c["as"] for c in changes] == ["scope", "scope"]
    assert ISO.match(changes[0]["at"])
    detail = editor.get(f"api/history/{changes[0]['id']}").json()
    assert (detail["before"], detail["after"]) == (["One"], ["One", "Two"])
    first = editor.get("api/history?limit=2").json()
    assert [c["section"] for c in first["changes"]] == ["status", "announcements"]
    rest = editor.get(f"api/history?limit=2&before={first['next']}").json()
    assert [c["revision"] for c in rest["changes"]] == [1] and rest["next"] is None
    assert editor.get("api/history?section=roles").status_code == 404


def test_undo_names_the_revision_it_was_shown(service):
    """Undoing an older change never discards a later one unseen."""
    editor, other = service.api(EDITOR), service.api(OTHER_EDITOR)
    gpu = {"id": "gpu", "text": "GPUs are here"}
    assert editor.store("announcements", [gpu]).status_code == 200
    assert editor.store("announcements", [gpu, {"id": "fri", "text": "Maintenance Friday"}]).status_code == 200
    mine = editor.get("api/history?section=announcements&limit=1").json()["changes"][0]
    undo = f"api/history/{mine['id']}/undo"
    # Someone else's later edit, to another entry.
    later = [{**gpu, "text": "GPUs are back"}, {"id": "fri", "text": "Maintenance Friday"}]
    assert other.store("announcements", later).status_code == 200

    r = editor.post(undo, json_body={}, headers={"If-Match": f'"announcements-{mine["revision"]}"'})
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "later-changes" and body["laterCount"] == 1
    assert [(c["user"], c["revision"]) for c in body["later"]] == [(OTHER_EDITOR, 3)]
    assert body["onlyThis"] is True and r.headers["ETag"] == '"announcements-3"'
    # A fresh ETag alone does not get past it.
    r = editor.post(undo, json_body={}, headers={"If-Match": '"announcements-3"'})
    assert (r.status_code, r.json()["error"]) == (409, "later-changes")
    # Confirming a count that is not what was shown is refused.
    r = editor.post(undo, json_body={"alsoUndo": 0}, headers={"If-Match": '"announcements-3"'})
    assert r.status_code == 409
    assert editor.section("announcements")[0]["value"] == later

    # Only this change: the later edit of the other entry stays.
    r = editor.post(undo, json_body={"only": True}, headers={"If-Match": '"announcements-3"'})
    assert r.status_code == 200, r.text
    assert r.json()["value"] == [{**gpu, "text": "GPUs are back"}]
    latest = editor.get("api/history?section=announcements&limit=1").json()["changes"][0]
    assert (latest["kind"], latest["user"]) == ("undo", EDITOR)

    # Undoing the first change and the later ones, once confirmed.
    first = editor.get("api/history?section=announcements").json()["changes"][-1]
    r = editor.post(f"api/history/{first['id']}/undo", json_body={},
                    headers={"If-Match": '"announcements-1"'})
    assert r.json()["laterCount"] == 3 and r.json()["onlyThis"] is False
    r = editor.post(f"api/history/{first['id']}/undo", json_body={"alsoUndo": 3},
                    headers={"If-Match": '"announcements-4"'})
    assert r.status_code == 200 and r.json()["value"] is None

    # A plain undo of the newest change needs nothing more than its revision.
    newest = editor.get("api/history?section=announcements&limit=1").json()["changes"][0]
    r = editor.post(f"api/history/{newest['id']}/undo", json_body={},
                    headers={"If-Match": f'"announcements-{newest["revision"]}"'})
    assert r.status_code == 200 and r.json()["value"] == [{**gpu, "text": "GPUs are back"}]
    assert editor.post("api/history/99999/undo", json_body={},
                       headers={"If-Match": "*"}).status_code == 404


def test_only_this_change_is_refused_when_a_later_one_touched_its_entries(service):
    editor, other = service.api(EDITOR), service.api(OTHER_EDITOR)
    assert editor.store("announcements", [{"id": "a", "text": "A"}]).status_code == 200
    assert editor.store("announcements", [{"id": "a", "text": "A2"}]).status_code == 200
    mine = editor.get("api/history?section=announcements&limit=1").json()["changes"][0]
    assert other.store("announcements", [{"id": "a", "text": "A3"}]).status_code == 200
    r = editor.post(f"api/history/{mine['id']}/undo", json_body={"only": True},
                    headers={"If-Match": '"announcements-3"'})
    assert (r.status_code, r.json()["error"]) == (409, "entries-changed-later")
    assert r.json()["entries"] == ["a"]
    assert r.json()["current"]["revision"] == 3 and r.headers["ETag"] == '"announcements-3"'
    # A confirmation names the revision it was shown, never "whatever it is".
    r = editor.post(f"api/history/{mine['id']}/undo", json_body={"alsoUndo": 1},
                    headers={"If-Match": "*"})
    assert (r.status_code, r.json()["error"]) == (409, "conflict")


def test_export_then_import_round_trip(service):
    editor = service.api(EDITOR)
    for name, value in (("people", PEOPLE), ("announcements", ANNOUNCEMENTS), ("status", STATUS)):
        assert editor.store(name, value).status_code == 200
    r = editor.get("api/export")
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == 'attachment; filename="hub-help-community.json"'
    exported = r.json()
    assert exported["formatVersion"] == 1 and ISO.match(exported["exportedAt"])
    assert exported["sections"] == {"people": PEOPLE, "announcements": ANNOUNCEMENTS, "status": STATUS}
    document = editor.get("api/document").json()

    assert editor.store("people", [PEOPLE[1]]).status_code == 200
    assert editor.store("status", None).status_code == 200
    before = len(editor.get("api/history").json()["changes"])

    bad = {**exported, "sections": {**exported["sections"],
                                    "people": [{"name": "", "roles": ["hub-administrator"]}],
                                    "roles": []}}
    r = editor.put("api/import", json_body=bad)
    assert r.status_code == 422
    paths = {p["path"] for p in r.json()["problems"] if p["severity"] == "error"}
    assert "$.sections.people[0].name" in paths and "$.sections.roles" in paths
    assert len(editor.get("api/history").json()["changes"]) == before
    assert editor.put("api/import", json_body={"formatVersion": 2, "sections": {}}).status_code == 422

    r = editor.put("api/import", json_body=exported)
    assert r.status_code == 200, r.text
    assert r.json()["imported"] == ["people", "announcements", "status"]
    assert editor.get("api/document").json() == document
    changes = editor.get("api/history").json()["changes"]
    assert len(changes) == before + 3
    assert {(c["section"], c["kind"]) for c in changes[:3]} == {
        ("people", "import"), ("announcements", "import"), ("status", "import")}


def test_etag_not_modified_and_compression(service):
    editor, reader = service.api(EDITOR), service.api("bob")
    first = reader.get("api/document", headers={"Accept-Encoding": "identity"})
    etag = first.headers["ETag"]
    assert "Content-Encoding" not in first.headers
    r = reader.get("api/document", headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b"" and r.headers["ETag"] == etag
    many = [{**PEOPLE[0], "name": f"Person {i}", "usernames": [f"p{i}"]} for i in range(80)]
    assert editor.store("people", many).status_code == 200
    r = reader.get("api/document", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] != etag
    assert r.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in r.headers["Vary"]
    raw = reader.get("api/document", headers={"Accept-Encoding": "gzip"}, stream=True).raw.read()
    assert json.loads(gzip.decompress(raw))["people"] == many
    assert reader.get("api/document", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304
    # Reading a section does not make the document again (same ETag).
    reader.get("api/sections/people")
    assert reader.get("api/document").headers["ETag"] == r.headers["ETag"]


def test_everything_survives_a_restart(service):
    editor = service.api(EDITOR)
    for name, value in (("people", PEOPLE), ("announcements", ANNOUNCEMENTS), ("status", STATUS)):
        assert editor.store(name, value).status_code == 200
    document = editor.get("api/document")
    history = editor.get("api/history").json()
    service.stop()
    service.start()
    again = editor.get("api/document")
    assert again.json() == document.json()
    assert again.headers["ETag"] == document.headers["ETag"]
    assert editor.get("api/history").json() == history
    assert editor.section("people")[0]["revision"] == 1


def test_only_the_configured_sections_are_kept(hub, db_url, tmp_path):
    running = ServiceProcess(hub, db_url, tmp_path, "--sections", "people,status").start()
    try:
        editor = running.api(EDITOR)
        assert editor.get("api/me").json()["sections"] == ["people", "status"]
        assert running.api(ADMIN).get("api/me").json()["sections"] == []
        assert editor.get("api/sections/announcements").status_code == 404
        assert editor.store("status", STATUS).status_code == 200
        r = editor.put("api/import", json_body={"formatVersion": 1, "sections": {"announcements": []}})
        assert r.status_code == 422
        assert r.json()["problems"][0]["path"] == "$.sections.announcements"
        assert editor.get("api/document").json() == {
            "formatVersion": 1, "announcements": [{**STATUS, "id": "community-status"}]}
    finally:
        running.stop()
