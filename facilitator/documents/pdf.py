"""The page template every PDF shares: fonts, styles, header, footer, "Page N of M", draft mark.

Documents are built with platypus from a list of flowables. The page count is known only at the
end, so pages are kept and numbered when the document is saved (reportlab's "numbered canvas"
pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.documents.atomic import atomic_output
from facilitator.documents.fonts import SANS, SANS_BOLD, register_fonts
from facilitator.documents.text import draw_text

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import TableStyle

__all__ = ["INK", "MUTED", "RULE", "build_document", "styles", "table_style"]

INK = "#1d2433"
MUTED = "#5b6473"
RULE = "#c9ced6"
_HEADER_FILL = "#e8edf4"

Progress = Callable[[int, int], None]


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles with shaping on, keyed by role."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink = HexColor(INK)
    muted = HexColor(MUTED)
    base = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=13.5, textColor=ink, shaping=1)
    return {
        "title": ParagraphStyle("title", base, fontName=SANS_BOLD, fontSize=20, leading=25, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=12, leading=16, textColor=muted, spaceAfter=12),
        "h1": ParagraphStyle(
            "h1", base, fontName=SANS_BOLD, fontSize=15, leading=19, spaceBefore=12, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", base, fontName=SANS_BOLD, fontSize=12, leading=15, spaceBefore=9, spaceAfter=4
        ),
        "body": ParagraphStyle("body", base, spaceAfter=5),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor=muted),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=SANS_BOLD, fontSize=9, leading=11.5),
    }


def table_style(header_rows: int = 1) -> TableStyle:
    """Ruled table with a shaded, repeated header."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HexColor(_HEADER_FILL)),
            ("FONT", (0, 0), (-1, header_rows - 1), SANS_BOLD, 9),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, HexColor(INK)),
        ]
    return TableStyle(commands)


def _numbered_canvas(title: str, subtitle: str, draft: str | None, progress: Progress | None) -> type:
    from reportlab.lib.colors import Color, HexColor
    from reportlab.pdfgen.canvas import Canvas

    generated = datetime.now().strftime("%d %B %Y, %H:%M")

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints.
        """Keeps each page until the end so the footer can say "Page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            if progress:
                progress(len(self._pages), 0)
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            margin = 36
            self.saveState()
            if draft:
                self.setFillColor(Color(0.85, 0.1, 0.1, alpha=0.12))
                self.setFont(SANS_BOLD, 110)
                self.translate(width / 2, height / 2)
                self.rotate(40)
                self.drawCentredString(0, -40, draft)
                self.rotate(-40)
                self.translate(-width / 2, -height / 2)
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(margin, height - 30, width - margin, height - 30)
            self.line(margin, 30, width - margin, 30)
            self.setFillColor(HexColor(MUTED))
            draw_text(self, margin, height - 24, title, 8)
            if subtitle:
                draw_text(self, width - margin, height - 24, subtitle, 8, align="right")
            draw_text(self, margin, 18, f"Generated {generated}" + (f" · {draft}" if draft else ""), 7.5)
            self.setFont(SANS, 7.5)
            self.drawRightString(width - margin, 18, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def build_document(
    path: Path,
    story: list[Any],
    *,
    title: str,
    subtitle: str = "",
    pagesize: tuple[float, float] | None = None,
    landscape: bool = False,
    draft: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Lay out ``story`` on A4 (or ``pagesize``) pages with the shared header and footer.

    Args:
        path: Output file.
        story: Platypus flowables.
        title: Left of the running header (usually the workshop's short title).
        subtitle: Right of the running header (the document's name).
        pagesize: Page size in points; A4 by default.
        landscape: Turn the page.
        draft: Text of a diagonal mark on every page (e.g. ``"DRAFT"``), or none.
        progress: Called with (pages done, 0) as pages are laid out.
    """
    from reportlab.lib import pagesizes
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    size = pagesize or pagesizes.A4
    if landscape:
        size = pagesizes.landscape(size)
    with atomic_output(path) as partial:
        document = SimpleDocTemplate(
            str(partial),
            pagesize=size,
            leftMargin=42,
            rightMargin=42,
            topMargin=48,
            bottomMargin=46,
            title=subtitle or title,
            author="Facilitator",
            subject=title,
        )
        document.build(story, canvasmaker=_numbered_canvas(title, subtitle, draft, progress))
    return Path(path)
