"""The document every panel polls, assembled from the sections' stored JSON
text without parsing them again, with its ETag and a compressed copy made
once per change (2,000 panels asking for a 1.6 MB people list must not cost
2,000 serializations or compressions)."""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence

from ..shared import FORMAT_VERSION, SECTIONS, STATUS_ID
from ..validate.strictjson import dumps


def assemble(texts: Dict[str, str], enabled: Sequence[str] = SECTIONS) -> bytes:
    """The community's document as UTF-8 JSON, from each section's JSON text
    ("null" or absent: not set); the status note is the first announcement."""
    parts = [f'{{"formatVersion":{FORMAT_VERSION}']

    def text_of(name: str) -> Optional[str]:
        found = texts.get(name, "null") if name in enabled else "null"
        return None if found == "null" else found

    people, announcements, status, tasks = (text_of(n) for n in SECTIONS)
    if people is not None:
        parts.append(f',"people":{people}')
    if status is not None:
        note = dumps({**json.loads(status), "id": STATUS_ID})
        rest = "" if announcements in (None, "[]") else "," + announcements[1:-1]
        announcements = f"[{note}{rest}]"
    if announcements is not None:
        parts.append(f',"announcements":{announcements}')
    if tasks is not None:
        parts.append(f',"tasks":{tasks}')
    return ("".join(parts) + "}").encode("utf-8")


def build_document(stored: Dict[str, Any], enabled: Sequence[str] = SECTIONS) -> dict:
    """The document for stored values (``None``: not set), as panels read it."""
    return json.loads(assemble({n: dumps(v) for n, v in stored.items()}, enabled))


@dataclass(frozen=True)
class Served:
    """A body served to many: its bytes, ETag and gzip copy."""

    body: bytes
    etag: str
    gzipped: bytes

    @classmethod
    def of(cls, body: bytes) -> "Served":
        etag = '"' + hashlib.sha256(body).hexdigest()[:24] + '"'
        # Level 6: most of level 9's gain for a third of its time.
        return cls(body, etag, gzip.compress(body, compresslevel=6, mtime=0))
