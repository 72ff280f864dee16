"""Reports kept by the service, against a real hub, on SQLite and PostgreSQL:
filing once per idempotency key, what each person reads (their own, or the
reports the escalation policy routes to them), the triage actions and the
credential they need, what the service redacts itself, its limits and
retention, and the service without reports."""

from __future__ import annotations

import csv
import io
import json
import re
import os
import secrets
import signal
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import update

from jupyterlab_hub_help.service.report_store import Full, ReportStore, reports
from jupyterlab_hub_help.service.store import Store, utcnow
from jupyterlab_hub_help.validate.catalogue import BUILT_IN_OUTAGE_CATEGORIES

from .conftest import (
    ADMIN,
    GROUP_REP,
    SCOPED,
    SEED_REP,
    USER,
    Api,
    ServiceProcess,
    free_port,
    service_xsrf,
    sign_in,
)

EXT = "hub-help-ext"
ACCESS = ["access:services!service=hub-help", "access:services!service=hub-help-ext"]
CASES = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "redaction.json")
                   .read_text(encoding="utf-8"))["cases"]


def page_api(service, user: str) -> Api:
    """``user``'s page token: the service's access and nothing more."""
    key = f"{user}-page"
    if key not in service.hub.tokens:
        service.hub.tokens[key] = service.hub.create_token(user, scopes=ACCESS)
    return Api(service.url, service.hub.tokens[key])


def signed_in(hub, user: str) -> Api:
    """``user``'s sign-in to the service, through the hub's proxy, from the same site."""
    session = sign_in(hub.public, EXT, user)
    return Api(f"{hub.public}/services/{EXT}/", session=session,
               headers={"Origin": hub.public, "X-XSRFToken": service_xsrf(session, EXT)})


def file(api: Api, key: str = "", **fields):
    body = {"category": "slow", "summary": "Notebooks take a minute to open", **fields}
    return api.post("api/reports", json_body=body,
                    headers={"Idempotency-Key": key or secrets.token_hex(8)})


def filed(api: Api, **fields) -> dict:
    r = file(api, **fields)
    assert r.status_code == 201, r.text
    return r.json()["report"]


def references(r) -> list:
    assert r.status_code == 200, r.text
    return [report["reference"] for report in r.json()["reports"]]


def test_people_file_reports_and_read_their_own(service):
    bob, cyd = page_api(service, USER), page_api(service, SCOPED)
    first = filed(bob, description="Since 10:00", affected="everyone in my class",
                  diagnostics="JupyterLab 4", pagePath="/user/bob/lab")
    assert re.fullmatch(r"R-\d+", first["reference"])
    assert first["status"] == "received"
    assert first["reporter"] == {"name": USER, "role": "user"}
    assert [e["kind"] for e in first["events"]] == ["filed"]
    second = filed(bob, category="cannot-log-in", summary="Login loops")
    assert references(bob.get("api/reports/mine")) == [second["reference"], first["reference"]]
    assert references(cyd.get("api/reports/mine")) == []
    # Paged as the history is.
    page = bob.get("api/reports/mine?limit=1").json()
    assert references(bob.get(f"api/reports/mine?limit=1&before={page['next']}")) == [first["reference"]]
    me = bob.get("api/me").json()
    shared = sorted(c for c, _ in BUILT_IN_OUTAGE_CATEGORIES)
    assert me["reports"] == {"enabled": True, "triage": False, "shared": shared}
    assert page_api(service, ADMIN).get("api/me").json()["reports"] == {
        "enabled": True, "triage": True, "shared": shared}
    # Services file nothing.
    assert file(service.api("reader")).status_code == 403


def test_a_retry_with_the_same_key_never_files_twice(service):
    bob, cyd = page_api(service, USER), page_api(service, SCOPED)
    key = secrets.token_hex(8)
    r = file(bob, key)
    assert r.status_code == 201
    again = file(bob, key)
    assert again.status_code == 200
    assert again.json()["report"]["reference"] == r.json()["report"]["reference"]
    # The key is each person's own.
    assert file(cyd, key).status_code == 201
    # Many at once.
    key, answers = secrets.token_hex(8), []

    def send():
        answers.append(file(page_api(service, USER), key))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [200] * 7 + [201]
    assert len({a.json()["report"]["reference"] for a in answers}) == 1
    assert len(references(bob.get("api/reports/mine"))) == 2
    # A key must be there, and look like one.
    for bad in ({}, {"Idempotency-Key": "short"}, {"Idempotency-Key": "x" * 129}):
        r = bob.post("api/reports", json_body={"category": "slow", "summary": "s"}, headers=bad)
        assert r.status_code == 400 and r.json()["field"] == "Idempotency-Key"


