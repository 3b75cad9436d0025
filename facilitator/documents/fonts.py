"""The fonts every document uses, shipped in ``resources/fonts`` so no laptop font is needed.

Noto Sans covers Latin with Vietnamese diacritics; the Lao, Thai, Khmer and Myanmar fonts hold no
Latin letters, so mixed names are drawn in per-script runs (see ``facilitator.documents.text``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from facilitator import paths

__all__ = ["SANS", "SANS_BOLD", "SCRIPT_FONTS", "font_file", "font_name", "register_fonts"]

SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"

#: Script key → font family base name. "latin" covers everything that is not a listed script.
SCRIPT_FONTS: dict[str, str] = {
    "latin": "NotoSans",
    "lao": "NotoSansLao",
    "thai": "NotoSansThai",
    "khmer": "NotoSansKhmer",
    "myanmar": "NotoSansMyanmar",
}


def font_name(script: str, bold: bool = False) -> str:
    """Registered reportlab font name for a script and weight."""
    base = SCRIPT_FONTS.get(script, SANS)
    return f"{base}-Bold" if bold else base


def font_file(base: str, bold: bool = False) -> Path:
    """The shipped TrueType file of a family in ``SCRIPT_FONTS``."""
    return paths.resources_dir() / "fonts" / f"{base}-{'Bold' if bold else 'Regular'}.ttf"


@cache
def register_fonts() -> None:
    """Register every shipped font with reportlab (once per process)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    class LatinTTFont(TTFont):  # type: ignore[misc]  # reportlab ships no type hints.
        """Latin and Vietnamese (in NFC) need no shaping; unshaped, "ff" and "fi" stay two letters
        that search and copy find, instead of ligature glyphs with no Unicode value."""

        def hbFont(self, size: float) -> object:
            raise AttributeError("Latin runs are drawn unshaped")

    for script, base in SCRIPT_FONTS.items():
        kind = LatinTTFont if script == "latin" else TTFont
        pdfmetrics.registerFont(kind(base, str(font_file(base))))
        pdfmetrics.registerFont(kind(f"{base}-Bold", str(font_file(base, bold=True))))
        # Paragraph markup <b> inside a <font> run must find the bold face of the same family.
        addMapping(base, 0, 0, base)
        addMapping(base, 1, 0, f"{base}-Bold")
        addMapping(base, 0, 1, base)
        addMapping(base, 1, 1, f"{base}-Bold")
        addMapping(f"{base}-Bold", 0, 0, f"{base}-Bold")
        addMapping(f"{base}-Bold", 1, 0, f"{base}-Bold")
        addMapping(f"{base}-Bold", 0, 1, f"{base}-Bold")
        addMapping(f"{base}-Bold", 1, 1, f"{base}-Bold")
