"""Fixtures for the community help service's tests: a real JupyterHub
(DummyAuthenticator, the service hub-managed and as an external service, a
few other services, tokens made through the hub's REST API), and a real
PostgreSQL server beside SQLite. Nothing of the hub is mocked.

PostgreSQL comes from Debian's ``postgresql`` package (``make postgresql``);
without it the PostgreSQL cases are skipped, saying so. The hub needs
configurable-http-proxy from node_modules (``jlpm install``).
"""

from __future__ import annotations

import glob
import itertools
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Optional

import pytest
import requests

ROOT = Path(__file__).resolve().parents[3]
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "hub-help-test"
EDIT_SCOPE = "custom:hub-help:edit"

#: The hub's users: an admin, a plain user, the custom scope's holder, a
#: member of the representatives' group (--representatives-group), and a seed
#: representative (--representative).
ADMIN, USER, SCOPED, GROUP_REP, SEED_REP = "ada", "bob", "cyd", "dee", "eve"
USERS = (ADMIN, USER, SCOPED, GROUP_REP, SEED_REP)
#: The hub group whose members are Community Representatives.
REPS_GROUP = "reps"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**extra: str) -> Dict[str, str]:
    """This process's environment without any hub's or service's variables
    (the tests may themselves run inside a hub)."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("JUPYTERHUB_", "HUB_HELP_", "CONFIGPROXY_"))
    }
    env.update(extra)
    return env


def wait_for(check: Callable[[], bool], what: str, timeout: float = 60,
             process: Optional[subprocess.Popen] = None, log: Optional[Path] = None) -> None:
    deadline = time.monotonic() + timeout
    delay = 0.05
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        try:
            if check():
                return
        except requests.RequestException:
            pass
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)
    tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not become ready\n{tail}")


def stop_process(process: subprocess.Popen, timeout: float = 15) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


# PostgreSQL


@dataclass
class Postgres:
    bin: Path
    port: int
    base: Path
    options: str
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def stop(self) -> None:
        """Stop the server as an operator's restart does (fast: sessions are cut)."""
        subprocess.run(as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.base / "data"),
                                    "-m", "fast", "-w", "stop"]),
                       check=True, capture_output=True, cwd=self.base)

    def start(self) -> None:
        subprocess.run(as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.base / "data"),
                                    "-l", str(self.base / "server.log"), "-o", self.options,
                                    "-w", "-t", "60", "start"]),
                       check=True, capture_output=True, cwd=self.base)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"hub_help_{next(self.counter)}_{secrets.token_hex(3)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def postgres_bin() -> Optional[Path]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def as_postgres(cmd: list) -> list:
    """initdb and pg_ctl refuse to run as root."""
    if os.getuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(map(str, cmd))]


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster on 127.0.0.1, or None when the server is not installed."""
    bindir = postgres_bin()
    if bindir is None:
        yield None
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield None
        return
    base = Path(tempfile.mkdtemp(prefix="hub-help-pg-"))
    if os.getuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, sockets, log = base / "data", base / "sockets", base / "server.log"
    port = free_port()
    run = dict(check=True, capture_output=True, text=True, cwd=base)
    try:
        subprocess.run(as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                                    "-U", "postgres", "-E", "UTF8", "--no-sync"]), **run)
        subprocess.run(as_postgres(["mkdir", str(sockets)]), **run)
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        subprocess.run(as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log),
                                    "-o", options, "-w", "-t", "60", "start"]), **run)
    except subprocess.CalledProcessError as e:
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {e.stderr}\n{e.stdout}") from e
    try:
        yield Postgres(bindir, port, base, options)
    finally:
        subprocess.run(as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                    "-w", "stop"]), capture_output=True, cwd=base)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, postgres) -> str:
    """A new, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub-help.sqlite'}"
    if postgres is None:
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package, or `make "
                    "postgresql`): only SQLite was tested")
    return postgres.new_database()


# JupyterHub


@dataclass
class Hub:
    base: Path
    public: str
    hub_api: str
    process: subprocess.Popen
    admin_token: str
    service_tokens: Dict[str, str]
    ext_port: int
    ext_token: str
    managed_url: str
    balancer: "Balancer"
    tokens: Dict[str, str] = field(default_factory=dict)

    def create_token(self, user: str, **body) -> str:
        r = requests.post(f"{self.hub_api}/users/{user}/tokens",
                          headers={"Authorization": f"token {self.admin_token}"},
                          json={"note": "hub-help tests", **body}, timeout=30)
        r.raise_for_status()
        return r.json()["token"]


