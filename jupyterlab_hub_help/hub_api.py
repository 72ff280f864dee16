"""The Hub REST API, same-origin, for the Get help panel on hubs that put each
user's server on a subdomain of its own (``c.JupyterHub.subdomain_host``).

There the page's origin (``zoe.hub.example.org``) is not the hub's, and the
hub answers no browser preflight for its API (only ``GET /hub/api/`` allows any
origin), so the panel cannot ask the hub who is looking. This server
extension asks for it: the few reads the panel makes, forwarded to the hub's
own API (``JUPYTERHUB_API_URL``) with the token the request itself carries,
the viewer's, so that it can do exactly what the page could do on a hub
without subdomains, and nothing more. The token goes from one Authorization
header to the next; nothing else is answered, and nothing is answered outside
a hub.
"""

from __future__ import annotations

import os
import re

from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join
from tornado import web
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from .shared import SERVER_EXTENSION_PATH

#: What the panel reads, as the request's path has it (still percent-encoded,
#: and so passed on): the viewer, the users (for the admins, where the
#: operator granted list:users) and one group's members.
ALLOWED = re.compile(r"(user|users|groups/[A-Za-z0-9%._~!$&'()*+,;=:@-]+)")
#: The query of a users page: nothing else is passed on.
QUERY = re.compile(r"offset=\d{1,9}&limit=\d{1,4}")
#: The request to the hub is abandoned after this long.
TIMEOUT_SECONDS = 15


class HubApiHandler(APIHandler):
    @web.authenticated
    async def get(self) -> None:
        api_url = os.environ.get("JUPYTERHUB_API_URL")
        hub_auth = getattr(self.identity_provider, "hub_auth", None)
        prefix = url_path_join(self.base_url, *SERVER_EXTENSION_PATH) + "/"
        path = self.request.path[len(prefix):]
        query = self.request.query
        if not api_url or hub_auth is None or not ALLOWED.fullmatch(path) or (
            query and not (path == "users" and QUERY.fullmatch(query))
        ):
            raise web.HTTPError(404)
        token = hub_auth.get_token(self)
        if not token:
            raise web.HTTPError(401)
        answer = await AsyncHTTPClient().fetch(
            HTTPRequest(
                url_path_join(api_url, path) + (f"?{query}" if query else ""),
                headers={
                    "Authorization": f"token {token}",
                    "Accept": self.request.headers.get("Accept", "application/json"),
                },
                request_timeout=TIMEOUT_SECONDS,
                follow_redirects=False,
            ),
            raise_error=False,
        )
        if answer.code == 599:
            raise web.HTTPError(502, "the hub does not answer")
        self.set_status(answer.code)
        self.set_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
        self.set_header("Cache-Control", "no-store")
        self.finish(answer.body or b"")


def setup_route_handlers(web_app) -> None:
    route = url_path_join(web_app.settings["base_url"], *SERVER_EXTENSION_PATH, ".+")
    web_app.add_handlers(".*$", [(route, HubApiHandler)])
