#!/usr/bin/env python3
"""Run a real local JupyterHub with jupyterlab-hub-help and the sample community settings.

    python scripts/demo-hub.py [--grant-list-users] [--port 8000]

Starts configurable-http-proxy and JupyterHub as two processes, the way zero-to-jupyterhub
runs them (the hub does not start the proxy), on 127.0.0.1, with a throwaway state
directory (build/demo-hub by default: database, cookie secret, logs, users' homes). The hub
configuration is demo/hub/jupyterhub_config.py; the demo users are in demo/hub/users.json.

This process supervises the others:
  Ctrl-C, SIGTERM  stop the hub, every user's server and the proxy, then exit
  SIGUSR1          stop only the hub: the proxy and the user servers keep running, and
                   JupyterLab's calls to /hub/api fail, as in a hub outage
  SIGUSR2          start again what was stopped: the hub, which finds the running servers in
                   its database, and the hub help service

It is a child subreaper, so user servers orphaned by a stopped hub stay its
descendants and are stopped with it. The end-to-end tests (ui-tests/hub) run it with
--port 0 --state TMP --ready-file FILE --exit-with-parent --quiet.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HUB_DIR = ROOT / "demo" / "hub"
USERS = json.loads((HUB_DIR / "users.json").read_text())
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
DEFAULT_PASSWORD = "hub-help-demo"
MARKER = ".jupyterlab-hub-help-demo-state"
FAILING_USERS = "failing-users"
#: The operator's settings, which the single-user servers read too (the hub help
#: service shows them on its help page).
OPERATOR_DOCUMENT = ROOT / "demo" / "config" / "labconfig" / "default_setting_overrides.d" / "jupyterlab-hub-help.json"

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def prctl(option: int, value: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def process_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, state letter), from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        table[int(entry)] = (int(fields[1]), fields[0])
    return table


def descendants(root: int, table: dict[int, tuple[int, str]] | None = None) -> list[int]:
    table = table if table is not None else process_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rfind(")") + 2] != "Z"


def kill(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def stop_process(process: subprocess.Popen | None, timeout: float) -> None:
    """SIGTERM, then SIGKILL after `timeout` seconds; nothing if it has exited."""
    if not process or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def executable(name: str) -> str:
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: run `make setup` first.")
    return found


class Supervisor:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.state = Path(args.state).resolve()
        self.port = args.port or free_port()
        self.hub_port = free_port()
        self.proxy_api_port = free_port()
        # With subdomains, every user's server gets a name under the hub's:
        # Chromium sends *.localhost to this machine, other programs do not.
        self.url = f"http://{'localhost' if args.subdomains else '127.0.0.1'}:{self.port}"
        self.local_url = f"http://127.0.0.1:{self.port}"
        self.password = args.password
        self.hub: subprocess.Popen | None = None
        self.proxy: subprocess.Popen | None = None
        self.service: subprocess.Popen | None = None
        self.service_port = free_port()
        self.service_token = secrets.token_hex(32)
        self.requests: list[str] = []
        self.stopping = False
        self.hub_version = ""
        self.env = {
            **os.environ,
            "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(32),
            "HUB_HELP_STATE": str(self.state),
            "HUB_HELP_PUBLIC_URL": self.url,
            "HUB_HELP_SUBDOMAINS": "1" if args.subdomains else "0",
            "HUB_HELP_HUB_PORT": str(self.hub_port),
            "HUB_HELP_PROXY_API_URL": f"http://127.0.0.1:{self.proxy_api_port}",
            "HUB_HELP_DEMO_PASSWORD": self.password,
            "HUB_HELP_GRANT_LIST_USERS": "1" if args.grant_list_users else "0",
        }
        if args.service:
            self.env["HUB_HELP_SERVICE_URL"] = f"http://127.0.0.1:{self.service_port}"
            self.env["HUB_HELP_SERVICE_TOKEN"] = self.service_token

    # -- logging -----------------------------------------------------------------

    def say(self, message: str) -> None:
        if not self.args.quiet:
            print(message, flush=True)

    def tail(self, name: str, lines: int = 40) -> None:
        path = self.state / name
        if path.exists():
            print(f"--- last lines of {path} ---", file=sys.stderr)
            print("\n".join(path.read_text(errors="replace").splitlines()[-lines:]), file=sys.stderr)

    # -- processes -----------------------------------------------------------------

    def prepare_state(self) -> None:
        if self.state.exists() and any(self.state.iterdir()) and not (self.state / MARKER).exists():
            sys.exit(f"{self.state} exists and is not a demo hub state directory; not touching it.")
        shutil.rmtree(self.state, ignore_errors=True)
        (self.state / "home").mkdir(parents=True)
        (self.state / MARKER).write_text("Throwaway state of scripts/demo-hub.py; deleted at each start.\n")
        # Whose server fails to start on purpose (demo/hub/jupyterhub_config.py reads it at
        # each start; the hub end-to-end tests add and remove names).
        (self.state / FAILING_USERS).write_text("".join(f"{u['name']}\n" for u in USERS if u.get("fails_to_start")))

    def start_proxy(self) -> None:
        if not PROXY.exists():
            sys.exit(f"{PROXY} is missing: run `make setup` (jlpm install) first.")
        hub = f"http://127.0.0.1:{self.hub_port}"
        cmd = [
            str(PROXY),
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--api-ip=127.0.0.1",
            f"--api-port={self.proxy_api_port}",
            f"--default-target={hub}",
            f"--error-target={hub}/hub/error",
            # Routes by host too, as the hub's own proxy does with subdomains.
            *(["--host-routing"] if self.args.subdomains else []),
        ]
        with open(self.state / "proxy.log", "ab") as log:
            self.proxy = subprocess.Popen(
                cmd, env=self.env, cwd=self.state, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )

    def start_service(self) -> None:
        """The hub help service, as an external JupyterHub service (as a sidecar
        container runs it on zero-to-jupyterhub): the environment a hub gives the
        services it manages, its database in the state directory."""
        prefix = "/services/hub-help/"
        # With subdomains the hub serves each service on a host of its own.
        public = self.service_public_url()
        env = {
            **self.env,
            "JUPYTERHUB_SERVICE_NAME": "hub-help",
            "JUPYTERHUB_API_TOKEN": self.service_token,
            "JUPYTERHUB_API_URL": f"http://127.0.0.1:{self.hub_port}/hub/api",
            "JUPYTERHUB_BASE_URL": "/",
            "JUPYTERHUB_SERVICE_URL": self.env["HUB_HELP_SERVICE_URL"],
            "JUPYTERHUB_SERVICE_PREFIX": prefix,
            "JUPYTERHUB_CLIENT_ID": "service-hub-help",
            "JUPYTERHUB_OAUTH_CALLBACK_URL": f"{public}{prefix}oauth_callback",
            "JUPYTERHUB_OAUTH_SCOPES": json.dumps(["access:services!service=hub-help"]),
            "JUPYTERHUB_OAUTH_ACCESS_SCOPES": json.dumps(["access:services!service=hub-help"]),
            "JUPYTERHUB_PUBLIC_URL": f"{public}{prefix}",
            # Where the service sends browsers to sign in: the hub's own host,
            # which differs from the service's with subdomains.
            "JUPYTERHUB_HOST": self.url if self.args.subdomains else "",
        }
        db_url = f"sqlite:///{self.state / 'hub-help.sqlite'}"
        if self.args.sample_reports and not (self.state / "hub-help.sqlite").exists():
            file_sample_reports(db_url)
        cmd = [
            sys.executable, "-m", "jupyterlab_hub_help.service",
            f"--db-url={db_url}",
            # The hub group of the Community Representatives (demo/hub/jupyterhub_config.py):
            # its members edit once signed in to the service.
            "--representatives-group=community-representatives",
            # The same settings as the single-user servers read, for the help page.
            f"--document={OPERATOR_DOCUMENT}",
            # The login page's help box (template_vars in the hub's config) reads api/public.
            "--public",
        ]
        with open(self.state / "service.log", "ab") as log:
            self.service = subprocess.Popen(
                cmd, env=env, cwd=self.state, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )

    def service_public_url(self) -> str:
        """The hub help service's origin as browsers reach it ("" on the hub's own)."""
        return f"http://hub-help--service.localhost:{self.port}" if self.args.subdomains else ""

    def start_hub(self) -> None:
        if self.hub and self.hub.poll() is None:
            return
        cmd = [executable("jupyterhub"), "-f", str(HUB_DIR / "jupyterhub_config.py")]
        with open(self.state / "hub.log", "ab") as log:
            # A new session: Ctrl-C in the terminal reaches this supervisor only,
            # which then stops everything in order.
            self.hub = subprocess.Popen(
                cmd, env=self.env, cwd=self.state, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )

    def stop_hub(self) -> None:
        stop_process(self.hub, 30)
        self.hub = None

    def hub_answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.local_url}/hub/api", timeout=2) as response:
                self.hub_version = json.load(response).get("version", "")
                return response.status == 200
        except (OSError, ValueError, urllib.error.URLError):
            return False

    def wait_for_hub(self, timeout: float = 120) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.stopping:
            self.handle_requests(during_start=True)
            if self.hub is None or self.hub.poll() is not None:
                return False
            if self.proxy is None or self.proxy.poll() is not None:
                return False
            if self.hub_answers():
                return True
            time.sleep(0.3)
        return False

    def server_pids(self) -> set[int]:
        """The user servers the hub's database knows of (pids in the spawners' state)."""
        pids = set()
        try:
            db = sqlite3.connect(f"file:{self.state / 'jupyterhub.sqlite'}?mode=ro", uri=True, timeout=5)
            for (state,) in db.execute("SELECT state FROM spawners"):
                pid = json.loads(state or "{}").get("pid") if isinstance(state, str) else None
                if pid:
                    pids.add(int(pid))
            db.close()
        except (sqlite3.Error, ValueError):
            pass
        return pids

    def reap(self) -> None:
        """Reap orphaned user servers that exited (they were reparented here)."""
        own = {p.pid for p in (self.hub, self.proxy) if p}
        table = process_table()
        for pid, (ppid, state) in table.items():
            if ppid == os.getpid() and state == "Z" and pid not in own:
                try:
                    os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    pass

    def others(self) -> list[int]:
        """Every descendant except the proxy: the hub, user servers, their kernels."""
        table = process_table()
        proxy = {self.proxy.pid, *descendants(self.proxy.pid, table)} if self.proxy else set()
        return [p for p in descendants(os.getpid(), table) if p not in proxy and alive(p)]

    def shutdown(self) -> int:
        self.say("\nStopping the hub, the user servers and the proxy...")
        known_servers = self.server_pids()
        self.stop_hub()
        servers = set(self.others()) | {p for p in known_servers if alive(p)}
        for pid in servers:
            kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(alive(p) for p in servers | set(self.others())):
            self.reap()
            time.sleep(0.2)
        stop_process(self.service, 10)
        for pid in set(self.others()) | {p for p in servers if alive(p)}:
            kill(pid, signal.SIGKILL)
        stop_process(self.proxy, 10)
        for pid in descendants(os.getpid()):
            kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        self.reap()
        left = [p for p in descendants(os.getpid()) if alive(p)]
        if left:
            print(f"Processes still running: {left}", file=sys.stderr)
            return 1
        self.say(f"Stopped: the hub, {len(servers)} user server(s) and the proxy. Nothing is left running.")
        return 0

    # -- control -------------------------------------------------------------------

    def on_signal(self, signum, frame) -> None:
        if signum in (signal.SIGUSR1, signal.SIGUSR2):
            self.requests.append("stop-hub" if signum == signal.SIGUSR1 else "start-hub")
        else:
            self.stopping = True

    def handle_requests(self, during_start: bool = False) -> None:
        while self.requests and not during_start:
            request = self.requests.pop(0)
            if request == "stop-hub":
                self.say("SIGUSR1: stopping the hub only; the proxy and the user servers keep running.")
                self.stop_hub()
                self.write_ready()
            elif request == "start-hub":
                if self.args.service and self.service is None:
                    self.say("SIGUSR2: starting the hub help service again...")
                    self.start_service()
                    self.write_ready()
                if self.hub is not None:
                    continue
                self.say("SIGUSR2: starting the hub again...")
                self.start_hub()
                if self.wait_for_hub():
                    self.say("The hub is back.")
                    self.write_ready()

    def write_ready(self) -> None:
        if not self.args.ready_file:
            return
        info = {
            "url": self.url,
            "local_url": self.local_url,
            "subdomains": self.args.subdomains,
            "pid": os.getpid(),
            "hub_pid": self.hub.pid if self.hub else None,
            "hub_running": bool(self.hub and self.hub.poll() is None),
            "proxy_pid": self.proxy.pid if self.proxy else None,
            "service_pid": self.service.pid if self.service else None,
            "service_running": bool(self.service and self.service.poll() is None),
            # Where the service itself listens, whatever host the browsers use.
            "service_url": self.env.get("HUB_HELP_SERVICE_URL", ""),
            "password": self.password,
            "grant_list_users": self.args.grant_list_users,
            "hub_version": self.hub_version,
            "state": str(self.state),
            "logs": [str(self.state / n) for n in ("hub.log", "proxy.log", "service.log")],
            "users": USERS,
        }
        ready = Path(self.args.ready_file)
        tmp = ready.with_suffix(".tmp")
        tmp.write_text(json.dumps(info, indent=2))
        tmp.replace(ready)

    def editing_banner(self, rel: str) -> str:
        if not self.args.service:
            return "  Editing the hub's help: off (--no-service): the panel reads the settings only.\n"
        return f"""  Editing the hub's help: amara and tomas (the hub group community-representatives; amara
              is also an admin) are signed in to the hub help service silently and see
              "Keep this help current" in the Get help panel; zoe sees no edit control.
              priya-cloudhost holds custom:hub-help:edit: she opens
              {self.url}/services/hub-help/ once to sign in, then edits from the panel.
              The hub help service: {self.env["HUB_HELP_SERVICE_URL"]} (through the hub:
              {self.url}/services/hub-help/), database {rel}/hub-help.sqlite;
              kill {self.service.pid if self.service else "?"} stops it (the panel keeps its last copy).
  Reports:    "Report a problem" keeps reports in the hub; lin and amara (admins) read users'
              reports in Help > Reports inbox{" (three samples filed at start)" if self.args.sample_reports else ""}.
