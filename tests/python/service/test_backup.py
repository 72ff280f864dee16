"""Backup and restore, done as docs/operators/hub-help-service-operations.md
says: SQLite's online backup (``jupyter-hub-help-service --backup``, and the
function behind it), PostgreSQL's ``pg_dump -Fc`` and ``pg_restore``. Each
restore is checked: the restored database holds exactly the sections,
revisions and history that were backed up, none of what was written after,
and takes new writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from sqlalchemy.engine import make_url

from jupyterlab_hub_help.service.backup import backup
from jupyterlab_hub_help.service.store import Store, current_revision

from .conftest import clean_env

PEOPLE = [{"name": "Rosa Diaz", "usernames": ["rosa"], "roles": ["community-representative"]}]
MORE_PEOPLE = PEOPLE + [{"name": "Sam Lee", "usernames": ["sam"], "roles": ["hub-administrator"]}]
ANNOUNCEMENTS = [{"id": "maintenance", "text": "Maintenance on Tuesday, 06:00-07:00 UTC."}]
STATUS = {"text": "Servers start slowly today."}
TASK_NOTES = [{"id": "add-user", "how": {"text": "Ask Rosa."}}]


def snapshot(store: Store) -> Tuple[Dict[str, tuple], List[tuple]]:
    """The sections (value, revision) and the history (id, section, revision, kind)."""
    sections = {name: (state.value, state.revision) for name, state in store.all_sections().items()}
    changes, _ = store.history(limit=200)
    history = [(c.id, c.section, c.revision, c.kind) for c in changes]
    return sections, history


def fill(store: Store) -> None:
    store.write("people", PEOPLE, 0, "rosa")
    store.write("people", MORE_PEOPLE, 1, "rosa")
    store.write("announcements", ANNOUNCEMENTS, 0, "sam")
    store.write("status", STATUS, 0, "rosa")


def write_after_the_backup(store: Store) -> None:
    store.write("people", PEOPLE, 2, "sam")
    store.write("status", None, 1, "sam")
    store.write("tasks", TASK_NOTES, 0, "rosa")


# -- the documented commands ---------------------------------------------------


def sqlite_backup_and_restore(db_url: str, folder: Path, write_between) -> str:
    """``--backup`` (the function behind it), then the restore: the copy put
    where a new service's --db-url points."""
    copy = folder / "hub-help-backup.sqlite"
    backup(db_url, str(copy))
    write_between()
    restored = folder / "restored" / "hub-help.sqlite"
    restored.parent.mkdir()
    shutil.copyfile(copy, restored)
    return f"sqlite:///{restored}"


def libpq(db_url: str) -> List[str]:
    """The connection options of the pg_dump/pg_restore command lines."""
    url = make_url(db_url)
    return ["--host", url.host, "--port", str(url.port), "--username", url.username]


def postgres_backup_and_restore(postgres, db_url: str, folder: Path, write_between) -> str:
    """``pg_dump -Fc`` into a file, then ``pg_restore`` into a new, empty database."""
    dump = folder / "hub-help.dump"
    database = make_url(db_url).database
    subprocess.run([str(postgres.bin / "pg_dump"), "-Fc", *libpq(db_url), "--file", str(dump), database],
                   check=True, capture_output=True, text=True)
    write_between()
    new_url = postgres.new_database()
    subprocess.run([str(postgres.bin / "pg_restore"), "--no-owner", "--exit-on-error", *libpq(new_url),
                    "--dbname", make_url(new_url).database, str(dump)],
                   check=True, capture_output=True, text=True)
    return new_url


def test_a_restored_backup_holds_exactly_what_was_backed_up(db_url, postgres, tmp_path):
    store = Store(db_url)
    restored = None
    try:
        fill(store)
        backed_up = snapshot(store)
        migrations = current_revision(store.engine)
        assert backed_up[0]["people"] == (MORE_PEOPLE, 2)
        assert len(backed_up[1]) == 4

        def write_between():
            write_after_the_backup(store)

        if make_url(db_url).get_backend_name() == "sqlite":
            restored_url = sqlite_backup_and_restore(db_url, tmp_path, write_between)
        else:
            for tool in ("pg_dump", "pg_restore"):
                if not (postgres.bin / tool).exists():
                    pytest.skip(f"{tool} is not installed beside the PostgreSQL server ({postgres.bin})")
            restored_url = postgres_backup_and_restore(postgres, db_url, tmp_path, write_between)

        # The original went on: what it holds now is not what was backed up.
        assert snapshot(store)[0]["people"] == (PEOPLE, 3)
        assert "tasks" in snapshot(store)[0]

        restored = Store(restored_url)
        assert current_revision(restored.engine) == migrations
        assert snapshot(restored) == backed_up
        # The restored database takes writes where the backup left off: the
        # revision check and the history's ids go on from the backed-up ones.
        state = restored.write("people", PEOPLE, 2, "rosa")
        assert state.revision == 3
        newest = restored.history(limit=1)[0][0]
        assert newest.id > max(change[0] for change in backed_up[1])
        assert (newest.section, newest.revision) == ("people", 3)
    finally:
        store.close()
        if restored is not None:
            restored.close()