def test_the_service_redacts_what_it_keeps(service):
    """The cases the panel's redaction is held to, with the caller's own
    token as the secret, whatever the page sent."""
    bob = page_api(service, USER)
    token = bob.token

    def with_token(text: str, case: dict) -> str:
        for secret in case["secrets"]:
            if len(secret) >= 4:
                text = text.replace(secret, token)
        return text

    texts = [with_token(c["text"], c) for c in CASES]
    report = filed(bob, summary=f"my token is {token}",
                   description="\n\n".join(texts),
                   affected=f"see /lab?token={token}", diagnostics=f"Authorization: bearer {token}",
                   pagePath=f"/user/bob/lab?_xsrf={token}")
    kept = report["description"].split("\n\n")
    for case, text in zip(CASES, kept):
        assert text == case["redacted"], case["description"]
    stored = json.dumps(bob.get("api/reports/mine").json())
    assert token not in stored
    assert report["summary"] == "my token is [redacted]"
    assert report["diagnostics"] == "Authorization: bearer [redacted]"


def test_the_inbox_follows_the_escalation_policy(service):
    hub = service.hub
    from_user = filed(page_api(service, USER))["reference"]
    from_admin = filed(page_api(service, ADMIN), category="home-full")["reference"]
    from_rep = filed(page_api(service, GROUP_REP))["reference"]
    # A hub admin reads users' reports, not admins'.
    admin = signed_in(hub, ADMIN)
    assert references(admin.get("api/reports")) == [from_user]
    # A representative who is not an admin reads admins' reports only.
    rep = signed_in(hub, GROUP_REP)
    assert references(rep.get("api/reports")) == [from_admin]
    # The edit scope reads them all.
    assert references(service.api(SCOPED).get("api/reports")) == [from_rep, from_admin, from_user]
    # Everyone else: 403, and a page token of an admin asks for the sign-in.
    for api, error in ((page_api(service, USER), "forbidden"),
                       (signed_in(hub, USER), "forbidden"),
                       (page_api(service, ADMIN), "sign-in-required"),
                       (service.api("reader"), "forbidden")):
        r = api.get("api/reports")
        assert (r.status_code, r.json()["error"]) == (403, error), r.text
    # Filters.
    scoped = service.api(SCOPED)
    assert references(scoped.get("api/reports?category=home-full")) == [from_admin]
    assert references(scoped.get("api/reports?status=resolved")) == []
    assert references(scoped.get("api/reports?until=2000-01-01")) == []
    assert len(references(scoped.get("api/reports?since=2000-01-01T00:00:00Z"))) == 3
    assert scoped.get("api/reports?since=yesterday").json()["field"] == "since"


def test_an_admin_who_is_also_a_representative_reads_both(hub, db_url, tmp_path):
    service = ServiceProcess(hub, db_url, tmp_path, "--representative", ADMIN).start()
    try:
        from_user = filed(page_api(service, USER))["reference"]
        from_admin = filed(page_api(service, ADMIN))["reference"]
        filed(page_api(service, SEED_REP))
        assert references(signed_in(hub, ADMIN).get("api/reports")) == [from_admin, from_user]
    finally:
        service.stop()


