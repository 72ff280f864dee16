"""What the service bounds: how long a client may take, what it may send
before it is known, and how much history is kept."""

from __future__ import annotations

import socket
from datetime import timedelta
from urllib.parse import urlparse

from sqlalchemy import update

from jupyterlab_hub_help.service.store import Retention, Store, changes, utcnow

from .conftest import SCOPED, ServiceProcess, free_port


def _connect(url: str) -> socket.socket:
    where = urlparse(url)
    conn = socket.create_connection((where.hostname, where.port))
    # A bound on the test, not on the service: it answers long before.
    conn.settimeout(60)
    return conn


def _read_all(conn: socket.socket) -> bytes:
    """Everything the service sends until it closes the connection."""
    data = b""
    while chunk := conn.recv(65536):
        data += chunk
    return data


def test_slow_clients_are_cut_off(hub, tmp_path):
    service = ServiceProcess(hub, f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path,
                             "--header-timeout", "1", "--body-timeout", "1",
                             port=free_port()).start()
    try:
        path = urlparse(service.url).path
        # Headers that never end.
        with _connect(service.url) as conn:
            conn.sendall(f"GET {path}api/health HTTP/1.1\r\nHost: x\r\n".encode())
            assert _read_all(conn) == b""
        # A body that never comes, from a known editor.
        with _connect(service.url) as conn:
            conn.sendall((f"PUT {path}api/sections/status HTTP/1.1\r\nHost: x\r\n"
                          f"Authorization: token {hub.tokens[SCOPED]}\r\n"
                          "Content-Type: application/json\r\nIf-Match: *\r\n"
                          "Content-Length: 100\r\n\r\n{\"value\":").encode())
            assert b" 200 " not in _read_all(conn)
        assert service.api(SCOPED).section("status")[0]["revision"] == 0
    finally:
        service.stop()


def test_nothing_large_is_read_before_the_caller_is_known(service):
    path = urlparse(service.url).path
    with _connect(service.url) as conn:
        # A million bytes announced; none sent. The answer comes at once.
        conn.sendall((f"PUT {path}api/sections/status HTTP/1.1\r\nHost: x\r\n"
                      "Content-Type: application/json\r\nIf-Match: *\r\n"
                      "Content-Length: 1000000\r\n\r\n").encode())
        answer = _read_all(conn)
    assert answer.startswith(b"HTTP/1.1 401 ")
    assert b"Connection: close" in answer and b'"unauthorized"' in answer
    # Known callers say how long their body is.
    with _connect(service.url) as conn:
        conn.sendall((f"PUT {path}api/sections/status HTTP/1.1\r\nHost: x\r\n"
                      f"Authorization: token {service.hub.tokens[SCOPED]}\r\n"
                      "Content-Type: application/json\r\nIf-Match: *\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n").encode())
        assert b" 411 " in _read_all(conn).split(b"\r\n")[0]
    # A length that is no number (a superscript two, read as Latin-1).
    with _connect(service.url) as conn:
        conn.sendall((f"PUT {path}api/sections/status HTTP/1.1\r\nHost: x\r\n"
                      f"Authorization: token {service.hub.tokens[SCOPED]}\r\n"
                      "Content-Type: application/json\r\nIf-Match: *\r\n").encode()
                     + b"Content-Length: \xb2\r\n\r\n")
        assert b" 500 " not in _read_all(conn).split(b"\r\n")[0]


def test_history_keeps_the_newest_changes_of_each_section(db_url):
    store = Store(db_url, retention=Retention(days=30, count=3))
    try:
        for n in range(5):
            store.write("status", {"text": f"Note {n}"}, None, "ada")
            store.write("announcements", [f"News {n}"], None, "ada")
        kept, _ = store.history("status")
        assert [c.revision for c in kept] == [5, 4, 3]
        # Each change kept can still be undone from the current value.
        assert store.change_values(kept[-1].id)[1:] == ({"text": "Note 1"}, {"text": "Note 2"})
        assert len(store.history("announcements")[0]) == 3
        # Older than the retention's days: gone at the next write.
        with store.engine.begin() as conn:
            conn.execute(update(changes).where(changes.c.revision <= 4)
                         .values(at=utcnow() - timedelta(days=31)))
        store.write("status", {"text": "Note 5"}, None, "ada")
        assert [c.revision for c in store.history("status")[0]] == [6, 5]
        # Nothing is kept past the bounds whatever their settings.
        unbounded = Store(db_url, migrate=False, retention=Retention(days=0, count=0))
        try:
            unbounded.write("status", {"text": "Note 6"}, None, "ada")
            assert len(unbounded.history("status")[0]) == 3
        finally:
            unbounded.close()
    finally:
        store.close()
