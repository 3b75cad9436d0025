"""Allow ``python -m facilitator``."""

from __future__ import annotations

import sys

from facilitator.cli import main

sys.exit(main())