def test_triage_needs_the_sign_in_and_is_recorded(service):
    hub = service.hub
    bob = page_api(service, USER)
    ref = filed(bob)["reference"]
    # The page's token of an admin, or a user's, changes nothing.
    r = page_api(service, ADMIN).post(f"api/reports/{ref}/acknowledge", json_body={})
    assert (r.status_code, r.json()["error"]) == (403, "sign-in-required")
    r = bob.post(f"api/reports/{ref}/acknowledge", json_body={})
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    admin = signed_in(hub, ADMIN)
    r = admin.post(f"api/reports/{ref}/acknowledge", json_body={},
                   headers={"X-XSRFToken": ""})
    assert (r.status_code, r.json()["error"]) == (403, "xsrf")
    # A representative is not routed a user's report.
    r = signed_in(hub, GROUP_REP).post(f"api/reports/{ref}/acknowledge", json_body={})
    assert (r.status_code, r.json()["error"]) == (404, "not-found")
    # The admin's sign-in.
    r = admin.post(f"api/reports/{ref}/acknowledge", json_body={})
    assert r.status_code == 200, r.text
    assert r.json()["report"]["acknowledged"]["by"] == ADMIN
    r = admin.post(f"api/reports/{ref}/acknowledge", json_body={})
    assert (r.status_code, r.json()["error"]) == (409, "wrong-status")
    assert admin.post(f"api/reports/{ref}/note",
                      json_body={"text": "Probably the NFS server"}).status_code == 200
    assert admin.post(f"api/reports/{ref}/note",
                      json_body={"text": "We are on it", "toReporter": True}).status_code == 200
    assert admin.post(f"api/reports/{ref}/note", json_body={"text": ""}).status_code == 400
    r = admin.post(f"api/reports/{ref}/resolve", json_body={"note": "Fixed at 11:00"})
    assert r.json()["report"]["status"] == "resolved"
    # The edit scope's token acts too.
    r = service.api(SCOPED).post(f"api/reports/{ref}/reopen", json_body={})
    assert r.json()["report"]["status"] == "acknowledged"
    events = r.json()["report"]["events"]
    assert [(e["kind"], e["by"], e["toReporter"]) for e in events] == [
        ("filed", USER, True), ("acknowledged", ADMIN, True), ("note", ADMIN, False),
        ("note", ADMIN, True), ("resolved", ADMIN, True), ("reopened", SCOPED, True)]
    assert all(e["at"] for e in events)
    # The reporter reads what was addressed to them, never the internal note.
    (mine,) = bob.get("api/reports/mine").json()["reports"]
    assert "Probably the NFS server" not in json.dumps(mine)
    assert [e["note"] for e in mine["events"] if e["kind"] == "note"] == ["We are on it"]
    assert "toReporter" not in mine["events"][0]


def test_the_reporter_withdraws_with_the_page_token(service):
    bob, cyd = page_api(service, USER), page_api(service, SCOPED)
    ref = filed(bob, description="My server is stuck", diagnostics="JupyterLab 4")["reference"]
    assert cyd.post(f"api/reports/{ref}/withdraw", json_body={}).status_code == 404
    r = bob.post(f"api/reports/{ref}/withdraw", json_body={})
    assert r.status_code == 200, r.text
    report = r.json()["report"]
    assert (report["status"], report["description"], report["diagnostics"]) == ("withdrawn", "", "")
    assert [e["kind"] for e in report["events"]] == ["filed", "withdrawn"]
    assert bob.post(f"api/reports/{ref}/withdraw", json_body={}).status_code == 200
    scoped = service.api(SCOPED)
    assert references(scoped.get("api/reports")) == []
    assert scoped.get("api/reports?status=withdrawn").status_code == 400
    assert scoped.post(f"api/reports/{ref}/acknowledge", json_body={}).status_code == 404


def test_passing_reports_on_sums_them_up_for_the_operators_desk(service):
    bob, cyd = page_api(service, USER), page_api(service, SCOPED)
    refs = [
        filed(bob, description=f"Slow since 9 (token={bob.token})")["reference"],
        filed(bob, category="home-full", description="Quota reached")["reference"],
        filed(cyd, description="Very slow")["reference"],
        filed(cyd, description="Also slow")["reference"],
    ]
    admin = signed_in(service.hub, ADMIN)
    r = admin.post("api/reports/pass-on", json_body={"references": refs[:3]})
    assert r.status_code == 200, r.text
    summed = r.json()
    assert (summed["count"], summed["people"]) == (3, 2)
    assert summed["categories"] == {"slow": 2, "home-full": 1}
    assert summed["first"] <= summed["last"]
    assert summed["descriptions"] == ["Slow since 9 (token=[redacted])", "Quota reached", "Very slow"]
    assert USER not in json.dumps(summed) and SCOPED not in json.dumps(summed)
    (report,) = [x for x in admin.get("api/reports").json()["reports"] if x["reference"] == refs[0]]
    assert (report["status"], report["passedOn"]["by"]) == ("passed-on", ADMIN)
    # All or nothing.
    r = admin.post("api/reports/pass-on", json_body={"references": [refs[0], refs[3]]})
    assert (r.status_code, r.json()["error"]) == (409, "wrong-status")
    r = admin.post("api/reports/pass-on", json_body={"references": [refs[3], "R-99999"]})
    assert (r.status_code, r.json()["references"]) == (404, ["R-99999"])
    assert admin.post("api/reports/pass-on", json_body={"references": []}).status_code == 400
    r = page_api(service, ADMIN).post("api/reports/pass-on", json_body={"references": [refs[3]]})
    assert r.status_code == 403


