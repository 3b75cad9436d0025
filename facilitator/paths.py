"""Where Facilitator finds its resources and keeps workshop files and exports.

Run from a checkout, the app uses the checkout's ``sessions/`` and ``exports/`` folders, so a
facilitator carrying the project on a USB stick keeps everything together. Installed elsewhere, it
uses the user's data folder. ``FACILITATOR_HOME`` overrides both (tests point it at a temp dir).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "LAST_USED_NAME",
    "SAMPLE_WORKSHOP_NAME",
    "exports_dir",
    "home_dir",
    "resources_dir",
    "sessions_dir",
]

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent

SAMPLE_WORKSHOP_NAME = "luang-prabang-2019.sqlite"
LAST_USED_NAME = ".last-used"


def _is_checkout() -> bool:
    return (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "resources").is_dir()


def resources_dir() -> Path:
    """Folder of shipped resources: the checkout's ``resources/`` or the installed copy."""
    if _is_checkout():
        return _CHECKOUT / "resources"
    return _PACKAGE / "resources"


def home_dir() -> Path:
    """Folder holding ``sessions/`` and ``exports/``."""
    override = os.environ.get("FACILITATOR_HOME")
    if override:
        return Path(override)
    if _is_checkout():
        return _CHECKOUT
    from platformdirs import user_data_dir

    return Path(user_data_dir("Facilitator", appauthor=False))


def sessions_dir() -> Path:
    """Folder of workshop files, created on demand."""
    path = home_dir() / "sessions"
    path.mkdir(parents=True, exist_ok=True)
    return path


def exports_dir() -> Path:
    """Default folder for generated documents, created on demand."""
    path = home_dir() / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path
