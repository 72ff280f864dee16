"""The secret that signs the service's sign-in cookie.

Every replica must sign with the same one, or a sign-in made on one is
refused by the others; ``fingerprint`` is what replicas compare through the
database (``Store.announce``), never the secret itself.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Mapping

MIN_BYTES = 32


class SecretError(Exception):
    """A cookie secret that cannot be used, and what to do about it."""


def _parse(text: str, where: str) -> bytes:
    try:
        secret = bytes.fromhex(text.strip())
    except ValueError:
        raise SecretError(f"{where} is not hexadecimal: it must hold {2 * MIN_BYTES} or more "
                          "hexadecimal digits (e.g. from `openssl rand -hex 32`).") from None
    if not secret:
        raise SecretError(f"{where} is empty: delete it to have a new secret made, or write "
                          f"{2 * MIN_BYTES} hexadecimal digits into it.")
    if len(secret) < MIN_BYTES:
        raise SecretError(f"{where} is too short: it must hold {2 * MIN_BYTES} or more "
                          "hexadecimal digits.")
    return secret


def cookie_secret(path: str, environ: Mapping[str, str]) -> bytes:
    """HUB_HELP_COOKIE_SECRET (hex), else the file at ``path``, created with a
    new random secret when missing. The file appears whole or not at all, so
    a replica starting beside another never reads it half-written."""
    given = environ.get("HUB_HELP_COOKIE_SECRET")
    if given is not None:
        return _parse(given, "HUB_HELP_COOKIE_SECRET")
    file = Path(path)
    try:
        return _parse(file.read_text("ascii"), str(file))
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise SecretError(f"{file} cannot be read: {reason}.") from None
    written = file.with_name(f".{file.name}.{secrets.token_hex(8)}")
    try:
        fd = os.open(written, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_bytes(MIN_BYTES).hex())
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(written, file)
        except FileExistsError:
            pass  # Another replica made it first: use theirs.
    except OSError as error:
        raise SecretError(f"{file} cannot be written: {error.strerror or error}.") from None
    finally:
        written.unlink(missing_ok=True)
    return _parse(file.read_text("ascii"), str(file))


def fingerprint(secret: bytes) -> str:
    """What tells two secrets apart without saying either."""
    return hashlib.sha256(b"jupyterlab-hub-help cookie secret\0" + secret).hexdigest()[:32]
