"""Refusals by the operating system (full disk, read-only files) said in words a user can act on.

The command line and the window both meet these while writing documents and workshops; one
wording serves both.
"""

from __future__ import annotations

import errno
from pathlib import Path

__all__ = ["describe_system_error"]


def describe_system_error(error: OSError) -> str:
    """What an ``OSError`` means for the file it names, and what to do next."""
    name = Path(str(error.filename)) if error.filename else None
    if name is not None and name.name.startswith(".") and ".partial" in name.name:
        name = name.parent  # a document is first written under a hidden name in its folder
    where = f"{name}: " if name is not None else ""
    if error.errno == errno.ENOSPC:
        return f"{where}the disk is full. Free some space and try again; nothing was changed."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"{where}cannot be written: it is read-only, or open in another program (a PDF viewer, "
            "for example). Close it or choose another place, then try again."
        )
    return f"{where}{error.strerror or error}. Nothing was changed."