def test_the_sqlite_backup_is_one_consistent_state_while_the_service_writes(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'hub-help.sqlite'}"
    store = Store(db_url)
    writer_store = Store(db_url, migrate=False)
    stop = threading.Event()
    written: List[int] = []

    def writer():
        revision = 0
        while not stop.is_set() and revision < 150:
            state = writer_store.write("status", {"text": f"edit {revision + 1}"}, revision, "rosa")
            revision = state.revision
            written.append(revision)

    thread = threading.Thread(target=writer)
    try:
        thread.start()
        while len(written) < 20:
            stop.wait(0.01)
        copies = []
        for i in range(5):
            copy = tmp_path / f"backup-{i}.sqlite"
            backup(db_url, str(copy))
            copies.append(copy)
    finally:
        stop.set()
        thread.join()
        writer_store.close()
        store.close()
    for copy in copies:
        restored = Store(f"sqlite:///{copy}")
        try:
            state = restored.section("status")
            # The section and its history are from one moment: every change
            # up to the section's revision is there, and none after it.
            assert state.value == {"text": f"edit {state.revision}"}
            assert [c.revision for c in restored.history(section="status", limit=200)[0]] == list(
                range(state.revision, 0, -1))
        finally:
            restored.close()


# -- what --backup refuses -----------------------------------------------------


def test_backup_refuses_a_database_that_is_not_sqlite(tmp_path):
    dest = tmp_path / "backup.sqlite"
    with pytest.raises(ValueError, match="pg_dump"):
        backup("postgresql+psycopg://hubhelp:secret@db.example.org/hubhelp", str(dest))
    with pytest.raises(ValueError, match="memory"):
        backup("sqlite://", str(dest))
    assert not dest.exists()


def test_backup_never_replaces_a_file(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'hub-help.sqlite'}"
    store = Store(db_url)
    try:
        fill(store)
    finally:
        store.close()
    dest = tmp_path / "backup.sqlite"
    dest.write_text("an older backup")
    with pytest.raises(FileExistsError):
        backup(db_url, str(dest))
    assert dest.read_text() == "an older backup"
    # Nothing half-written left beside it either.
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup.sqlite.")]


def test_backup_of_a_missing_database_creates_nothing(tmp_path):
    missing = tmp_path / "typo.sqlite"
    with pytest.raises(FileNotFoundError):
        backup(f"sqlite:///{missing}", str(tmp_path / "backup.sqlite"))
    assert list(tmp_path.iterdir()) == []


# -- the command line ------------------------------------------------------------


def run_service(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jupyterlab_hub_help.service", *args], cwd=cwd,
                          env=clean_env(), capture_output=True, text=True, timeout=120)


def test_the_backup_command_copies_a_running_services_database(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'hub-help.sqlite'}"
    store = Store(db_url)
    try:
        fill(store)
        backed_up = snapshot(store)
        done = run_service("--backup", str(tmp_path / "backup.sqlite"), "--db-url", db_url, cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        write_after_the_backup(store)
    finally:
        store.close()
    restored = Store(f"sqlite:///{tmp_path / 'backup.sqlite'}")
    try:
        assert snapshot(restored) == backed_up
    finally:
        restored.close()
    # Run again with the same name: refused, the first copy kept.
    again = run_service("--backup", str(tmp_path / "backup.sqlite"), "--db-url", db_url, cwd=tmp_path)
    assert again.returncode != 0
    assert "exists" in again.stderr


def test_the_backup_command_sends_postgresql_to_pg_dump(tmp_path):
    done = run_service("--backup", str(tmp_path / "backup.sqlite"), "--db-url",
                       "postgresql+psycopg://hubhelp:secret@127.0.0.1:1/hubhelp", cwd=tmp_path)
    assert done.returncode != 0
    assert "pg_dump" in done.stderr
    assert "secret" not in done.stdout + done.stderr
    assert not (tmp_path / "backup.sqlite").exists()
