"""The HTTP API against a real hub, on SQLite and on PostgreSQL: shapes,
checks, conflicts, history and undo, export and import, ETags, restarts."""

import re
import threading

from .conftest import ADMIN, SCOPED, ServiceProcess

PEOPLE = [
    {"name": "Rosa Diaz", "usernames": ["rosa"], "roles": ["community-representative"],
     "contact": {"email": "rosa@example.org"}},
    {"name": "Sam Lee", "roles": ["hub-administrator"], "note": "Mornings only"},
]
ANNOUNCEMENTS = ["Maintenance on Friday", {"id": "new-gpu", "text": "GPUs are here", "severity": "info"}]
STATUS = {"text": "Servers start slowly today", "severity": "warning"}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_shapes_of_sections_and_document(service):
    admin, reader = service.api(ADMIN), service.api("bob")
    r = reader.get("api/document")
    assert r.status_code == 200 and r.json() == {"formatVersion": 1}
    assert r.headers["Cache-Control"] == "no-cache"
    r = reader.get("api/sections/people")
    assert r.status_code == 200 and r.headers["ETag"] == '"people-0"'
    assert r.json() == {"section": "people", "value": None, "revision": 0,
                        "updatedBy": None, "updatedAt": None}
    assert reader.get("api/sections/roles").status_code == 404
    assert reader.get("api/sections/roles").json()["error"] == "not-found"

    r = admin.store("people", PEOPLE, '"people-0"')
    assert r.status_code == 200, r.text
    body = r.json()
    assert r.headers["ETag"] == '"people-1"'
    assert (body["section"], body["value"], body["revision"], body["updatedBy"]) == (
        "people", PEOPLE, 1, ADMIN)
    assert ISO.match(body["updatedAt"])
    assert admin.store("announcements", ANNOUNCEMENTS).status_code == 200
    assert admin.store("status", STATUS).status_code == 200
    assert reader.get("api/document").json() == {
        "formatVersion": 1,
        "people": PEOPLE,
        "announcements": [{**STATUS, "id": "community-status"}, *ANNOUNCEMENTS],
    }
    assert reader.section("people")[0] == body
    assert service.api().get("api/health").json() == {"ok": True}


def test_invalid_values_are_refused_naming_the_path(service):
    admin = service.api(ADMIN)
    r = admin.store("people", [PEOPLE[0], {"name": "", "roles": ["hub-administrator"]}])
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid" and body["message"].startswith("Nothing was stored")
    assert {"path": "$.people[1].name", "code": "empty", "reason": "must not be empty",
            "severity": "error", "params": []} in body["problems"]
    r = admin.store("status", {"text": "Fine", "link": "javascript:alert(1)"})
    assert r.status_code == 422
    assert [p["path"] for p in r.json()["problems"] if p["severity"] == "error"][0] == "$.status.link"
    assert admin.section("people")[0]["revision"] == 0
    assert admin.get("api/history").json() == {"changes": []}
    # A warning alone does not refuse the value, and is said.
    r = admin.store("people", [{**PEOPLE[1], "shoeSize": 44}])
    assert r.status_code == 200
    assert [w["path"] for w in r.json()["warnings"]] == ["$.people[0].shoeSize"]


