"""The help page for the hub's own pages, against a real hub: its shell and
headers, the sign-in through the hub that comes back to it, what it reads
(api/help), its files (static/, locale/), and api/public, which anyone may
read once the operator turns it on."""

import json
import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest
import requests

from jupyterlab_hub_help.service.help_handlers import best_language, shell
from jupyterlab_hub_help.service.operator import OperatorDocument

from .conftest import ADMIN, PASSWORD, ROOT, USER, ServiceProcess, free_port

PLUGIN = "jupyterlab-hub-help:plugin"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
       "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'")
RLO = "\u202e"
DOCUMENT = {
    "hub": {"name": f"River<script>alert(1)</script>{RLO}bend"},
    "operated_by": {"name": "CloudHost", "url": "javascript:alert(1)"},
    "people": [{"name": "Amara", "roles": ["support-triager"],
                "contact": {"email": "amara@example.org"}}],
    "roles": {"support-steward": {"label": "Desk", "channels": [
        {"kind": "url", "address": "javascript:alert(1)"},
        {"kind": "email", "address": "desk@example.org"},
    ]}},
    "statusPage": 42,
}


@pytest.fixture(scope="module")
def compiled_translations():
    """The bundles the build compiles from the .po files (ignored by git)."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile"], check=True,
                   capture_output=True, cwd=ROOT)


@pytest.fixture
def help_service(hub, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "help.js").write_text("/* placeholder */\n")
    document = tmp_path / "overrides.json"
    document.write_text(json.dumps({PLUGIN: DOCUMENT, "other:plugin": {}}))
    running = ServiceProcess(hub, f"sqlite:///{tmp_path / 'hub-help.sqlite'}", tmp_path,
                             "--document", str(document), "--static-dir", str(static),
                             "--public").start()
    running.document = document
    try:
        yield running
    finally:
        running.stop()


def hub_session(hub, user: str) -> requests.Session:
    session = requests.Session()
    page = session.get(hub.public + "/hub/login", timeout=30)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    r = session.post(hub.public + "/hub/login", timeout=30, allow_redirects=False,
                     data={"username": user, "password": PASSWORD, "_xsrf": xsrf})
    assert r.status_code == 302, r.text
    return session


def test_sign_in_comes_back_to_the_help_page(hub, help_service):
    # Not signed in to the hub: its login page, then back here through the OAuth callback.
    session = requests.Session()
    url = f"{hub.public}/services/hub-help-ext/help"
    r = session.get(url, timeout=30, allow_redirects=False)
    assert r.status_code == 302 and "/hub/api/oauth2/authorize" in r.headers["Location"]
    login = session.get(url, timeout=30)
    assert urlparse(login.url).path == "/hub/login"
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', login.text).group(1)
    r = session.post(login.url, data={"username": USER, "password": PASSWORD, "_xsrf": xsrf},
                     timeout=30)
    assert r.status_code == 200 and r.url == url and 'id="jupyterlab-hub-help-page"' in r.text
    # Signed in to the hub already: straight through.
    session = hub_session(hub, USER)
    r = session.get(url, headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}, timeout=30)
    assert r.status_code == 200, r.text
    assert r.url == url
    assert r.headers["Content-Security-Policy"] == CSP
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Cache-Control"] == "no-store"
    assert r.headers["Referrer-Policy"] == "same-origin"
    assert r.headers["Content-Type"].startswith("text/html")
    assert r.text.startswith('<!doctype html><html lang="fr-FR" dir="ltr"><head>')
    assert ('<div id="jupyterlab-hub-help-page" data-service="/services/hub-help-ext/" '
            f'data-language="fr_FR" data-hub-prefix="/hub/" data-user="{USER}"></div>') in r.text
    assert '<link rel="stylesheet" href="static/help.css">' in r.text
    assert '<script src="static/help.js" defer></script>' in r.text
    assert "<noscript>" in r.text

    # The cookie of that sign-in reads api/help.
    r = session.get(f"{hub.public}/services/hub-help-ext/api/help", timeout=30)
    assert r.status_code == 200 and r.json()["viewer"]["name"] == USER


def test_a_token_is_refused_on_the_help_page(help_service):
    r = help_service.api(USER).get("help")
    assert r.status_code == 400 and "takes no token" in r.text


def test_languages_are_negotiated():
    shipped = ["en", "es_ES", "fr_FR"]
    assert best_language("fr-CA,fr;q=0.9,en;q=0.8", shipped) == "fr_FR"
    assert best_language("de, es-MX;q=0.5", shipped) == "es_ES"
    assert best_language("en-GB, fr", shipped) == "en"
    assert best_language("fr;q=0.2, es;q=0.8", shipped) == "es_ES"
    assert best_language("de, *;q=0.1", shipped) == "en"
    assert best_language("", shipped) == best_language("garbage;;q=x", shipped) == "en"
    assert best_language("fr;q=0", shipped) == "en"


def test_api_help_gives_viewer_document_and_problems(help_service):
    r = help_service.api(ADMIN).get("api/help")
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    body = r.json()
    assert body["viewer"] == {"name": ADMIN, "kind": "user", "admin": True, "groups": []}
    assert body["document"] == DOCUMENT
    assert body["hubPrefix"] == "/hub/"
    where = [p["where"] for p in body["documentProblems"]]
    assert any(w.startswith(str(help_service.document)) and w.endswith("$.statusPage")
               for w in where), where
    assert all(set(p) == {"where", "message"} for p in body["documentProblems"])
    assert help_service.api().get("api/help").status_code == 401


def test_the_document_is_read_again_when_it_changes(tmp_path):
    path = tmp_path / "hub-help.json"
    now = [0.0]
    operator = OperatorDocument(str(path), clock=lambda: now[0])
    document, problems = operator.current()
    assert document is None and "could not be read" in problems[0]["message"]
    path.write_text("{not json")
    now[0] += 2
    document, problems = operator.current()
    assert document is None and problems[0]["where"].startswith(str(path))
    path.write_text(json.dumps({"hub": {"name": "Riverbend"}}))
    # Within a second the file is not looked at again.
    assert operator.current()[0] is None
    now[0] += 2
    assert operator.current() == ({"hub": {"name": "Riverbend"}}, [])
    assert OperatorDocument(None).current() == (None, [])


def test_api_public_is_empty_unless_turned_on(hub, tmp_path):
    document = tmp_path / "hub-help.json"
    document.write_text(json.dumps(DOCUMENT))
    running = ServiceProcess(hub, f"sqlite:///{tmp_path / 'off.sqlite'}", tmp_path,
                             "--document", str(document), port=free_port()).start()
    try:
        r = running.api().get("api/public")
        assert r.status_code == 200 and r.json() == {}
    finally:
        running.stop()


def test_api_public_carries_no_person_and_no_unsafe_link(help_service):
    editor = help_service.api("scribe")
    assert editor.store("status", {"text": "Slow starts today", "severity": "warning"}).status_code == 200
    r = help_service.api().get("api/public")
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-cache"
    body = r.json()
    assert body == {
        "hub": {"name": DOCUMENT["hub"]["name"]},
        "operatedBy": {"name": "CloudHost", "url": None},
        "status": {"text": "Slow starts today", "severity": "warning"},
        "desk": {"name": "Desk", "channel": {"kind": "email", "address": "desk@example.org"}},
    }
    assert "amara" not in r.text.lower() and "javascript:" not in r.text
    again = help_service.api().get("api/public", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304


def test_static_files_and_translations(help_service, compiled_translations):
    api = help_service.api()
    r = api.get("static/help.js")
    assert r.status_code == 200 and r.text == "/* placeholder */\n"
    assert r.headers["Cache-Control"] == "no-cache" and r.headers["X-Content-Type-Options"] == "nosniff"
    assert api.get("static/help.js", headers={"If-None-Match": r.headers["Etag"]}).status_code == 304
    assert api.get("static/nothing.js").status_code == 404
    assert api.get("static/../app.py").status_code in (403, 404)
    r = api.get("locale/fr_FR")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    assert isinstance(r.json(), dict)
    assert api.get("locale/de_DE").status_code == 404
    assert api.get("locale/en").status_code == 404
    # The hub's pages ask for the reader's language; the service chooses, as for the page.
    r = api.get("locale/auto", headers={"Accept-Language": "de, fr-CA;q=0.8"})
    assert r.json()[""]["language"] == "fr-FR" and "Accept-Language" in r.headers["Vary"]
    r = api.get("locale/auto", headers={"Accept-Language": "en-GB, fr;q=0.5"})
    assert r.json() == {"": {"domain": "jupyterlab_hub_help", "language": "en",
                             "plural_forms": "nplurals=2; plural=(n != 1);"}}


def test_the_shell_escapes_what_it_is_given():
    page = shell("/services/hub-help/", "en", "/hub/", f'"><script>alert(1)</script>{RLO}')
    assert "<script>alert" not in page and '"><' not in page.split("data-user=")[1][:3]
    assert f'data-user="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;{RLO}"' in page


def test_the_hubs_own_pages_carry_the_help(hub):
    """The template pack in a real hub: the navigation item, the box on an
    error page, and on the page of a start that failed."""
    session = hub_session(hub, USER)
    page = session.get(f"{hub.public}/hub/token", timeout=30)
    assert page.status_code == 200
    assert '<a class="nav-link" href="/services/hub-help-ext/help">Get help</a>' in page.text
    assert '<link rel="stylesheet" href="/services/hub-help-ext/static/hub-pages.css">' in page.text
    missing = session.get(f"{hub.public}/hub/no-such-page", timeout=30)
    assert missing.status_code == 404 and 'data-page="error"' in missing.text
    assert "Write to help@example.org" in missing.text
    # bob has no account on this machine: his server cannot start.
    failed = session.get(f"{hub.public}/hub/spawn/{USER}", timeout=60)
    assert failed.status_code >= 500
    assert 'help?report=server-start">Report a problem</a>' in failed.text
    again = session.get(f"{hub.public}/hub/user/{USER}/", timeout=60)
    assert 'data-page="spawn-failed"' in again.text, again.text[-3000:]
    assert '<script src="/services/hub-help-ext/static/hub-pages.js" defer></script>' in again.text
