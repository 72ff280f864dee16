"""An online copy of the service's SQLite database (``jupyter-hub-help-service
--backup PATH``), taken with SQLite's own backup API while the service keeps
running: the copy is one consistent state of the database, whatever the
service writes meanwhile.

PostgreSQL has its own tools for this (``pg_dump -Fc``, ``pg_restore``); see
docs/operators/hub-help-service-operations.md.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

#: Pages copied per step; between steps the service may write (the copy
#: then starts again from the changed pages, as SQLite's API does).
PAGES_PER_STEP = 1024


def sqlite_path(db_url: str) -> Path:
    """The database file of a ``sqlite:///...`` URL; ``ValueError`` for any
    other database, or for a SQLite database that lives only in memory."""
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        raise ValueError(
            f"--backup copies a SQLite database only, and {url.get_backend_name()} was given. "
            "Back up PostgreSQL with its own tools: pg_dump -Fc (restore with pg_restore); "
            "see docs/operators/hub-help-service-operations.md."
        )
    if not url.database or url.database == ":memory:" or url.database.startswith("file::memory:"):
        raise ValueError(f"{db_url} is a database in memory: there is no file to back up")
    return Path(url.database)


def backup(db_url: str, dest: str) -> None:
    """Copy the SQLite database of ``db_url`` to the new file ``dest``.

    Safe while the service runs. Refuses a database that is not SQLite
    (``ValueError``, naming pg_dump), a database file that does not exist
    (``FileNotFoundError``: it would otherwise be created empty) and a
    ``dest`` that exists (``FileExistsError``: a backup never replaces a
    file). ``dest`` appears only once it is complete."""
    source = sqlite_path(db_url)
    if not source.is_file():
        raise FileNotFoundError(f"no SQLite database at {source}")
    target = Path(dest)
    if target.exists():
        raise FileExistsError(f"{target} exists: a backup never replaces a file; choose a new name")
    # Written beside the target under a temporary name, then linked into
    # place, so that a failed or interrupted backup leaves no partial file
    # at ``dest`` and a file that appeared meanwhile is not replaced.
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                   dir=str(target.parent))
    os.close(fd)
    try:
        # Read-only and without creating anything: the URI form of the path.
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=PAGES_PER_STEP)
                check = dst.execute("PRAGMA integrity_check").fetchone()[0]
                if check != "ok":
                    raise RuntimeError(f"the copy of {source} failed its integrity check: {check}")
            finally:
                dst.close()
        finally:
            src.close()
        try:
            os.link(partial, target)
        except FileExistsError:
            raise FileExistsError(
                f"{target} exists: a backup never replaces a file; choose a new name"
            ) from None
        except OSError:
            # A file system without hard links: the existence check above
            # has to do.
            if target.exists():
                raise FileExistsError(
                    f"{target} exists: a backup never replaces a file; choose a new name"
                ) from None
            os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
