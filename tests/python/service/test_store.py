"""The storage layer, on SQLite and PostgreSQL, and the section checks (no hub needed)."""

import threading

import pytest
from sqlalchemy import inspect, text

from jupyterlab_hub_help.service.config import parse_options
from alembic import command

from jupyterlab_hub_help.service.store import (
    Conflict,
    Store,
    alembic_config,
    current_revision,
    make_engine,
    upgrade,
)
from jupyterlab_hub_help.service.document import build_document
from jupyterlab_hub_help.service.report_store import ReportStore
from jupyterlab_hub_help.service.reports import Threshold
from jupyterlab_hub_help.service.validation import check_section, errors

PEOPLE = [{"name": "Rosa Diaz", "usernames": ["rosa"], "roles": ["community-representative"]}]
#: The newest migration.
HEAD = "0005"


def test_a_new_database_gets_every_migration(db_url):
    store = Store(db_url)
    try:
        assert current_revision(store.engine) == HEAD
        assert store.all_sections() == {}
        assert store.section("people").revision == 0
    finally:
        store.close()


def test_an_older_database_is_brought_up_to_date_without_loss(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO sections (name, value, revision, updated_at, updated_by) "
            "VALUES ('people', :v, 3, CURRENT_TIMESTAMP, 'rosa')"
        ), {"v": '[{"name":"Old","roles":["hub-administrator"]}]'})
    engine.dispose()
    store = Store(db_url)
    try:
        assert current_revision(store.engine) == HEAD
        people = store.section("people")
        assert people.revision == 3 and people.value[0]["name"] == "Old"
        assert people.updated_by == "rosa"
    finally:
        store.close()


def test_writes_check_the_revision_and_record_each_change(db_url):
    store = Store(db_url)
    try:
        first = store.write("people", PEOPLE, 0, "ada")
        assert (first.revision, first.updated_by) == (1, "ada")
        with pytest.raises(Conflict) as stale:
            store.write("people", [], 0, "bob")
        assert stale.value.current.revision == 1 and stale.value.current.value == PEOPLE
        store.write("people", None, 1, "ada", "undo")
        history, _ = store.history("people")
        assert [(c.kind, c.revision) for c in history] == [("undo", 2), ("edit", 1)]
        assert store.change_values(history[0].id)[1:] == (PEOPLE, None)
        assert store.change_values(history[1].id)[1:] == (None, PEOPLE)
        assert store.change(history[1].id).user == "ada"
        assert store.change(10_000) is None
    finally:
        store.close()


def test_each_change_keeps_the_right_it_was_made_on(db_url):
    store = Store(db_url)
    try:
        store.write("people", PEOPLE, 0, "ada", as_right="admin")
        store.write("people", [], 1, "dee", "undo", as_right="representative")
        store.write_many([("status", {"text": "ok"})], "scribe", as_right="scope")
        store.write("status", None, 1, "old")
        history, _ = store.history()
        assert [(c.user, c.as_right) for c in history] == [
            ("old", None), ("scribe", "scope"), ("dee", "representative"), ("ada", "admin")]
        assert [c.to_json()["as"] for c in history] == [None, "scope", "representative", "admin"]
        assert store.change_values(history[2].id)[0].as_right == "representative"
    finally:
        store.close()


