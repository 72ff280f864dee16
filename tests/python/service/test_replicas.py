"""More than one replica on one database, and the faults an operator meets:
replicas migrating an empty database at once, two replicas behind one URL
(the hub's proxy reaches them through a balancer), a replica whose cookie
secret differs, and the cookie secret file itself."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from jupyterlab_hub_help.service.secret import SecretError, cookie_secret
from jupyterlab_hub_help.service.store import Store, current_revision

from .conftest import GROUP_REP, SCOPED, Api, ServiceProcess, clean_env, free_port, service_xsrf, sign_in, wait_for
from .test_store import HEAD


def _upgrade(db_url: str, cwd: Path):
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-m", "jupyterlab_hub_help.service", "--upgrade-db",
                             "--db-url", db_url], cwd=cwd, env=clean_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_replicas_migrating_an_empty_database_at_once_take_turns(db_url, tmp_path):
    runs = [_upgrade(db_url, tmp_path) for _ in range(3)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    store = Store(db_url, migrate=False)
    try:
        assert current_revision(store.engine) == HEAD
        assert store.all_sections() == {}
    finally:
        store.close()


@pytest.fixture
def replicas(hub, postgres, tmp_path):
    """Two replicas on one PostgreSQL database and one cookie secret file,
    both behind the hub's route to hub-help-ext."""
    if postgres is None:
        pytest.skip("PostgreSQL is not installed: replicas need a server database")
    url = postgres.new_database()
    running = [ServiceProcess(hub, url, tmp_path, "--refresh-seconds", "1", port=free_port())
               for _ in range(2)]
    try:
        for replica in running:
            replica.start()
        hub.balancer.targets = [r.port for r in running]
        yield running
    finally:
        hub.balancer.targets = [hub.ext_port]
        for replica in running:
            replica.stop()


def test_two_replicas_behind_one_url(hub, replicas):
    first, second = replicas
    # An edit on one is served by the other within --refresh-seconds.
    note = {"text": "Written on the first replica"}
    assert first.api(SCOPED).store("status", note).status_code == 200
    wait_for(lambda: note["text"] in second.api("bob").get("api/document").text,
             "the second replica to serve the first one's edit", timeout=15)

    # A sign-in that starts on one replica and comes back to the other works,
    # and the sign-in cookie is good on both.
    session = sign_in(hub.public, "hub-help-ext", GROUP_REP)
    for replica in replicas:
        me = Api(replica.url, session=session).get("api/me").json()
        assert (me["name"], me["credential"], me["canEdit"]) == (GROUP_REP, "sign-in", True)
    through_hub = Api(f"{hub.public}/services/hub-help-ext/", session=session)
    headers = {"X-XSRFToken": service_xsrf(session, "hub-help-ext"), "Origin": hub.public}
    for n in range(4):
        _, etag = through_hub.section("status")
        r = through_hub.put("api/sections/status", json_body={"value": {"text": f"Edit {n}"}},
                            headers={"If-Match": etag, **headers})
        assert r.status_code == 200, r.text


def test_a_replica_with_another_cookie_secret_refuses_to_start(hub, postgres, tmp_path):
    if postgres is None:
        pytest.skip("PostgreSQL is not installed: replicas need a server database")
    url = postgres.new_database()
    first = ServiceProcess(hub, url, tmp_path, port=free_port()).start()
    try:
        other = ServiceProcess(hub, url, tmp_path / "elsewhere", port=free_port(),
                               env={"HUB_HELP_COOKIE_SECRET": os.urandom(32).hex()})
        (tmp_path / "elsewhere").mkdir()
        process = other.launch()
        process.wait(60)
        assert process.returncode != 0
        log = other.log.read_text()
        assert "signs sign-ins with a different cookie secret" in log
        assert "HUB_HELP_COOKIE_SECRET" in log
        # The same secret is welcome.
        same = ServiceProcess(hub, url, tmp_path, port=free_port()).start()
        same.stop()
    finally:
        first.stop()


def test_the_cookie_secret_file_is_made_whole_once(tmp_path):
    path = tmp_path / "secret"
    found = []
    threads = [threading.Thread(target=lambda: found.append(cookie_secret(str(path), {})))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(found)) == 1 and len(found[0]) == 32
    assert path.read_text() == found[0].hex()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["secret"]


@pytest.mark.parametrize("content, reason", [
    ("", "is empty: delete it to have a new secret made"),
    ("   \n", "is empty"),
    ("not hex", "is not hexadecimal"),
    ("abcd", "is too short"),
])
def test_an_unusable_cookie_secret_file_is_refused(tmp_path, content, reason):
    path = tmp_path / "secret"
    path.write_text(content)
    with pytest.raises(SecretError) as refused:
        cookie_secret(str(path), {})
    assert str(path) in str(refused.value) and reason in str(refused.value)


def test_an_unreadable_cookie_secret_and_a_bad_variable_are_refused(tmp_path):
    (tmp_path / "secret").mkdir()
    with pytest.raises(SecretError, match="cannot be read"):
        cookie_secret(str(tmp_path / "secret"), {})
    with pytest.raises(SecretError, match="HUB_HELP_COOKIE_SECRET is too short"):
        cookie_secret(str(tmp_path / "other"), {"HUB_HELP_COOKIE_SECRET": "ab"})
    assert cookie_secret(str(tmp_path / "other"), {"HUB_HELP_COOKIE_SECRET": "ab" * 32}) == b"\xab" * 32
    assert not (tmp_path / "other").exists()


def test_the_service_refuses_to_start_on_an_empty_secret_file(hub, tmp_path):
    (tmp_path / "cookie-secret").write_text("")
    service = ServiceProcess(hub, f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path, port=free_port())
    assert service.launch().wait(60) != 0
    log = service.log.read_text()
    assert "the cookie secret" in log and "is empty" in log
