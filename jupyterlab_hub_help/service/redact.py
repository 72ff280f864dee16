"""The service's own redaction of what a report holds, applied before it is
stored whatever the page did: the caller's token, token-like query
parameters and ``Authorization`` headers become "[redacted]".

These are the panel's rules (``src/hub/redact.ts``); the cases in
``tests/python/fixtures/redaction.json`` hold both to the same answers.
"""

from __future__ import annotations

import re
from typing import Iterable

REDACTED = "[redacted]"
#: JavaScript's ``\s``, spelled out: Python's differs outside ASCII.
_SPACE = r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# ASCII case-folding only, as JavaScript's ``i`` without ``u``: Python's
# would also match the long s and the Kelvin sign.
_FLAGS = re.IGNORECASE | re.ASCII
TOKEN_PARAMETER = re.compile(rf"([?&#;](?:token|access_token|_xsrf)=)[^&#{_SPACE}]+", _FLAGS)
AUTHORIZATION = re.compile(
    rf"(authorization[\"']?[{_SPACE}]*[:=][{_SPACE}]*[\"']?(?:token|bearer)[{_SPACE}]+)"
    rf"[^{_SPACE}\"',;&]+",
    _FLAGS,
)


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        # Shorter than 4 UTF-16 units: no token, and replacing it would mangle the text.
        if secret and len(secret.encode("utf-16-le")) >= 8:
            text = text.replace(secret, REDACTED)
    text = TOKEN_PARAMETER.sub(rf"\g<1>{REDACTED}", text)
    return AUTHORIZATION.sub(rf"\g<1>{REDACTED}", text)
