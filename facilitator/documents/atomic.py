"""Writing a document so that a crash never leaves a broken file where a good one was.

The libraries that write documents open and truncate their output long before they finish:
reportlab truncates the PDF and only then serialises every page, which takes seconds for a few
thousand name tags. A crash, a kill or a full disk in between left a 0-byte or half-written file
in place of the previous export. Every writer therefore writes to a hidden file beside the target
and renames it onto the target once it is complete and on the disk: the rename is atomic, so the
target is always either the previous document or the new one, whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

__all__ = ["atomic_output"]


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write instead of ``target``; on success it replaces ``target``.

    The temporary file sits in the target's folder, because a rename cannot cross file systems,
    under a hidden name that keeps the target's suffix, because some writers choose the format by
    it (``.tags.partial-1f2e3d4c.pdf`` for ``tags.pdf``). When the block raises, the temporary file
    is removed and the target is left as it was. Only a killed process leaves its temporary file
    behind (hidden, and never mistaken for the document).

    Args:
        target: The file the document is for.

    Yields:
        Where to write the document.
    """
    target = Path(target)
    partial = target.with_name(f".{target.stem}.partial-{os.urandom(4).hex()}{target.suffix}")
    try:
        yield partial
        _flush_to_disk(partial)
        os.replace(partial, target)
    finally:
        # A temporary file that cannot be removed (Windows refuses while a library that failed
        # still holds it open) must not hide why the export failed; it is hidden, and harmless.
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    _flush_folder(target.parent)


def _flush_to_disk(path: Path) -> None:
    """Make the written bytes durable before the rename makes them the document."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX; Windows cannot open a
    folder). The document is already in place, so a failure here is no reason to report one."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