def test_concurrent_writers_on_one_revision_exactly_one_wins(db_url):
    stores = [Store(db_url), Store(db_url, migrate=False)]
    results = []
    barrier = threading.Barrier(len(stores) * 2)

    def edit(store, who, revision):
        barrier.wait()
        try:
            results.append(("ok", who, store.write("status", {"text": who}, revision, who).revision))
        except Conflict as e:
            results.append(("conflict", who, e.current.revision))

    try:
        # Twice: racing to create the row, then racing to update it.
        for revision in (0, 1):
            results.clear()
            barrier.reset()
            threads = [threading.Thread(target=edit, args=(s, f"user{i}-{j}", revision))
                       for i, s in enumerate(stores) for j in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sorted(r[0] for r in results) == ["conflict", "conflict", "conflict", "ok"]
            winner = next(r for r in results if r[0] == "ok")
            assert stores[0].section("status").value == {"text": winner[1]}
            assert stores[0].section("status").revision == revision + 1
        assert len(stores[0].history("status")[0]) == 2
    finally:
        for s in stores:
            s.close()


def test_write_many_stores_all_sections_in_one_change_each(db_url):
    store = Store(db_url)
    try:
        store.write("people", PEOPLE, 0, "ada")
        states = store.write_many([("people", []), ("status", {"text": "ok"})], "cyd")
        assert {n: s.revision for n, s in states.items()} == {"people": 2, "status": 1}
        assert [(c.section, c.kind) for c in store.history()[0]] == [
            ("status", "import"), ("people", "import"), ("people", "edit")
        ]
        assert [c.section for c in store.history(names=["people"])[0]] == ["people", "people"]
    finally:
        store.close()


# The section checks


def test_problems_name_the_path_the_client_sent():
    found = check_section("people", [{"name": "", "roles": ["community-representative"]}])
    assert errors(found)[0]["path"] == "$.people[0].name"
    assert errors(found)[0]["reason"] == "must not be empty"
    status = errors(check_section("status", {"text": 5}))
    assert status[0]["path"] == "$.status.text"
    assert errors(check_section("status", "text"))[0]["path"] == "$.status"
    imported = errors(check_section("people", [{"roles": []}], prefix="$.sections"))
    assert all(p["path"].startswith("$.sections.people[0]") for p in imported)


def test_null_clears_and_the_status_id_is_reserved():
    assert check_section("people", None) == []
    reserved = errors(check_section("announcements", ["hi", {"id": "community-status", "text": "x"}]))
    assert [(p["path"], p["code"]) for p in reserved] == [("$.announcements[1].id", "reserved-id")]


def test_unknown_roles_and_fields_are_warnings_only():
    found = check_section("people", [{"name": "A", "roles": ["our-own-role"], "shoe": 1}])
    assert errors(found) == []
    assert {p["code"] for p in found} == {"unknown-role", "unknown-field"}


def test_the_document_folds_the_status_into_the_announcements():
    stored = {"announcements": ["Maintenance on Friday"], "status": {"text": "Slow", "severity": "warning"},
              "people": None}
    assert build_document(stored) == {
        "formatVersion": 1,
        "announcements": [
            {"text": "Slow", "severity": "warning", "id": "community-status"},
            "Maintenance on Friday",
        ],
    }
    assert build_document(stored, ["people", "announcements"]) == {
        "formatVersion": 1, "announcements": ["Maintenance on Friday"]
    }


def test_options_come_from_flags_and_the_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {
        "JUPYTERHUB_SERVICE_URL": "http://10.0.0.5:9999",
        "JUPYTERHUB_SERVICE_NAME": "help",
        "HUB_HELP_SECTIONS": "status,people",
        "HUB_HELP_REPRESENTATIVES": "rosa, sam",
    }
    options = parse_options([], env)
    assert (options.ip, options.port, options.prefix) == ("10.0.0.5", 9999, "/services/help/")
    assert options.sections == ["people", "status"]
    assert options.representatives == ["rosa", "sam"]
    assert options.db_url == f"sqlite:///{tmp_path / 'hub-help.sqlite'}"
    options = parse_options(["--port", "8123", "--representative", "kim", "--db-url", "sqlite://"], env)
    assert (options.port, options.representatives, options.db_url) == (8123, ["kim"], "sqlite://")
    with pytest.raises(SystemExit):
        parse_options(["--sections", "people,roles"], {})


def test_report_options_come_from_flags_and_the_environment():
    options = parse_options([], {})
    assert (options.reports, options.reports_days, options.reports_window_minutes) == (True, 90, 30)
    assert options.report_thresholds["slow"] == Threshold("slow", 3, 15)
    env = {"HUB_HELP_REPORTS": "0", "HUB_HELP_SHARED_CATEGORIES": "printing, vpn",
           "HUB_HELP_REPORT_THRESHOLDS": "vpn=2/10,slow=5/60"}
    options = parse_options([], env)
    assert options.reports is False and options.shared_categories == ["printing", "vpn"]
    assert (options.report_thresholds["vpn"], options.report_thresholds["slow"]) == (
        Threshold("vpn", 2, 10), Threshold("slow", 5, 60))
    options = parse_options(["--reports", "--report-threshold", "slow=4/20"], env)
    assert options.reports is True and options.report_thresholds["slow"] == Threshold("slow", 4, 20)
    for bad in (["--report-threshold", "slow=3"], ["--report-threshold", "slow=0/5"],
                ["--reports-window-minutes", "0"]):
        with pytest.raises(SystemExit):
            parse_options(bad, {})


def _run_service(args, tmp_path, **env):
    import subprocess
    import sys

    from .conftest import clean_env

    return subprocess.run([sys.executable, "-m", "jupyterlab_hub_help.service", *args],
                          cwd=tmp_path, env=clean_env(**env), capture_output=True, text=True,
                          timeout=60)


def test_upgrade_db_creates_the_default_sqlite_file_and_exits(tmp_path):
    done = _run_service(["--upgrade-db"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    store = Store(f"sqlite:///{tmp_path / 'hub-help.sqlite'}", migrate=False)
    try:
        assert current_revision(store.engine) == HEAD
    finally:
        store.close()


def test_without_a_hub_token_it_says_what_is_missing(tmp_path):
    done = _run_service(["--port", "1"], tmp_path)
    assert done.returncode != 0
    assert "JUPYTERHUB_API_TOKEN is not set" in done.stderr
    assert not (tmp_path / "hub-help.sqlite").exists()


def _old_database(db_url: str, section_value: str, before: str, after: str):
    """A database as release 0002 left it: a section and one change."""
    engine = make_engine(db_url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO sections (name, value, revision, updated_at, updated_by) "
            "VALUES ('status', :v, 1, CURRENT_TIMESTAMP, 'rosa')"), {"v": section_value})
        conn.execute(text(
            "INSERT INTO changes (section, username, at, kind, before, after, revision) "
            "VALUES ('status', 'rosa', CURRENT_TIMESTAMP, 'edit', :b, :a, 1)"),
            {"b": before, "a": after})
    return engine


def test_numbers_json_readers_refuse_are_made_null_when_migrating(db_url, caplog):
    """Earlier releases stored Infinity and NaN: the migration cleans them,
    says where, and the history can still be walked back."""
    engine = _old_database(db_url, '{"text":"Hot","severity":"warning","x":Infinity}',
                           '{"text":"Was","x":NaN}', '{"text":"Hot","severity":"warning","x":Infinity}')
    engine.dispose()
    store = Store(db_url)
    try:
        assert current_revision(store.engine) == HEAD
        assert store.section("status").value == {"text": "Hot", "severity": "warning", "x": None}
        (change,), _ = store.history("status")
        assert store.change_values(change.id)[1]["x"] is None
        assert "section status held Infinity" in caplog.text
    finally:
        store.close()


def test_a_migration_that_fails_leaves_nothing_half_done(db_url):
    engine = _old_database(db_url, '{"text":"Fine"}', "null", "{nope")
    with pytest.raises(ValueError):
        upgrade(engine)
    assert current_revision(engine) == "0002"
    with engine.begin() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("changes")}
        assert {"before", "after"} <= columns and "revert" not in columns
        conn.execute(text("UPDATE changes SET after = '{\"text\":\"Fine\"}'"))
    upgrade(engine)
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_migrating_from_0003_keeps_the_changes_and_says_nothing_of_their_right(db_url):
    """0004 adds the right each change was made on: older changes keep
    everything they had, and their right is null."""
    engine = make_engine(db_url)
    upgrade(engine, "0003")
    assert current_revision(engine) == "0003"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO sections (name, value, revision, updated_at, updated_by, size_bytes, "
            "size_units) VALUES ('status', :v, 1, CURRENT_TIMESTAMP, 'rosa', 15, 15)"),
            {"v": '{"text":"Slow"}'})
        conn.execute(text(
            "INSERT INTO changes (section, username, at, kind, revision, revert, summary) "
            "VALUES ('status', 'rosa', CURRENT_TIMESTAMP, 'edit', 1, :r, :s)"),
            {"r": '{"value":null}', "s": '{"added":1,"removed":0,"changed":0}'})
    engine.dispose()
    store = Store(db_url)
    try:
        assert current_revision(store.engine) == HEAD
        (old,), _ = store.history("status")
        assert (old.user, old.kind, old.revision, old.as_right) == ("rosa", "edit", 1, None)
        assert old.summary == {"added": 1, "removed": 0, "changed": 0}
        assert old.to_json()["as"] is None
        assert store.change_values(old.id)[1:] == (None, {"text": "Slow"})
        store.write("status", None, 1, "sam", as_right="admin")
        newest, older = store.history("status")[0]
        assert (newest.as_right, older.as_right) == ("admin", None)
    finally:
        store.close()
    # And back down: the column goes, the changes stay.
    engine = make_engine(db_url)
    command.downgrade(alembic_config(engine), "0003")
    try:
        assert current_revision(engine) == "0003"
        with engine.connect() as conn:
            assert "as_right" not in {c["name"] for c in inspect(conn).get_columns("changes")}
            assert conn.execute(text("SELECT count(*) FROM changes")).scalar() == 2
    finally:
        engine.dispose()