CONFIG = """
import sys
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {public_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{base}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{base}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{base}/jupyterhub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = set({users!r})
c.Authenticator.admin_users = {{{admin!r}}}
c.JupyterHub.load_groups = {{{reps_group!r}: {{"users": [{group_rep!r}]}}}}
# The template pack on the hub's own pages (test_help_page.py). No user has a
# system account here, so a server's start fails as a real one can.
from jupyterlab_hub_help import hub_templates_path
c.JupyterHub.template_paths = [hub_templates_path()]
c.JupyterHub.template_vars = {{"hub_help": {{"service_url": "/services/hub-help-ext/",
                                            "fallback": "Write to help@example.org"}}}}

c.JupyterHub.custom_scopes = {{
    {edit_scope!r}: {{"description": "Edit the community's help (jupyterlab-hub-help)."}},
}}
ACCESS = ["access:services!service=hub-help", "access:services!service=hub-help-ext"]
c.JupyterHub.load_roles = [
    {{"name": "user", "scopes": ["self", *ACCESS]}},
    {{"name": "hub-help-editors", "scopes": [{edit_scope!r}], "users": [{scoped!r}]}},
    {{"name": "admin", "services": ["test-admin"]}},
    {{"name": "help-reader", "scopes": ACCESS, "services": ["reader"]}},
    {{"name": "help-scribe", "scopes": [*ACCESS, {edit_scope!r}], "services": ["scribe"]}},
]
c.JupyterHub.services = [
    {{
        "name": "hub-help",
        "url": "http://127.0.0.1:{managed_port}",
        "command": [sys.executable, "-m", "jupyterlab_hub_help.service",
                    "--db-url", "sqlite:///{base}/managed.sqlite",
                    "--representative", {seed!r},
                    "--representatives-group", {reps_group!r},
                    "--cookie-secret-file", "{base}/managed-cookie-secret"],
        "cwd": "{base}",
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": [{edit_scope!r}],
    }},
    # Started by the tests themselves, behind a balancer (Balancer) that
    # sends each connection to one of the replicas running.
    {{
        "name": "hub-help-ext",
        "url": "http://127.0.0.1:{balancer_port}",
        "api_token": {ext_token!r},
        "oauth_no_confirm": True,
        "oauth_redirect_uri": "/services/hub-help-ext/oauth_callback",
        "oauth_client_allowed_scopes": [{edit_scope!r}],
    }},
    {{"name": "test-admin", "api_token": {admin_token!r}}},
    {{"name": "reader", "api_token": {reader_token!r}}},
    {{"name": "scribe", "api_token": {scribe_token!r}}},
]
"""


class Balancer:
    """A TCP balancer on loopback: each new connection goes to the next of
    ``targets`` (ports), as a Kubernetes Service spreads them over replicas."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.targets: list = []
        self._turn = itertools.count()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            targets = list(self.targets)
            if not targets:
                client.close()
                continue
            port = targets[next(self._turn) % len(targets)]
            try:
                upstream = socket.create_connection(("127.0.0.1", port), timeout=10)
            except OSError:
                client.close()
                continue
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.server.close()


@pytest.fixture(scope="session")
def hub():
    if not PROXY.exists():
        pytest.skip("configurable-http-proxy is missing: run `jlpm install` (make setup)")
    base = Path(tempfile.mkdtemp(prefix="hub-help-hub-"))
    balancer = Balancer()
    ports = dict(public_port=free_port(), hub_port=free_port(), proxy_api_port=free_port(),
                 managed_port=free_port(), ext_port=free_port(), balancer_port=balancer.port)
    balancer.targets = [ports["ext_port"]]
    tokens = {name: secrets.token_hex(16) for name in ("admin", "reader", "scribe", "ext")}
    (base / "jupyterhub_config.py").write_text(CONFIG.format(
        base=base, proxy=str(PROXY), password=PASSWORD, users=list(USERS), admin=ADMIN,
        scoped=SCOPED, seed=SEED_REP, edit_scope=EDIT_SCOPE, reps_group=REPS_GROUP,
        group_rep=GROUP_REP, admin_token=tokens["admin"], reader_token=tokens["reader"],
        scribe_token=tokens["scribe"], ext_token=tokens["ext"], **ports,
    ))
    log = base / "hub.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", "jupyterhub_config.py"],
            cwd=base, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env=clean_env(),
        )
    public = f"http://127.0.0.1:{ports['public_port']}"
    managed_url = f"http://127.0.0.1:{ports['managed_port']}/services/hub-help/"
    try:
        wait_for(lambda: requests.get(f"{public}/hub/api", timeout=5).ok, "JupyterHub",
                 process=process, log=log)
        wait_for(lambda: requests.get(managed_url + "api/health", timeout=5).ok,
                 "the hub-managed help service", process=process, log=log)
        the_hub = Hub(
            base=base, public=public, hub_api=f"http://127.0.0.1:{ports['hub_port']}/hub/api",
            process=process, admin_token=tokens["admin"],
            service_tokens={"reader": tokens["reader"], "scribe": tokens["scribe"]},
            ext_port=ports["ext_port"], ext_token=tokens["ext"], managed_url=managed_url,
            balancer=balancer,
        )
        for user in USERS:
            the_hub.tokens[user] = the_hub.create_token(user)
        # Tokens with the services' access and nothing more, as every server a
        # person visits may hold for them: one of an admin, one of a
        # representative, and one of an ordinary user without that access.
        access = ["access:services!service=hub-help", "access:services!service=hub-help-ext"]
        the_hub.tokens["admin-access"] = the_hub.create_token(ADMIN, scopes=access)
        the_hub.tokens["rep-access"] = the_hub.create_token(GROUP_REP, scopes=access)
        the_hub.tokens["no-access"] = the_hub.create_token(USER, scopes=["read:users:name!user"])
        yield the_hub
    finally:
        stop_process(process, timeout=30)
        balancer.close()
        shutil.rmtree(base, ignore_errors=True)


def sign_in(public: str, service: str, user: str) -> requests.Session:
    """A browser's session of ``user``: signed in to the hub with their
    password, then to the service at ``/services/SERVICE/`` through the hub's
    OAuth, as the service's sign-in tab does."""
    session = requests.Session()
    # Each request on a connection of its own, so that a balancer spreads them.
    session.headers["Connection"] = "close"
    page = session.get(public + "/hub/login", timeout=30)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    r = session.post(public + "/hub/login",
                     data={"username": user, "password": PASSWORD, "_xsrf": xsrf},
                     timeout=30, allow_redirects=False)  # (to a server this hub cannot start)
    assert r.status_code == 302, r.text
    r = session.get(f"{public}/services/{service}/", timeout=30)
    assert r.status_code == 200 and "Signed in" in r.text, r.text
    return session


