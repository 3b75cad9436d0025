"""The fonts every document uses, shipped in ``resources/fonts`` so no laptop font is needed.

Noto Sans covers Latin with Vietnamese diacritics, digits and punctuation; the Lao, Thai, Khmer and
Myanmar fonts hold their own script but few or none of the digits and punctuation that names mix
into it ("ທ. ສົມໃຈ", "พ.ต.ท.", "(ใจดี)"); the Noto symbol and maths fonts cover arrows, ticks and
signs that none of the others has. So each character cluster is drawn in the first font of a
fallback chain that holds all of it (see :mod:`facilitator.documents.text`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator import paths

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

__all__ = [
    "FALLBACK_FONTS",
    "SANS",
    "SANS_BOLD",
    "SCRIPT_FONTS",
    "coverage",
    "fallback_chain",
    "font_file",
    "font_name",
    "register_fonts",
]

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

#: Families tried after the script's own font and Noto Sans, in order: symbols (♀ → ✓ ★ ■),
#: then maths (≤ ≥ √ ∞). Registered only when a character needs them.
FALLBACK_FONTS: tuple[str, ...] = ("NotoSansSymbols", "NotoSansSymbols2", "NotoSansMath")

#: Families shipped in one weight only; their bold text falls back to the regular face.
_REGULAR_ONLY = frozenset({"NotoSansSymbols2", "NotoSansMath"})


def font_name(script: str, bold: bool = False) -> str:
    """Registered reportlab font name for a script (or a family base name) and weight."""
    base = SCRIPT_FONTS.get(script, script if script.startswith("Noto") else SANS)
    return f"{base}-Bold" if bold and base not in _REGULAR_ONLY else base


def font_file(base: str, bold: bool = False) -> Path:
    """The shipped TrueType file of a family."""
    weight = "Bold" if bold and base not in _REGULAR_ONLY else "Regular"
    return paths.resources_dir() / "fonts" / f"{base}-{weight}.ttf"


def _font_class() -> tuple[type[TTFont], type[TTFont]]:
    from reportlab.pdfbase.ttfonts import TTFont

    class LatinTTFont(TTFont):  # type: ignore[misc]  # reportlab ships no type hints.
        """Latin and Vietnamese (in NFC) need no shaping; unshaped, "ff" and "fi" stay two letters
        that search and copy find, instead of ligature glyphs with no Unicode value."""

        def hbFont(self, size: float) -> object:
            raise AttributeError("Latin runs are drawn unshaped")

    return TTFont, LatinTTFont


@cache
def _register(name: str) -> None:
    """Register one font by its reportlab name ("NotoSansThai-Bold"), with its <b> mapping."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    base, _, weight = name.partition("-")
    shaped, latin = _font_class()
    kind = latin if base == SANS else shaped
    pdfmetrics.registerFont(kind(name, str(font_file(base, bold=weight == "Bold"))))
    bold = font_name(base, True)
    if name == base:
        # Paragraph markup <b> inside a <font> run must find the bold face of the same family.
        for italic in (0, 1):
            addMapping(base, 0, italic, base)
            addMapping(base, 1, italic, bold)
            addMapping(bold, 0, italic, bold)
            addMapping(bold, 1, italic, bold)


@cache
def register_fonts() -> None:
    """Register the script fonts with reportlab (once per process); fallback fonts come later."""
    for base in SCRIPT_FONTS.values():
        _register(font_name(base, True))
        _register(base)


@cache
def coverage(name: str) -> frozenset[int]:
    """The code points a registered font (by reportlab name) has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    _register(name)
    font = pdfmetrics.getFont(name)
    return frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)


@cache
def fallback_chain(script: str, bold: bool = False) -> tuple[str, ...]:
    """Font names to try, in order, for a cluster of a script: its own font, Noto Sans, the symbol
    and maths fonts, then the other scripts' fonts (a Thai digit inside a Lao name)."""
    register_fonts()
    order = [script, "latin", *FALLBACK_FONTS, *(s for s in SCRIPT_FONTS if s not in (script, "latin"))]
    names: list[str] = []
    for key in order:
        name = font_name(key, bold)
        if name not in names:
            names.append(name)
    return tuple(names)