def test_migrating_from_0004_keeps_everything_and_adds_the_reports(db_url):
    """0005 adds the reports and their events beside what is there."""
    engine = make_engine(db_url)
    upgrade(engine, "0004")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO sections (name, value, revision, updated_at, updated_by, size_bytes, "
            "size_units) VALUES ('status', :v, 1, CURRENT_TIMESTAMP, 'rosa', 15, 15)"),
            {"v": '{"text":"Slow"}'})
        conn.execute(text(
            "INSERT INTO changes (section, username, at, kind, revision, revert, summary, as_right) "
            "VALUES ('status', 'rosa', CURRENT_TIMESTAMP, 'edit', 1, :r, :s, 'admin')"),
            {"r": '{"value":null}', "s": '{"added":1,"removed":0,"changed":0}'})
    engine.dispose()
    store = Store(db_url)
    try:
        assert current_revision(store.engine) == HEAD
        assert store.section("status").value == {"text": "Slow"}
        assert store.history("status")[0][0].as_right == "admin"
        values = dict(category="slow", summary="s", description="d", affected="",
                      diagnostics="", page_path="")
        report, new = ReportStore(store).file("bob", "user", "key-0001", values, per_hour=10,
                                              max_stored=10)
        assert new and report.reference == "R-1001"
    finally:
        store.close()
    engine = make_engine(db_url)
    command.downgrade(alembic_config(engine), "0004")
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert not {"reports", "report_events"} & tables
            assert conn.execute(text("SELECT count(*) FROM changes")).scalar() == 1
    finally:
        engine.dispose()