def test_is_it_just_me_counts_others_and_names_no_one(service):
    bob, cyd, dee = (page_api(service, u) for u in (USER, SCOPED, GROUP_REP))
    filed(bob)
    filed(bob)
    assert bob.get("api/reports/summary?category=slow").json() == {
        "category": "slow", "others": 0, "acknowledged": None, "windowMinutes": 30}
    ref = filed(cyd)["reference"]
    filed(dee)
    answer = bob.get("api/reports/summary?category=slow").json()
    assert answer["others"] == 2 and answer["acknowledged"] is None
    assert page_api(service, ADMIN).get("api/reports/summary?category=slow").json()["others"] == 3
    signed_in(service.hub, ADMIN).post(f"api/reports/{ref}/acknowledge", json_body={})
    answer = bob.get("api/reports/summary?category=slow").json()
    assert answer["acknowledged"]["by"] == ADMIN
    assert not {USER, SCOPED, GROUP_REP} & set(re.findall(r"\w+", json.dumps(answer)))
    for category in ("something-else", ""):
        r = bob.get(f"api/reports/summary?category={category}")
        assert (r.status_code, r.json()["field"]) == (400, "category")
    # Three people reported "slow" within 15 minutes: the triagers are told.
    alerts = service.api(SCOPED).get("api/reports").json()["alerts"]
    assert alerts == [{"category": "slow", "people": 3, "threshold": 3, "minutes": 15}]


def test_limits_name_the_field_and_bound_each_person(service):
    bob = page_api(service, USER)
    r = file(bob, description="x" * 10_001)
    assert (r.status_code, r.json()["error"], r.json()["field"]) == (413, "too-large", "description")
    # As JavaScript counts: an emoji is two.
    r = file(bob, summary="\U0001F525" * 101)
    assert (r.status_code, r.json()["field"]) == (413, "summary")
    for body, field in (({"category": "slow"}, "summary"),
                        ({"category": "Slow!", "summary": "s"}, "category"),
                        ({"category": "slow", "summary": "s", "email": "x"}, "email"),
                        ({"category": "slow", "summary": 3}, "summary")):
        r = bob.post("api/reports", json_body=body, headers={"Idempotency-Key": secrets.token_hex(8)})
        assert (r.status_code, r.json()["field"]) == (400, field), r.text
    first_key = secrets.token_hex(8)
    assert file(bob, first_key).status_code == 201
    for _ in range(9):
        assert file(bob).status_code == 201
    r = file(bob)
    assert (r.status_code, r.json()["error"]) == (429, "too-many-reports")
    assert 0 < int(r.headers["Retry-After"]) <= 3600
    # A retry of one already filed is still answered; others may file.
    assert file(bob, first_key).status_code == 200
    assert file(page_api(service, SCOPED)).status_code == 201


def test_the_total_is_bounded_by_closing_the_oldest_closed(db_url):
    store = Store(db_url)
    kept = ReportStore(store)
    values = dict(category="slow", summary="s", description="", affected="", diagnostics="",
                  page_path="")
    try:
        a, _ = kept.file("bob", "user", "key-00001", values, per_hour=10, max_stored=2)
        kept.file("bob", "user", "key-00002", values, per_hour=10, max_stored=2)
        with pytest.raises(Full):
            kept.file("bob", "user", "key-00003", values, per_hour=10, max_stored=2)
        kept.act(a.reference, {"user"}, "resolve", "ada")
        kept.file("bob", "user", "key-00003", values, per_hour=10, max_stored=2)
        assert a.reference not in [r.reference for r in kept.mine("bob", 10, None)[0]]
    finally:
        store.close()


