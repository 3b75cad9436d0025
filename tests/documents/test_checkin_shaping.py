"""Names in Lao, Thai, Khmer and Myanmar script are drawn as HarfBuzz shapes them.

The reference is drawn from HarfBuzz itself: the text is shaped with the shipped font, each glyph's
outline is filled at its shaped position, and the result is compared with the PDF page as PDFium
rasterises it. Unshaped drawing (marks at the wrong place, no reordering) is shown to fail the same
comparison, so the test tells the two apart.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import uharfbuzz as hb
from checkin_raster import ink_mask, render_page
from reportlab.pdfgen.canvas import Canvas

from facilitator import paths
from facilitator.documents.fonts import register_fonts
from facilitator.documents.text import draw_line, shape_line

SIZE = 40.0
_SHIFT = 6
_SUBPIXELS = 1 << _SHIFT
DPI = 288
SCALE = DPI / 72
X, BASELINE = 20.0, 30.0

NAMES = {
    "NotoSansLao": "ສຸກສະຫວັນ ພົມມະຈັນ",
    "NotoSansThai": "สุทธิพงษ์ บุญมี",
    "NotoSansKhmer": "កែវ ស្រីមុំ",
    "NotoSansMyanmar": "ကျော်ဇင်ထက်",
}


class _PolygonPen:
    """Collects glyph outlines as flattened polygons (the fontTools pen protocol HarfBuzz calls)."""

    def __init__(self) -> None:
        self.polygons: list[list[tuple[float, float]]] = []
        self._current: list[tuple[float, float]] = []

    def moveTo(self, point: tuple[float, float]) -> None:
        self._current = [point]

    def lineTo(self, point: tuple[float, float]) -> None:
        self._current.append(point)

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        control, end = points[0], points[-1]
        start = self._current[-1]
        for step in range(1, 9):
            t = step / 8
            self._current.append(
                (
                    (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0],
                    (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1],
                )
            )

    def curveTo(self, c1: tuple[float, float], c2: tuple[float, float], end: tuple[float, float]) -> None:
        start = self._current[-1]
        for step in range(1, 9):
            t = step / 8
            self._current.append(
                tuple(  # type: ignore[arg-type]
                    (1 - t) ** 3 * s + 3 * (1 - t) ** 2 * t * a + 3 * (1 - t) * t**2 * b + t**3 * e
                    for s, a, b, e in zip(start, c1, c2, end, strict=True)
                )
            )

    def closePath(self) -> None:
        if self._current:
            self.polygons.append(self._current)
        self._current = []


def _harfbuzz_mask(font_base: str, text: str, shape: tuple[int, int], shaped: bool) -> np.ndarray:
    """Ink of the text drawn from HarfBuzz's glyphs and positions (or from the bare cmap)."""
    data = (paths.resources_dir() / "fonts" / f"{font_base}-Regular.ttf").read_bytes()
    font = hb.Font(hb.Face(hb.Blob(data)))
    units = font.face.upem
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    if shaped:
        hb.shape(font, buffer, {"kern": True, "liga": True})
        placed = [
            (info.codepoint, pos.x_offset, pos.y_offset, pos.x_advance)
            for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
        ]
    else:
        placed = [(font.get_nominal_glyph(ord(c)) or 0, 0, 0, 0) for c in text]
        placed = [(gid, 0, 0, font.get_glyph_h_advance(gid)) for gid, *_ in placed]
    mask = np.zeros(shape, dtype=np.uint8)
    pen_x = 0.0
    per_unit = SIZE / units * SCALE
    for gid, x_offset, y_offset, advance in placed:
        pen = _PolygonPen()
        font.draw_glyph_with_pen(gid, pen)
        polygons = [
            np.array(
                [
                    (
                        (X * SCALE + (pen_x + x_offset + px) * per_unit) * _SUBPIXELS,
                        (shape[0] - (BASELINE * SCALE + (y_offset + py) * per_unit)) * _SUBPIXELS,
                    )
                    for px, py in polygon
                ],
                dtype=np.int32,
            )
            for polygon in pen.polygons
        ]
        if polygons:
            cv2.fillPoly(mask, polygons, 1, lineType=cv2.LINE_8, shift=_SHIFT)
        pen_x += advance
    return mask.astype(bool)


def _pdf(path: Path, text: str, shaped: bool, font_base: str) -> Path:
    register_fonts()
    width = shape_line(text).width(SIZE) + 2 * X
    canvas = Canvas(str(path), pagesize=(width, 100))
    if shaped:
        draw_line(canvas, X, BASELINE, text, SIZE)
    else:
        canvas.setFont(font_base, SIZE)
        canvas.drawString(X, BASELINE, text)
    canvas.save()
    return path


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max((a | b).sum(), 1))


def _agreement_where_shaping_matters(page: np.ndarray, shaped: np.ndarray, naive: np.ndarray) -> float:
    """Share of the pixels that shaping changes (moved marks, substituted glyphs) where the page
    looks like the shaped reference."""
    changed = shaped ^ naive
    changed = cv2.erode(changed.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    return float((page[changed] == shaped[changed]).mean())


@pytest.mark.parametrize("font_base", list(NAMES))
def test_native_names_are_drawn_as_harfbuzz_shapes_them(tmp_path: Path, font_base: str) -> None:
    """The PDF's ink matches HarfBuzz's shaped glyphs, also where shaping moves or changes them."""
    text = NAMES[font_base]
    page = ink_mask(render_page(_pdf(tmp_path / "shaped.pdf", text, True, font_base), 0, DPI), 128)
    reference = _harfbuzz_mask(font_base, text, page.shape, shaped=True)
    naive = _harfbuzz_mask(font_base, text, page.shape, shaped=False)
    assert _iou(page, reference) > 0.88
    assert _agreement_where_shaping_matters(page, reference, naive) > 0.9


@pytest.mark.parametrize("font_base", list(NAMES))
def test_the_comparison_catches_unshaped_drawing(tmp_path: Path, font_base: str) -> None:
    """Drawing the same text without shaping fails the comparison the shaped drawing passes."""
    text = NAMES[font_base]
    page = ink_mask(render_page(_pdf(tmp_path / "plain.pdf", text, False, font_base), 0, DPI), 128)
    reference = _harfbuzz_mask(font_base, text, page.shape, shaped=True)
    naive = _harfbuzz_mask(font_base, text, page.shape, shaped=False)
    assert _agreement_where_shaping_matters(page, reference, naive) < 0.5
