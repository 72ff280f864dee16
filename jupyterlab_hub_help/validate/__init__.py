"""The hub help validator: the format's checks without a browser or Node.

It applies the schema the extension ships (``schema/plugin.json``) and the
same semantic checks as the TypeScript layer (``src/metadata``), which is the
reference: both run the hostile corpus (``tests/corpus``) and must agree case
by case. One module per concern:

- ``problems``: problem codes, JSON paths and reasons;
- ``limits``, ``catalogue``: the numbers and built-in ids the checks use;
- ``links``, ``urls``: the link checker (the schema's custom formats);
- ``schema``, ``checker``, ``jsregex``, ``jsvalues``: the schema, found and
  prepared as the extension prepares it, applied with ``jsonschema`` so
  that its errors are the ones the extension sees;
- ``parse``, ``authority``, ``merge``, ``load``: one document checked, the
  metadata URL's limits, the checks across sources, all of it in one call;
- ``values``, ``inputs``: reading settings files, metadata documents and
  zero-to-jupyterhub values files;
- ``positions``: the line and column where each value of a file starts;
- ``report``, ``cli``: the ``jupyter hub-help validate`` command.
"""

from .load import MISSING, PLUGIN_ID, build_problems
from .problems import Problem, describe_reason

__all__ = ["MISSING", "PLUGIN_ID", "Problem", "build_problems", "describe_reason"]
