"""Entry point for `python -m doclint`."""
from __future__ import annotations

import sys

from doclint.cli import main

sys.exit(main())
