"""The template pack for JupyterHub's own pages (jupyterlab_hub_help/hub_templates),
rendered over the templates of real JupyterHub releases (scripts/hub_templates.py fetches
them into build/; when that fails, these tests fail) in a Jinja environment laid out as
JupyterHub's ``init_tornado_settings`` lays it out, with the variables its handlers give
each page: the pack adds its part and leaves JupyterHub's own as it was."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from jupyterlab_hub_help import hub_templates_path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("hub_templates_script", ROOT / "scripts" / "hub_templates.py")
fetch = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fetch)

HOSTILE = "</script><script>alert(1)</script>\u202e"
SERVICE = "/services/hub-help/"
#: What the pack adds, removed to find JupyterHub's own page again.
OURS = [
    re.compile(r'<li class="nav-item jp-HubHelp-hubNavItem">.*?</li>', re.S),
    re.compile(r'<link rel="stylesheet" href="[^"]*static/hub-pages\.css">'),
    re.compile(r'<aside id="jupyterlab-hub-help-box".*?</aside>', re.S),
    re.compile(r'<script type="application/json" id="jupyterlab-hub-help-context">.*?</script>', re.S),
    re.compile(r'<script src="[^"]*static/hub-pages\.js" defer></script>'),
]


@dataclass
class Spawner:
    options_form: str = ""


@dataclass
class User:
    """What these pages read of the hub's user."""

    name: str = "zoe"
    admin: bool = False
    spawner: Spawner = field(default_factory=Spawner)


def environments(version: str, pack: bool):
    """The hub's environments (async for pages, sync for error pages), with
    the pack first in ``template_paths`` or without it."""
    base = str(fetch.templates(version))
    paths = ([hub_templates_path()] if pack else []) + [base]
    loader = ChoiceLoader([PrefixLoader({"templates": FileSystemLoader([base])}, "/"),
                           FileSystemLoader(paths)])
    return (Environment(loader=loader, autoescape=True, enable_async=True),
            Environment(loader=loader, autoescape=True))


def namespace(hub_help=None, **page) -> dict:
    """``BaseHandler.template_namespace`` with the template_vars, then the page's own."""
    ns = dict(base_url="/hub/", prefix="/", user=User(), login_url="/hub/login",
              login_service="", logout_url="/hub/logout",
              static_url=lambda path, include_version=True: f"/hub/static/{path}",
              version_hash="", services=[], parsed_scopes=set(), expanded_scopes=set(),
              xsrf="xsrf-token")
    if hub_help is not None:
        ns["hub_help"] = hub_help
    return {**ns, **page}


def render(version: str, name: str, pack: bool = True, sync: bool = False, **ns) -> str:
    async_env, sync_env = environments(version, pack)
    if sync:
        return sync_env.get_template(name).render(**ns)
    return asyncio.run(async_env.get_template(name).render_async(**ns))


def without_ours(page: str) -> str:
    for pattern in OURS:
        page = pattern.sub("", page)
    return re.sub(r"\s+", " ", page).strip()


def context(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="jupyterlab-hub-help-context">(.*?)</script>',
                      page, re.S)
    return json.loads(found.group(1))


FAILED = dict(server_name="", spawn_url="/hub/spawn/zoe", failed=True, failed_html_message="",
              failed_message=f"Could not start {HOSTILE} token=abc123",
              exception=RuntimeError("internal detail"))
#: Each page: the variables its handler gives it, and something of JupyterHub's own in it.
PAGES = {
    "page.html": ({}, "/hub/token"),
    "not_running.html": (FAILED, 'id="start"'),
    "spawn_pending.html": (dict(spawner=None, progress_url="/hub/api/users/zoe/server/progress"),
                           "progress-bar"),
    "error.html": (dict(status_code=500, status_message="Internal Server Error",
                        message=HOSTILE, extra_error_html="", exception=None),
                   "500 : Internal Server Error"),
    "404.html": (dict(status_code=404, status_message="Not Found", message="",
                      extra_error_html="", exception=None), "404 : Not Found"),
    "login.html": (dict(user=None, next="", username=None, login_error=None, custom_html="",
                        authenticator_login_url="/hub/login?next=", authenticator=None),
                   "Sign in"),
}
SETTINGS = {"fallback": f"<script>alert(1)</script> CloudHost: support@example.org {HOSTILE}",
            "pending_after_seconds": 90, "login_page": True}


@pytest.fixture(params=fetch.VERSIONS)
def version(request) -> str:
    return request.param


@pytest.mark.parametrize("name", PAGES)
def test_the_pack_adds_to_jupyterhubs_own_page(version, name):
    variables, own = PAGES[name]
    sync = name in ("error.html", "404.html")  # as write_error renders them
    ours = render(version, name, sync=sync, **namespace(SETTINGS, **variables))
    theirs = render(version, name, pack=False, sync=sync, **namespace(SETTINGS, **variables))
    assert own in theirs and own in ours
    assert without_ours(ours) == without_ours(theirs)
    assert "<script>alert" not in ours and "</script><script>" not in ours
    assert f'href="/hub/static/css/style.min.css' in ours
    assert f'<link rel="stylesheet" href="{SERVICE}static/hub-pages.css">' in ours
    if name != "login.html":
        assert f'<a class="nav-link" href="{SERVICE}help">Get help</a>' in ours
        assert ours.count('href="/hub/token"') == 1


