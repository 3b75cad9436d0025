"""Text typed by a person or read from a file, as the workshop stores it: without control characters.

Control characters (C0 other than tab, line feed and carriage return; DEL; C1) cannot be typed,
print as nothing or as a box, and make XML-based files (XLSX, DOCX) unreadable: Excel and Word
refuse a file holding ``\\x01``. They arrive by paste, from a damaged roster or from a phone, so
every command that stores user text removes them here, once, rather than every document at the
end. Documents still remove them (:func:`strip_controls`) for workshops stored before this rule.
"""

from __future__ import annotations

import re

__all__ = ["CONTROL_CHARACTERS", "clean_line", "strip_controls"]

#: Control characters removed from user text: C0 but tab, line feed and carriage return; DEL; C1.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """The text without control characters; tabs and line breaks, which mean something in a
    paragraph, are kept."""
    return CONTROL_CHARACTERS.sub("", text)


def clean_line(value: object) -> str:
    """A one-line value (a name, a title, a label): control characters removed and runs of white
    space, line breaks included, made one space."""
    return " ".join(strip_controls(str(value)).split())
