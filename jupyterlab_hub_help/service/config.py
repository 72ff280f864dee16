"""The service's options: command-line flags, each with an environment
variable (for a hub-managed service, whose command is fixed in the hub's
config, the environment is often easier to set)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, Callable, List, Mapping, Optional, Sequence
from urllib.parse import urlparse

from jupyterhub.utils import url_path_join

from ..shared import COMMUNITY_SERVICE, RESPONSE_MAX_BYTES, SECTIONS
from .origins import Origins
from .reports import REPORTS_PER_HOUR, Threshold, default_thresholds

#: The largest body of a change: a valid one serves a document the panel can
#: read (RESPONSE_MAX_BYTES of UTF-8), with room for clients that escape
#: what is not ASCII.
MAX_BODY_BYTES = 2 * RESPONSE_MAX_BYTES
#: What a request that does not change anything may send before its caller
#: is known.
MAX_SMALL_BODY_BYTES = 64 * 1024
#: The help page's scripts and styles, built from src/ (hub-pages too).
STATIC_DIR = Path(__file__).with_name("static")


def _list(text: str) -> List[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _sections(text: str) -> List[str]:
    names = _list(text)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}"
        )
    # Kept in the format's order, each once.
    return [n for n in SECTIONS if n in names]


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return value


def _positive(text: str) -> int:
    value = _count(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _threshold(text: str) -> Threshold:
    try:
        return Threshold.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _number_options(p: argparse.ArgumentParser, env: Callable[[str], Optional[str]]):
    """Adds a numeric option that an environment variable may set; its help
    names both."""

    def add(flag: str, variable: str, parse: Callable[[str], Any], default: Any, help: str,
            note: str = ""):
        p.add_argument(
            flag, type=parse, default=parse(env(variable) or str(default)),
            help=f"{help} (env {variable}; default {default}{'; ' + note if note else ''})",
        )

    return add


def parser(environ: Mapping[str, str]) -> argparse.ArgumentParser:
    env = environ.get
    name = env("JUPYTERHUB_SERVICE_NAME") or COMMUNITY_SERVICE
    p = argparse.ArgumentParser(
        prog="jupyter-hub-help-service",
        description=(
            "The community help service: keeps the people, announcements, status note "
            "and task notes that the hub's Community Representatives and admins edit, for the "
            "jupyterlab-hub-help panel. Run it as a JupyterHub service."
        ),
    )
    p.add_argument(
        "--db-url",
        default=env("HUB_HELP_DB_URL") or f"sqlite:///{Path.cwd() / 'hub-help.sqlite'}",
        help="SQLAlchemy database URL (env HUB_HELP_DB_URL; default: sqlite file "
        "hub-help.sqlite in the current directory). PostgreSQL: postgresql+psycopg://...",
    )
    p.add_argument(
        "--sections",
        type=_sections,
        default=_sections(env("HUB_HELP_SECTIONS") or ",".join(SECTIONS)),
        help="comma-separated sections the community may edit (env HUB_HELP_SECTIONS; "
        "default: all of them)",
    )
    p.add_argument(
        "--representative",
        dest="representatives",
        action="append",
        default=None,
        metavar="USERNAME",
        help="a hub username (as the hub spells it) who is a Community Representative and "
        "edits after signing in to the service; repeatable (env HUB_HELP_REPRESENTATIVES, "
        "comma-separated)",
    )
    p.add_argument(
        "--representatives-group",
        dest="representatives_groups",
        action="append",
        default=None,
        metavar="GROUP",
        help="a JupyterHub group whose members are Community Representatives and edit after "
        "signing in to the service; repeatable or comma-separated (env "
        "HUB_HELP_REPRESENTATIVES_GROUP)",
    )
    p.add_argument("--ip", default=env("HUB_HELP_IP"), help="address to listen on "
                   "(default: from JUPYTERHUB_SERVICE_URL, else 127.0.0.1)")
    p.add_argument("--port", type=int, default=int(env("HUB_HELP_PORT") or 0) or None,
                   help="port to listen on (default: from JUPYTERHUB_SERVICE_URL, else 10101)")
    p.add_argument("--service-name", default=name,
                   help=f"the service's name in the hub (env JUPYTERHUB_SERVICE_NAME; default {COMMUNITY_SERVICE})")
    p.add_argument(
        "--cookie-secret-file",
        default=env("HUB_HELP_COOKIE_SECRET_FILE") or "hub-help-cookie-secret",
        help="file holding the secret that signs the sign-in cookie; created when "
        "missing (env HUB_HELP_COOKIE_SECRET_FILE; HUB_HELP_COOKIE_SECRET, hex, wins)",
    )
    number = _number_options(p, env)
    number("--refresh-seconds", "HUB_HELP_REFRESH_SECONDS", float, 10,
           "how often the cached document is read again from the database, for other "
           "processes' writes", "0: never")
    number("--auth-cache-seconds", "HUB_HELP_AUTH_CACHE_SECONDS", int, 60,
           "how long the hub's answer about a token is reused")
    number("--history-days", "HUB_HELP_HISTORY_DAYS", _count, 365,
           "how many days of changes the history keeps", "0: any age")
    number("--history-max", "HUB_HELP_HISTORY_MAX", _count, 1000,
           "how many changes of each section the history keeps", "0: any number")
    p.add_argument("--reports", action=argparse.BooleanOptionalAction,
                   default=(env("HUB_HELP_REPORTS") or "1").lower() not in ("0", "false", "no", "off"),
                   help="keep the reports people file from the Get help panel, for the hub's "
                   "own helpers (env HUB_HELP_REPORTS=0 turns them off; default on)")
    number("--reports-days", "HUB_HELP_REPORTS_DAYS", _count, 90,
           "how many days a report is kept", "0: any age")
    number("--reports-window-minutes", "HUB_HELP_REPORTS_WINDOW_MINUTES", _positive, 30,
           "how far back 'is it just me' counts the reports of others")
    number("--reports-per-hour", "HUB_HELP_REPORTS_PER_HOUR", _positive, REPORTS_PER_HOUR,
           "how many new reports one person may file in an hour")
    p.add_argument("--shared-categories", type=_list,
                   default=_list(env("HUB_HELP_SHARED_CATEGORIES") or ""),
                   help="comma-separated report categories, besides the built-in outage "
                   "ones, whose counts every user may see (env HUB_HELP_SHARED_CATEGORIES)")
    p.add_argument("--report-threshold", dest="report_thresholds", action="append",
                   type=_threshold, default=None, metavar="CATEGORY=COUNT/MINUTES",
                   help="tell triagers when COUNT people reported CATEGORY within MINUTES; "
                   "repeatable (env HUB_HELP_REPORT_THRESHOLDS, comma-separated; default "
                   "3/15 for each built-in outage category)")
    p.add_argument("--trust-xheaders", action="store_true",
                   default=env("HUB_HELP_TRUST_XHEADERS", "") not in ("", "0"),
                   help="believe the X-Forwarded-* and X-Real-Ip headers (env "
                   "HUB_HELP_TRUST_XHEADERS=1); only when nothing but the hub's proxy reaches "
                   "the service's port")
    p.add_argument("--subdomain-host",
                   default=env("HUB_HELP_SUBDOMAIN_HOST")
                   or Origins.from_service_url(env("JUPYTERHUB_PUBLIC_URL")),
                   help="the hub's c.JupyterHub.subdomain_host, e.g. https://hub.example.org, "
                   "when each user's server has a subdomain of its own: the Get help panel "
                   "then calls the service from there (env HUB_HELP_SUBDOMAIN_HOST; default: "
                   "from the public URL the hub gives a service it manages)")
    number("--header-timeout", "HUB_HELP_HEADER_TIMEOUT", float, 60,
           "seconds a connection may take to send a request's headers, or stay idle "
           "between requests")
    number("--body-timeout", "HUB_HELP_BODY_TIMEOUT", float, 120,
           "seconds a request may take to send its body")
    p.add_argument("--document", default=env("HUB_HELP_DOCUMENT") or None, metavar="PATH",
                   help="the operator's hub help settings, the same file the single-user "
                   "servers read (a settings overrides file or the bare document): the "
                   "help page and the hub's own pages show it; read again when it changes "
                   "(env HUB_HELP_DOCUMENT)")
    p.add_argument("--public", action=argparse.BooleanOptionalAction,
                   default=(env("HUB_HELP_PUBLIC") or "0").lower() in ("1", "true", "yes", "on"),
                   help="answer api/public without sign-in: the hub's name, its operator, the "
                   "status note and the support desk's own channel, for the hub's login "
                   "page. Anyone who can reach the hub reads it (env HUB_HELP_PUBLIC=1; "
                   "default off)")
    p.add_argument("--static-dir", default=env("HUB_HELP_STATIC_DIR") or str(STATIC_DIR),
                   metavar="DIR",
                   help="where the help page's scripts and styles are (env "
                   "HUB_HELP_STATIC_DIR; default: those this package ships)")
    p.add_argument("--upgrade-db", action="store_true",
                   help="bring the database up to date (under a lock that other replicas "
                   "respect), then exit: the one-shot step of an upgrade")
    p.add_argument("--backup", metavar="PATH",
                   help="SQLite only: write an online copy of the database to PATH, then exit "
                   "(PostgreSQL: use pg_dump)")
    p.add_argument("--log-level", default=env("HUB_HELP_LOG_LEVEL") or "INFO")
    return p


def parse_options(argv: Optional[Sequence[str]] = None,
                  environ: Optional[Mapping[str, str]] = None) -> argparse.Namespace:
    environ = os.environ if environ is None else environ
    options = parser(environ).parse_args(argv)
    if options.representatives is None:
        options.representatives = _list(environ.get("HUB_HELP_REPRESENTATIVES", ""))
    groups = options.representatives_groups
    if groups is None:
        groups = [environ.get("HUB_HELP_REPRESENTATIVES_GROUP", "")]
    options.representatives_groups = [g for text in groups for g in _list(text)]
    options.max_body_bytes = MAX_BODY_BYTES
    thresholds = options.report_thresholds
    if thresholds is None:
        thresholds = [_threshold(t) for t in _list(environ.get("HUB_HELP_REPORT_THRESHOLDS", ""))]
    # Those given win over the defaults, category by category.
    options.report_thresholds = {**default_thresholds(), **{t.category: t for t in thresholds}}
    url = urlparse(environ.get("JUPYTERHUB_SERVICE_URL") or "")
    options.ip = options.ip or url.hostname or "127.0.0.1"
    options.port = options.port or url.port or 10101
    # As JupyterHub's own services build it: the hub gives the prefix with a
    # trailing slash, and the routes are joined under it.
    prefix = environ.get("JUPYTERHUB_SERVICE_PREFIX") or url_path_join("/services", options.service_name)
    options.prefix = url_path_join(prefix, "/")
    return options