@pytest.mark.parametrize("name,page,report,hidden", [
    ("not_running.html", "spawn-failed", "server-start", False),
    ("spawn_pending.html", "spawn-pending", "server-start", True),
    ("error.html", "error", "other", False),
    ("login.html", "login", None, False),
])
def test_the_box(version, name, page, report, hidden):
    variables, _ = PAGES[name]
    out = render(version, name, sync=name == "error.html", **namespace(SETTINGS, **variables))
    aside = re.search(r"<aside .*?</aside>", out, re.S).group(0)
    assert aside.startswith(
        '<aside id="jupyterlab-hub-help-box" class="jp-HubHelp-hubBox" '
        f'aria-labelledby="jupyterlab-hub-help-box-title" data-page="{page}" '
        f'data-service="{SERVICE}" data-wait-seconds="90"' + (" hidden>" if hidden else ">"))
    assert '<h2 id="jupyterlab-hub-help-box-title">Need help?</h2>' in aside
    assert ('<p class="jp-HubHelp-hubBoxFallback" dir="auto">&lt;script&gt;alert(1)&lt;/script&gt; '
            "CloudHost: support@example.org &lt;/script&gt;&lt;script&gt;") in aside
    links = f'<a href="{SERVICE}help">Get help</a>'
    if report:
        links += f' <a href="{SERVICE}help?report={report}">Report a problem</a>'
    assert f'<p class="jp-HubHelp-hubBoxLinks">{links}</p>' in aside
    assert out.count(f'<script src="{SERVICE}static/hub-pages.js" defer></script>') == 1
    found = context(out)
    assert found["page"] == page
    if name == "not_running.html":
        assert found == {"page": page, "message": FAILED["failed_message"], "status": None}
        # What JupyterHub keeps from users stays out.
        assert "internal detail" not in out
    elif name == "error.html":
        assert found == {"page": page, "message": HOSTILE, "status": 500}
    else:
        assert found == {"page": page, "message": None, "status": None}


def test_an_error_starting_a_server_is_reported_as_such(version):
    """JupyterHub adds its spawn_home_error (extra_error_html) to those pages only."""
    error = {**PAGES["error.html"][0], "message": "Unhandled error starting server zoe",
             "extra_error_html": "You can try restarting your server from the "
                                 "<a href='/hub/home'>home page</a>."}
    out = render(version, "error.html", sync=True, **namespace(SETTINGS, **error))
    assert f'<a href="{SERVICE}help?report=server-start">Report a problem</a>' in out
    assert "report=other" not in out


def test_a_failure_without_a_message_for_users(version):
    failed = {**FAILED, "failed_message": None}
    out = render(version, "not_running.html", **namespace(SETTINGS, **failed))
    assert context(out) == {"page": "spawn-failed", "message": None, "status": None}


def test_where_the_box_is_not(version):
    not_failed = dict(server_name="", spawn_url="/hub/spawn/zoe")
    out = render(version, "not_running.html", **namespace(SETTINGS, **not_failed))
    assert "Server not running" in out
    assert "jupyterlab-hub-help-box" not in out and "hub-pages.js" not in out
    login, _ = PAGES["login.html"]
    for settings in (None, {}, {"login_page": False}, "not a dict"):
        out = render(version, "login.html", **namespace(settings, **login))
        assert "jupyterlab-hub-help-box" not in out and "hub-pages.js" not in out


def test_defaults_and_the_service_url(version):
    """No settings at all: the service under the hub's base URL, a wait of
    60 seconds, no fallback; a service_url given without its slash gets one."""
    pending, _ = PAGES["spawn_pending.html"]
    out = render(version, "spawn_pending.html", **namespace(None, prefix="/base/", **pending))
    assert 'data-service="/base/services/hub-help/" data-wait-seconds="60" hidden>' in out
    assert 'href="/base/services/hub-help/help">Get help</a>' in out
    assert "jp-HubHelp-hubBoxFallback" not in out
    out = render(version, "error.html", sync=True, **namespace(
        {"service_url": "https://help.example.org/x"}, **PAGES["error.html"][0]))
    assert 'data-service="https://help.example.org/x/"' in out
    assert '<script src="https://help.example.org/x/static/hub-pages.js" defer></script>' in out


def test_hub_templates_path_is_the_pack():
    folder = Path(hub_templates_path())
    assert folder.is_dir() and (folder / "page.html").exists()
    for page in folder.glob("*.html"):
        text = page.read_text()
        assert f'{{% extends "templates/{page.name}" %}}' in text, page.name