def service_xsrf(session: requests.Session, service: str) -> str:
    return next(c.value for c in session.cookies
                if c.name == "_xsrf" and c.path.startswith(f"/services/{service}"))


class Api:
    """Calls one service's API with one token (or none)."""

    def __init__(self, base: str, token: Optional[str] = None,
                 session: Optional[requests.Session] = None,
                 headers: Optional[Dict[str, str]] = None):
        self.base = base
        self.token = token
        self.session = session or requests.Session()
        #: Sent with every request (a browser's Origin, say).
        self.headers = headers or {}

    def request(self, method: str, path: str, *, json_body=None, headers=None, **kwargs):
        sent = {**self.headers, **(headers or {})}
        if self.token:
            sent.setdefault("Authorization", f"token {self.token}")
        if json_body is not None:
            kwargs["json"] = json_body
        return self.session.request(method, self.base + path, headers=sent, timeout=30,
                                    allow_redirects=False, **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def put(self, path, value=None, **kw):
        return self.request("PUT", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def section(self, name: str):
        r = self.get(f"api/sections/{name}")
        assert r.status_code == 200, r.text
        return r.json(), r.headers["ETag"]

    def store(self, name: str, value, etag: Optional[str] = None):
        if etag is None:
            etag = self.section(name)[1]
        return self.put(f"api/sections/{name}", json_body={"value": value},
                        headers={"If-Match": etag})


class ServiceProcess:
    """The service as an external hub service, started and stopped by the
    tests; the hub reaches it through the balancer (``hub.balancer``)."""

    def __init__(self, hub: Hub, db_url: str, base: Path, *args: str, port: Optional[int] = None,
                 env: Optional[Dict[str, str]] = None):
        self.hub, self.db_url, self.base, self.args = hub, db_url, base, args
        self.port = port or hub.ext_port
        self.env = env or {}
        self.url = f"http://127.0.0.1:{self.port}/services/hub-help-ext/"
        self.process: Optional[subprocess.Popen] = None
        self.log = base / f"service-{self.port}.log"

    def launch(self, *extra: str) -> subprocess.Popen:
        """The process, started with the hub's environment for the service."""
        env = clean_env(
            JUPYTERHUB_API_TOKEN=self.hub.ext_token,
            JUPYTERHUB_API_URL=self.hub.hub_api,
            JUPYTERHUB_SERVICE_NAME="hub-help-ext",
            JUPYTERHUB_SERVICE_URL=f"http://127.0.0.1:{self.port}",
            JUPYTERHUB_SERVICE_PREFIX="/services/hub-help-ext/",
            JUPYTERHUB_CLIENT_ID="service-hub-help-ext",
            JUPYTERHUB_OAUTH_CALLBACK_URL="/services/hub-help-ext/oauth_callback",
            **self.env,
        )
        with open(self.log, "ab") as out:
            return subprocess.Popen(
                [sys.executable, "-m", "jupyterlab_hub_help.service", "--db-url", self.db_url,
                 "--cookie-secret-file", str(self.base / "cookie-secret"),
                 "--representatives-group", REPS_GROUP, "--representative", SEED_REP,
                 *self.args, *extra],
                cwd=self.base, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def start(self) -> "ServiceProcess":
        self.process = self.launch()
        wait_for(lambda: requests.get(self.url + "api/health", timeout=5).ok,
                 "the help service", timeout=60, process=self.process, log=self.log)
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def api(self, who: Optional[str] = None) -> Api:
        token = None if who is None else self.hub.tokens.get(who) or self.hub.service_tokens[who]
        return Api(self.url, token)


@pytest.fixture
def service(hub, db_url, tmp_path):
    """The service on a new database of each kind, as an external hub service."""
    running = ServiceProcess(hub, db_url, tmp_path).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def managed(hub) -> Callable[[Optional[str]], Api]:
    """The hub-managed service (SQLite), called directly on its port."""

    def api(who: Optional[str] = None) -> Api:
        token = None if who is None else hub.tokens.get(who) or hub.service_tokens[who]
        return Api(hub.managed_url, token)

    return api