def test_export_and_retention(service):
    bob = page_api(service, USER)
    old = filed(bob, summary="=HYPERLINK(\"x\")", description="line one\nline, two")["reference"]
    young = filed(bob)["reference"]
    scoped = service.api(SCOPED)
    r = scoped.get("api/reports/export?format=csv")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["reference"] for row in rows] == [old, young]
    assert rows[0]["description"] == "line one\nline, two"
    assert rows[0]["summary"].startswith("'=")
    data = scoped.get("api/reports/export").json()
    assert [x["reference"] for x in data["reports"]] == [old, young] and data["exportedAt"]
    assert scoped.get("api/reports/export?format=xml").status_code == 400
    assert page_api(service, ADMIN).get("api/reports/export").status_code == 403
    # Older than --reports-days (90): gone at the next start, and the log says how many.
    store = Store(service.db_url, migrate=False)
    try:
        with store.engine.begin() as conn:
            conn.execute(update(reports).where(reports.c.reference == old)
                         .values(created_at=utcnow() - timedelta(days=91)))
    finally:
        store.close()
    service.stop()
    service.start()
    assert references(bob.get("api/reports/mine")) == [young]
    assert "Deleted 1 report older than 90 days" in service.log.read_text()


def test_without_reports_every_reports_address_is_404(hub, tmp_path):
    service = ServiceProcess(hub, f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path,
                             "--no-reports", port=free_port()).start()
    try:
        bob = service.api(USER)
        assert bob.get("api/me").json()["reports"] == {"enabled": False, "triage": False, "shared": []}
        for method, path in (("GET", "api/reports"), ("POST", "api/reports"),
                             ("GET", "api/reports/mine"), ("GET", "api/reports/summary?category=slow"),
                             ("GET", "api/reports/export"), ("POST", "api/reports/pass-on"),
                             ("POST", "api/reports/R-1001/withdraw")):
            r = bob.request(method, path, json_body={} if method == "POST" else None)
            assert (r.status_code, r.json()["error"]) == (404, "reports-off"), path
    finally:
        service.stop()


def test_a_killed_service_loses_no_acknowledged_report(hub, db_url, tmp_path):
    """SIGKILL while 50 reports are in flight: each one answered with its
    reference is stored; the browsers send the others again under the same
    keys once the service is back, and each is stored once."""
    running = ServiceProcess(hub, db_url, tmp_path, "--reports-per-hour", "1000").start()
    bob = page_api(running, USER)
    keys = [f"in-flight-{n:03d}" for n in range(50)]
    answered: dict = {}
    start = threading.Barrier(len(keys) + 1)

    def send(key: str) -> None:
        start.wait()
        try:
            r = file(bob, key, description=key)
        except requests.RequestException:
            return
        if r.status_code in (200, 201):
            answered[key] = r.json()["report"]["reference"]

    threads = [threading.Thread(target=send, args=(key,)) for key in keys]
    for t in threads:
        t.start()
    start.wait()
    os.kill(running.process.pid, signal.SIGKILL)
    for t in threads:
        t.join()
    running.process.wait()
    running.process = None
    running.start()
    try:
        for key in keys:
            r = file(bob, key, description=key)
            assert r.status_code in (200, 201), r.text
            reference = r.json()["report"]["reference"]
            # What was acknowledged before the kill is what is stored now.
            assert answered.get(key, reference) == reference
        mine = bob.get("api/reports/mine?limit=100").json()["reports"]
        assert sorted(report["description"] for report in mine) == keys
    finally:
        running.stop()


HOSTILE = {
    "script": '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "rtl override": "invoice\u202egnp.exe and \u2066isolated\u2069",
    "zwj emoji": "\U0001F469\u200D\U0001F469\u200D\U0001F467 family, \U0001F3F3\uFE0F\u200D\U0001F308",
    "nul byte": "before\x00after",
    "lone surrogate": "half \ud800 of a pair",
}


def test_hostile_descriptions_are_kept_as_text_or_refused_clearly(service):
    bob = page_api(service, USER)
    for name, text in sorted(HOSTILE.items()):
        body = json.dumps({"category": "slow", "summary": text[:50], "description": text})
        r = bob.request("POST", "api/reports", data=body.encode(),
                        headers={"Idempotency-Key": secrets.token_hex(8),
                                 "Content-Type": "application/json"})
        assert r.status_code in (201, 400), (name, r.text)
        if r.status_code == 400:
            # The field named, or the JSON reader's words (a lone surrogate).
            assert r.json().get("field", "summary") in ("summary", "description"), name
            assert r.json()["message"], name
            continue
        assert r.json()["report"]["description"] == text, name
        assert bob.get("api/reports/mine").json()["reports"][0]["description"] == text, name
    r = file(bob, description="x" * 100_000)
    assert (r.status_code, r.json()["field"]) == (413, "description")