"""

    def banner(self) -> str:
        width = max(len(u["name"]) for u in USERS)
        users = "\n".join(f"    {u['name']:<{width}}  {u['about']}" for u in USERS)
        rel = os.path.relpath(self.state, Path.cwd())
        if self.args.grant_list_users:
            discovery = (
                "Admin discovery: ON. Every user's token has list:users + read:users:name,\n"
                "  so the panel lists the hub's admins itself (noah appears, cloudhost-staff never)."
            )
        else:
            discovery = (
                "Admin discovery: off (JupyterHub's default scopes). To let the panel list the\n"
                "  hub's admins itself: HUB_HELP_GRANT_LIST_USERS=1 make demo"
            )
        return f"""
  jupyterlab-hub-help demo: a real JupyterHub {self.hub_version} with the sample community settings

  Open:      {self.url}/hub/login
  Password:  {self.password}   (the same for every user)

  Users:
{users}

  {discovery}

{self.editing_banner(rel)}  Hub pages:  the hub's own pages carry a Get help item and, when a server does not start,
              a help box (jupyterlab_hub_help.hub_templates_path()); log in as kai to see it,
              or add a name to {rel}/{FAILING_USERS} to make that user's start fail too.
  Help page:  {self.url}/services/hub-help/help (the panel's answers, outside JupyterLab)
  Hub outage: kill -USR1 {os.getpid()} stops only the hub (JupyterLab keeps working,
              the panel says the hub cannot be reached); kill -USR2 {os.getpid()} starts it again.
  Logs:       {rel}/hub.log (hub and user servers), {rel}/proxy.log, {rel}/service.log
  Stop:       Ctrl-C (stops the hub, every user's server and the proxy)
"""

    def run(self) -> int:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
            signal.signal(sig, self.on_signal)
        parent = os.getppid()
        if self.args.exit_with_parent:
            prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
            if os.getppid() != parent:
                return 1
        if not prctl(PR_SET_CHILD_SUBREAPER, 1):
            self.say("(not a child subreaper: orphaned user servers are found through the hub's database)")
        if not port_is_free(self.port):
            sys.exit(
                f"Port {self.port} on 127.0.0.1 is in use: stop what runs there, "
                "or choose another with HUB_HELP_DEMO_PORT=NNNN."
            )
        self.prepare_state()
        self.say(f"Starting configurable-http-proxy and JupyterHub (state in {self.state})...")
        try:
            self.start_proxy()
            if self.args.service:
                self.start_service()
            self.start_hub()
            if not self.wait_for_hub():
                if not self.stopping:
                    print("The hub did not start.", file=sys.stderr)
                    self.tail("hub.log")
                    self.tail("proxy.log")
                return max(self.shutdown(), 0 if self.stopping else 1)
            self.write_ready()
            self.say(self.banner())
            code = 0
            while not self.stopping:
                self.handle_requests()
                if self.proxy.poll() is not None:
                    print(f"The proxy exited (code {self.proxy.returncode}).", file=sys.stderr)
                    self.tail("proxy.log")
                    code = 1
                    break
                if self.service is not None and self.service.poll() is not None:
                    self.say(f"The hub help service exited (code {self.service.returncode}); "
                             "the panel keeps its last good copy.")
                    self.tail("service.log", 20)
                    self.service = None
                    self.write_ready()
                if self.hub is not None and self.hub.poll() is not None:
                    print(f"The hub exited (code {self.hub.returncode}); the proxy and the user servers "
                          f"keep running. kill -USR2 {os.getpid()} starts it again.", file=sys.stderr)
                    self.tail("hub.log")
                    self.hub = None
                    self.write_ready()
                self.reap()
                time.sleep(0.2)
            return max(self.shutdown(), code)
        except BaseException:
            self.shutdown()
            raise


def file_sample_reports(db_url: str) -> None:
    """A few reports for the demo's inbox, filed straight into the service's
    database (created and migrated here) before the service starts."""
    from jupyterlab_hub_help.service.report_store import ReportStore
    from jupyterlab_hub_help.service.store import Store

    store = Store(db_url)
    kept = ReportStore(store)
    samples = (
        ("zoe", "user", "servers-not-starting", "My server has been starting for ten minutes",
         "The progress bar stops at 'Pending' since 9:40. Others in my class too."),
        ("noah", "admin", "slow", "Notebooks take a minute to open",
         "Opening any notebook takes about a minute since this morning."),
        ("zoe", "user", "home-full", "Cannot save: disk full",
         "Saving fails with 'No space left on device'."),
    )
    for n, (user, role, category, summary, description) in enumerate(samples):
        kept.file(user, role, f"demo-sample-{n}", {
            "category": category, "summary": summary, "description": description,
            "affected": "others" if n == 0 else "me", "diagnostics": "", "page_path": f"/user/{user}/lab",
        }, per_hour=100, max_stored=10_000)
    first = kept.mine("zoe", 10, None)[0][-1]
    kept.act(first.reference, {"user"}, "acknowledge", "lin")
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("HUB_HELP_DEMO_PORT", "8000")),
        help="the hub's public port on 127.0.0.1; 0 picks a free one (default: $HUB_HELP_DEMO_PORT or 8000)",
    )
    parser.add_argument(
        "--grant-list-users", action="store_true",
        default=os.environ.get("HUB_HELP_GRANT_LIST_USERS", "") not in ("", "0"),
        help="grant every user's browser token list:users + read:users:name, so that the panel "
        "discovers the hub's admins (default: $HUB_HELP_GRANT_LIST_USERS)",
    )
    parser.add_argument(
        "--password", default=os.environ.get("HUB_HELP_DEMO_PASSWORD", DEFAULT_PASSWORD),
        help=f"every demo user's password (default: $HUB_HELP_DEMO_PASSWORD or {DEFAULT_PASSWORD})",
    )
    parser.add_argument(
        "--state", default=str(ROOT / "build" / "demo-hub"),
        help="throwaway state directory, emptied at start (default: build/demo-hub)",
    )
    parser.add_argument(
        "--subdomains", action="store_true",
        help="give each user's server a subdomain of its own (c.JupyterHub.subdomain_host), "
        "as hubs that isolate users do: the hub at http://localhost:PORT, zoe's server at "
        "http://zoe.localhost:PORT, the hub help service at http://hub-help--service.localhost:PORT",
    )
    parser.add_argument(
        "--no-service", dest="service", action="store_false",
        help="run no hub help service: the default install of a hub that has not deployed it",
    )
    parser.add_argument(
        "--sample-reports", action="store_true",
        help="file a few sample problem reports (from zoe and noah), so that the reports "
        "inbox has something to show; `make demo` passes it, the tests do not",
    )
    parser.add_argument("--ready-file", help="write the hub's URL, pids and state here (JSON) once it answers")
    parser.add_argument("--exit-with-parent", action="store_true", help="stop everything when the parent dies")
    parser.add_argument("--quiet", action="store_true", help="print no banner")
    return Supervisor(parser.parse_args()).run()


if __name__ == "__main__":
    sys.exit(main())
