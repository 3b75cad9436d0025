"""Facilitator: an offline desk for running a multi-agency workshop."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
