"""Operating-system refusals in words a user can act on."""

from __future__ import annotations

import errno

from facilitator.core.system_errors import describe_system_error


def test_a_full_disk_names_the_folder_of_a_hidden_temporary_file() -> None:
    """A document's hidden temporary name is replaced by its folder, and the disk is called full."""
    error = OSError(errno.ENOSPC, "No space left on device", "/media/usb/.tags.partial-1f2e.pdf")
    assert describe_system_error(error) == (
        "/media/usb: the disk is full. Free some space and try again; nothing was changed."
    )


def test_a_file_open_elsewhere_says_what_to_close() -> None:
    """A permission refusal names the file and suggests closing the viewer that holds it."""
    message = describe_system_error(OSError(errno.EACCES, "Permission denied", "C:/exports/report.pdf"))
    assert message.startswith("C:/exports/report.pdf: cannot be written")
    assert "PDF viewer" in message


def test_other_refusals_keep_the_system_wording() -> None:
    """Anything else keeps the system's own words, with the file."""
    assert describe_system_error(OSError(errno.ENOENT, "No such file or directory", "/proc/x.pdf")) == (
        "/proc/x.pdf: No such file or directory. Nothing was changed."
    )
