"""PostgreSQL restarted under load: 2,000 panels keep polling the document
and an editor keeps writing. Reads go on being served from what the service
holds; writes answer 503 with Retry-After while the database is away and
succeed once it is back; every write that was acknowledged is in the
history afterwards, and nothing else was lost."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

import httpx
import pytest

from .conftest import SCOPED, ServiceProcess, free_port, wait_for

PANELS = 2_000
#: Panels asking at the same time (each on its own keep-alive connection).
CONCURRENT = 40


class Pollers:
    """The panels, each with the ETag of the copy it holds, asking in turn."""

    def __init__(self, url: str, token: str):
        self.url, self.token = url + "api/document", token
        self.statuses: Counter = Counter()
        self.errors: list = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _run(self) -> None:
        held = [""] * PANELS
        turn = iter(range(10**9))

        async def worker(client: httpx.AsyncClient) -> None:
            while not self.stopping.is_set():
                panel = next(turn) % PANELS
                headers = {"Authorization": f"token {self.token}"}
                if held[panel]:
                    headers["If-None-Match"] = held[panel]
                try:
                    r = await client.get(self.url, headers=headers)
                except httpx.HTTPError as error:
                    self.errors.append(repr(error))
                    continue
                self.statuses[r.status_code] += 1
                if r.status_code == 200:
                    held[panel] = r.headers["ETag"]
                elif r.status_code != 304:
                    self.errors.append(f"{r.status_code} {r.text[:200]}")

        limits = httpx.Limits(max_connections=CONCURRENT, max_keepalive_connections=CONCURRENT)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            await asyncio.gather(*(worker(client) for _ in range(CONCURRENT)))

    @property
    def answered(self) -> int:
        return self.statuses[200] + self.statuses[304]


class Editor:
    """Writes the status note again and again over the revision it last saw;
    keeps what the service acknowledged."""

    def __init__(self, api):
        self.api = api
        self.acknowledged: list = []
        self.unavailable: list = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        etag, n = None, 0
        while not self.stopping.is_set():
            if etag is None:
                r = self.api.get("api/sections/status")
                if r.status_code != 200:
                    continue
                etag = r.headers["ETag"]
            n += 1
            value = {"text": f"Note {n}"}
            r = self.api.put("api/sections/status", json_body={"value": value},
                             headers={"If-Match": etag})
            if r.status_code == 200:
                self.acknowledged.append((r.json()["revision"], value))
                etag = r.headers["ETag"]
            elif r.status_code == 503:
                self.unavailable.append(r.headers.get("Retry-After"))
                self.stopping.wait(0.2)
            else:
                assert r.status_code == 409, r.text
                etag = None


def test_postgresql_restarted_while_panels_poll_and_an_editor_writes(hub, postgres, tmp_path):
    if postgres is None:
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    service = ServiceProcess(hub, postgres.new_database(), tmp_path, "--refresh-seconds", "1",
                             port=free_port()).start()
    pollers = Pollers(service.url, hub.tokens["bob"])
    editor = Editor(service.api(SCOPED))
    try:
        pollers.thread.start()
        editor.thread.start()
        wait_for(lambda: len(editor.acknowledged) >= 3 and pollers.answered >= PANELS,
                 "the first edits and a round of every panel")
        postgres.stop()
        try:
            acknowledged_before = len(editor.acknowledged)
            wait_for(lambda: len(editor.unavailable) >= 2, "a write refused while the database is away")
            answered = pollers.answered
            wait_for(lambda: pollers.answered >= answered + PANELS,
                     "every panel answered while the database is away")
            # Nothing acknowledged while it was away.
            assert len(editor.acknowledged) <= acknowledged_before + 1
        finally:
            postgres.start()
        restarted = len(editor.acknowledged)
        wait_for(lambda: len(editor.acknowledged) >= restarted + 3, "writes after the restart")
    finally:
        editor.stopping.set()
        pollers.stopping.set()
        editor.thread.join(30)
        pollers.thread.join(30)
    try:
        assert pollers.errors == [] and set(pollers.statuses) <= {200, 304}
        assert set(editor.unavailable) == {"5"}
        api = service.api(SCOPED)
        by_revision, page = {}, "api/history?section=status&limit=200"
        while page:
            answer = api.get(page).json()
            by_revision.update((c["revision"], c) for c in answer["changes"])
            page = answer["next"] and f"api/history?section=status&limit=200&before={answer['next']}"
        for revision, value in editor.acknowledged:
            assert revision in by_revision, revision
            assert api.get(f"api/history/{by_revision[revision]['id']}").json()["after"] == value
        last_revision, last_value = editor.acknowledged[-1]
        state, _ = api.section("status")
        assert (state["revision"], state["value"]) == (last_revision, last_value)
        assert last_value["text"] in api.get("api/document").text
    finally:
        service.stop()
