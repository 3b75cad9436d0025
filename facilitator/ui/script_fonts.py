"""The shipped Lao, Thai, Khmer and Myanmar fonts, offered to every widget.

Names in those scripts fill the roster, the check-in desk and the name-tag previews. Windows and
macOS carry fonts for them; many Linux laptops do not, and Qt would draw empty boxes. The fonts
already ship for the PDFs; registering them with Qt takes about a millisecond at start and lets
its font fallback find them whatever the laptop has installed.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from facilitator.documents.fonts import SCRIPT_FONTS, font_file

__all__ = ["register_script_fonts"]


def register_script_fonts() -> set[str]:
    """Make the shipped script fonts available to Qt; returns the families registered.

    Latin text keeps the system's interface font, so only the script families are added.
    """
    families: set[str] = set()
    for script, base in SCRIPT_FONTS.items():
        if script == "latin":
            continue
        for bold in (False, True):
            font_id = QFontDatabase.addApplicationFont(str(font_file(base, bold)))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
    return families
