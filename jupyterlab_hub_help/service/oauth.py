"""Signing in through the hub (JupyterHub's ``HubOAuth``), with the sign-ins
under way kept in the database: behind one URL, a sign-in may start on one
replica and come back to another's OAuth callback."""

from __future__ import annotations

import logging
import os
import sys
from datetime import timedelta
from typing import Any, Dict

from jupyterhub.services.auth import HubOAuth, _ExpiringDict

log = logging.getLogger("jupyterlab_hub_help.service")


class SharedStates(_ExpiringDict):
    """HubOAuth's table of sign-ins under way, written through to the
    database; this replica's own copy answers first."""

    def __init__(self, store, max_age: int):
        super().__init__(max_age=max_age)
        self._store = store

    def __setitem__(self, key: str, value: Dict[str, Any]) -> None:
        super().__setitem__(key, value)
        try:
            self._store.put_oauth_state(key, value, timedelta(seconds=self.max_age))
        except Exception:
            log.exception("Could not share a sign-in's state: it must finish on this replica")

    def get(self, key: str, default: Any = None) -> Any:
        found = super().get(key)
        if found is not None:
            return found
        try:
            shared = self._store.get_oauth_state(key)
        except Exception:
            log.exception("Could not read a sign-in's state")
            shared = None
        return default if shared is None else shared

    def pop(self, key: str, default: Any = None) -> Any:
        found = self.get(key, default)
        super().pop(key, None)
        try:
            self._store.delete_oauth_state(key)
        except Exception:
            log.exception("Could not clear a sign-in's state")
        return found


def api_token() -> str:
    """The service's own token for the Hub API; it cannot run without one."""
    token = os.environ.get("JUPYTERHUB_API_TOKEN")
    if not token:
        sys.exit(
            "jupyter-hub-help-service: JUPYTERHUB_API_TOKEN is not set. Run it as a JupyterHub "
            "service (c.JupyterHub.services), or set the service's api_token there and here."
        )
    return token


def make_hub_auth(options, store) -> HubOAuth:
    kwargs: Dict[str, Any] = dict(
        api_token=api_token(),
        base_url=options.prefix,
        oauth_client_id=os.environ.get("JUPYTERHUB_CLIENT_ID") or f"service-{options.service_name}",
        cache_max_age=options.auth_cache_seconds,
        # A token is taken from the Authorization header or the sign-in
        # cookie only: never from a URL, where logs and history keep it.
        allow_token_in_url=False,
    )
    if not (os.environ.get("JUPYTERHUB_OAUTH_ACCESS_SCOPES") or os.environ.get("JUPYTERHUB_OAUTH_SCOPES")):
        kwargs["access_scopes"] = {f"access:services!service={options.service_name}"}
    auth = HubOAuth(**kwargs)
    auth._oauth_states = SharedStates(store, auth.oauth_state_max_age)
    return auth