def test_preconditions_and_request_format(service):
    admin = service.api(ADMIN)
    r = admin.put("api/sections/status", json_body={"value": STATUS})
    assert r.status_code == 428 and r.json()["error"] == "precondition-required"
    r = admin.put("api/sections/status", data="value=x",
                  headers={"If-Match": '"status-0"', "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and r.json()["error"] == "unsupported-media-type"
    r = admin.put("api/sections/status", data="{nope",
                  headers={"If-Match": '"status-0"', "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad-json"
    r = admin.put("api/sections/status", json_body={"text": "no value key"},
                  headers={"If-Match": '"status-0"'})
    assert r.status_code == 400
    assert admin.get("api/nothing-here").status_code == 404


def test_a_stale_edit_is_refused_with_the_current_value(service):
    admin, scoped = service.api(ADMIN), service.api(SCOPED)
    _, etag = admin.section("announcements")
    assert admin.store("announcements", ["First"], etag).status_code == 200
    r = scoped.store("announcements", ["Second"], etag)
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "conflict"
    assert body["current"]["value"] == ["First"] and body["current"]["revision"] == 1
    assert r.headers["ETag"] == '"announcements-1"'
    assert scoped.store("announcements", ["Second"], '"people-1"').status_code == 409
    assert scoped.store("announcements", ["Second"], r.headers["ETag"]).status_code == 200


def test_two_editors_racing_exactly_one_wins(service):
    editors = [service.api(ADMIN), service.api(SCOPED), service.api("scribe")]
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


def test_history_and_undo(service):
    admin, scoped = service.api(ADMIN), service.api(SCOPED)
    assert admin.store("announcements", ["One"]).status_code == 200
    assert scoped.store("announcements", ["One", "Two"]).status_code == 200
    assert admin.store("status", STATUS).status_code == 200
    changes = admin.get("api/history?section=announcements&limit=50").json()["changes"]
    assert [(c["user"], c["kind"], c["before"], c["after"], c["revision"]) for c in changes] == [
        (SCOPED, "edit", ["One"], ["One", "Two"], 2),
        (ADMIN, "edit", None, ["One"], 1),
    ]
    assert set(changes[0]) == {"id", "section", "user", "at", "kind", "before", "after", "revision"}
    assert ISO.match(changes[0]["at"])
    everything = admin.get("api/history").json()["changes"]
    assert [c["section"] for c in everything] == ["status", "announcements", "announcements"]
    assert len(admin.get("api/history?limit=1").json()["changes"]) == 1
    assert admin.get("api/history?section=roles").status_code == 404

    undo = f"api/history/{changes[0]['id']}/undo"
    r = admin.post(undo, json_body={}, headers={"If-Match": '"announcements-1"'})
    assert r.status_code == 409
    r = admin.post(undo, json_body={})
    assert r.status_code == 428
    r = admin.post(undo, json_body={}, headers={"If-Match": '"announcements-2"'})
    assert r.status_code == 200, r.text
    assert r.json()["value"] == ["One"] and r.json()["revision"] == 3
    assert r.headers["ETag"] == '"announcements-3"'
    latest = admin.get("api/history?section=announcements").json()["changes"][0]
    assert (latest["kind"], latest["user"], latest["after"]) == ("undo", ADMIN, ["One"])
    # Undoing the first change clears the section.
    r = admin.post(f"api/history/{changes[1]['id']}/undo", json_body={},
                   headers={"If-Match": '"announcements-3"'})
    assert r.status_code == 200 and r.json()["value"] is None
    assert admin.get("api/document").json()["announcements"] == [{**STATUS, "id": "community-status"}]
    assert admin.post("api/history/99999/undo", json_body={},
                      headers={"If-Match": "*"}).status_code == 404


def test_export_then_import_round_trip(service):
    admin = service.api(ADMIN)
    for name, value in (("people", PEOPLE), ("announcements", ANNOUNCEMENTS), ("status", STATUS)):
        assert admin.store(name, value).status_code == 200
    r = admin.get("api/export")
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == 'attachment; filename="hub-help-community.json"'
    exported = r.json()
    assert exported["formatVersion"] == 1 and ISO.match(exported["exportedAt"])
    assert exported["sections"] == {"people": PEOPLE, "announcements": ANNOUNCEMENTS, "status": STATUS}
    document = admin.get("api/document").json()

    assert admin.store("people", [PEOPLE[1]]).status_code == 200
    assert admin.store("status", None).status_code == 200
    before = len(admin.get("api/history").json()["changes"])

    bad = {**exported, "sections": {**exported["sections"],
                                    "people": [{"name": "", "roles": ["hub-administrator"]}],
                                    "roles": []}}
    r = admin.put("api/import", json_body=bad)
    assert r.status_code == 422
    paths = {p["path"] for p in r.json()["problems"] if p["severity"] == "error"}
    assert "$.sections.people[0].name" in paths and "$.sections.roles" in paths
    assert len(admin.get("api/history").json()["changes"]) == before
    assert admin.put("api/import", json_body={"formatVersion": 2, "sections": {}}).status_code == 422

    r = admin.put("api/import", json_body=exported)
    assert r.status_code == 200, r.text
    assert r.json()["imported"] == ["people", "announcements", "status"]
    assert admin.get("api/document").json() == document
    changes = admin.get("api/history").json()["changes"]
    assert len(changes) == before + 3
    assert {(c["section"], c["kind"]) for c in changes[:3]} == {
        ("people", "import"), ("announcements", "import"), ("status", "import")}


def test_etag_and_not_modified(service):
    admin, reader = service.api(ADMIN), service.api("bob")
    first = reader.get("api/document")
    etag = first.headers["ETag"]
    r = reader.get("api/document", headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b"" and r.headers["ETag"] == etag
    assert admin.store("status", STATUS).status_code == 200
    r = reader.get("api/document", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] != etag
    assert reader.get("api/document", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304


def test_everything_survives_a_restart(service):
    admin = service.api(ADMIN)
    for name, value in (("people", PEOPLE), ("announcements", ANNOUNCEMENTS), ("status", STATUS)):
        assert admin.store(name, value).status_code == 200
    document = admin.get("api/document")
    history = admin.get("api/history").json()
    service.stop()
    service.start()
    again = admin.get("api/document")
    assert again.json() == document.json()
    assert again.headers["ETag"] == document.headers["ETag"]
    assert admin.get("api/history").json() == history
    assert admin.section("people")[0]["revision"] == 1
    # The representative named in the stored people may edit after the restart too.
    assert service.api("bob").get("api/me").json()["canEdit"] is False


def test_only_the_configured_sections_are_kept(hub, db_url, tmp_path):
    running = ServiceProcess(hub, db_url, tmp_path, "--sections", "people,status").start()
    try:
        admin = running.api(ADMIN)
        assert admin.get("api/me").json()["sections"] == ["people", "status"]
        assert admin.get("api/sections/announcements").status_code == 404
        assert admin.store("status", STATUS).status_code == 200
        r = admin.put("api/import", json_body={"formatVersion": 1, "sections": {"announcements": []}})
        assert r.status_code == 422
        assert r.json()["problems"][0]["path"] == "$.sections.announcements"
        assert admin.get("api/document").json() == {
            "formatVersion": 1, "announcements": [{**STATUS, "id": "community-status"}]}
    finally:
        running.stop()
