"""Which glyphs a PDF draws, read from its content streams and its embedded font subsets.

reportlab embeds each TrueType font as subsets of up to 256 glyphs; a subset's ``cmap`` (format 6)
maps each one-byte code drawn in the content stream to a glyph of the embedded font. A character
the font lacks is drawn with a copy of the font's ``.notdef`` glyph (the box): its outline in the
``glyf`` table is byte for byte that of glyph 0. Reading the codes shown by ``Tj`` and ``TJ`` and
comparing their glyphs' outlines with glyph 0's finds every box, whatever a viewer or text
extraction would make of it. A character that reportlab itself finds missing (drawn unshaped) is
given code 0, which every subset keeps for it.
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

__all__ = ["DrawnGlyph", "drawn_glyphs", "notdef_glyphs"]


@dataclass(frozen=True, slots=True)
class DrawnGlyph:
    """One glyph shown on a page: its font's base name, the code drawn, the glyph id, and whether
    it is the font's .notdef box."""

    page: int
    font: str
    code: int
    glyph: int
    box: bool


def _tables(font_file: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack(">H", font_file[4:6])[0]
    found = {}
    for index in range(count):
        tag, _, start, length = struct.unpack(">4sIII", font_file[12 + 16 * index : 28 + 16 * index])
        found[tag] = (start, length)
    return found


def _boxes(font_file: bytes) -> set[int]:
    """Glyph ids whose outline is the .notdef box (glyph 0 and any copy of it)."""
    tables = _tables(font_file)
    long_offsets = struct.unpack(">h", font_file[tables[b"head"][0] + 50 : tables[b"head"][0] + 52])[0]
    loca_start, loca_length = tables[b"loca"]
    if long_offsets:
        offsets = struct.unpack(f">{loca_length // 4}I", font_file[loca_start : loca_start + loca_length])
    else:
        halves = struct.unpack(f">{loca_length // 2}H", font_file[loca_start : loca_start + loca_length])
        offsets = tuple(2 * value for value in halves)
    glyf = tables[b"glyf"][0]
    outlines = [font_file[glyf + a : glyf + b] for a, b in itertools.pairwise(offsets)]
    return {glyph for glyph, outline in enumerate(outlines) if outline == outlines[0]} | {0}


def _subset_cmap(font_file: bytes) -> dict[int, int]:
    """Code → glyph of a TrueType font's first format-6 (or format-0) cmap subtable."""
    offset = _tables(font_file)[b"cmap"][0]
    count = struct.unpack(">H", font_file[offset + 2 : offset + 4])[0]
    for index in range(count):
        _, _, sub = struct.unpack(">HHI", font_file[offset + 4 + 8 * index : offset + 12 + 8 * index])
        start = offset + sub
        kind = struct.unpack(">H", font_file[start : start + 2])[0]
        if kind == 6:
            first, entries = struct.unpack(">HH", font_file[start + 6 : start + 10])
            glyphs = struct.unpack(f">{entries}H", font_file[start + 10 : start + 10 + 2 * entries])
            return {first + i: g for i, g in enumerate(glyphs)}
        if kind == 0:
            return dict(enumerate(font_file[start + 6 : start + 262]))
    raise AssertionError("no format 6 or 0 cmap")


def drawn_glyphs(path: Path) -> list[DrawnGlyph]:
    """Every glyph drawn with an embedded TrueType font on every page, in drawing order."""
    reader = PdfReader(path)
    glyphs: list[DrawnGlyph] = []
    cmaps: dict[int, tuple[str, dict[int, int], set[int]]] = {}
    for page_number, page in enumerate(reader.pages):
        fonts = page["/Resources"].get_object().get("/Font", {})
        current: tuple[str, dict[int, int], set[int]] | None = None
        content = ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tf":
                font = fonts[operands[0]].get_object()
                key = id(font)
                if "/FontDescriptor" not in font:
                    current = None
                    continue
                if key not in cmaps:
                    descriptor = font["/FontDescriptor"].get_object()
                    data = descriptor["/FontFile2"].get_object().get_data()
                    name = str(font["/BaseFont"]).split("+", 1)[-1]
                    cmaps[key] = (name, _subset_cmap(data), _boxes(data))
                current = cmaps[key]
            elif operator in (b"Tj", b"TJ") and current is not None:
                parts = operands[0] if operator == b"TJ" else [operands[0]]
                for part in parts:
                    if isinstance(part, (bytes, str)) or hasattr(part, "original_bytes"):
                        raw = (
                            part.original_bytes if hasattr(part, "original_bytes") else bytes(part, "latin-1")
                        )
                        for code in raw:
                            glyph = current[1].get(code, 0)
                            box = code == 0 or glyph in current[2]
                            glyphs.append(DrawnGlyph(page_number, current[0], code, glyph, box))
    return glyphs


def notdef_glyphs(path: Path) -> list[DrawnGlyph]:
    """The glyphs drawn as the font's empty box (.notdef)."""
    return [glyph for glyph in drawn_glyphs(path) if glyph.box]
