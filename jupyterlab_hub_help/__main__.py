"""``python -m jupyterlab_hub_help``: the same as ``jupyter hub-help``."""

import sys

from .cli import main

sys.exit(main())
