"""The limits the validator applies, the same as ``src/metadata/limits.ts``.

Both are checked before the schema, on the whole document: past them, none of
the document is used. ``tests/python/test_catalogue.py`` checks that these
numbers are the ones in limits.ts and types.ts, so the two never drift.
"""

#: A document whose JSON text is longer than this (in UTF-16 units, as
#: JavaScript counts) is refused whole: most hubs' metadata is a few
#: kilobytes, and 20,000 people with 10,000 tasks about 4 MB.
DOCUMENT_MAX_CHARS = 5_000_000

#: The panel reads at most this many bytes of an answer (``responseMaxBytes``):
#: the hub help service never serves a larger document.
RESPONSE_MAX_BYTES = 5_000_000

#: Objects and lists nested deeper than this are refused whole; the format
#: itself never nests deeper than 8.
DOCUMENT_MAX_DEPTH = 32

#: The format version this release reads (``FORMAT_VERSION`` in types.ts).
FORMAT_VERSION = 1

#: Each round of the schema check leaves out at least one node; this bounds
#: pathological input (``MAX_ROUNDS`` in parse.ts).
MAX_ROUNDS = 16
