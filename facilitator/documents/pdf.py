"""The page template every PDF shares: fonts, styles, header, footer, "Page N of M", draft mark,
document properties, bookmarks and the table of contents.

Documents are built with platypus from a list of flowables. The page count is known only at the
end, so pages are kept and numbered when the document is saved (reportlab's "numbered canvas"
pattern); a bookmark made on a kept page is replayed onto that page when it is written, since the
PDF page it points to exists only then. Headings that carry an
:class:`~facilitator.documents.textblock.Outline` become bookmarks and, when the story holds
reportlab's ``TableOfContents``, its entries, linked to their pages.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.documents.atomic import atomic_output
from facilitator.documents.fonts import SANS, SANS_BOLD, register_fonts
from facilitator.documents.rehearsal import Rehearsal
from facilitator.documents.text import draw_line, markup

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import TableStyle

    from facilitator.core.workshop import WorkshopInfo

__all__ = [
    "INK",
    "MUTED",
    "RULE",
    "DocumentInfo",
    "build_document",
    "contents_flowable",
    "start_canvas",
    "styles",
    "table_style",
]

INK = "#1d2433"
MUTED = "#5b6473"
RULE = "#c9ced6"
_HEADER_FILL = "#e8edf4"

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a PDF says about itself in its properties.

    Attributes:
        title: The document's own title ("Workshop report — Labour and police cooperation …").
        author: Who issues it: the organising body of the workshop, not this program.
        subject: What it is about (the workshop's full title).
        language: BCP 47 tag of the text, for screen readers and search.
        keywords: Comma-separated keywords.
    """

    title: str
    author: str
    subject: str
    language: str = "en-GB"
    keywords: str = ""

    @classmethod
    def of(cls, workshop: WorkshopInfo, document: str) -> DocumentInfo:
        """The properties of one of a workshop's documents: issued by its host, about it."""
        title = f"{document} — {workshop.display_title}" if workshop.display_title else document
        keywords = ", ".join(
            part for part in (document, workshop.code, workshop.venue, workshop.dates_label) if part
        )
        return cls(title, workshop.host or workshop.display_title, workshop.title, keywords=keywords)


def start_canvas(canvas: Any, info: DocumentInfo) -> None:
    """Write the properties onto a canvas drawn by hand (name tags, tent cards); its language is
    given when it is made (``Canvas(..., lang=info.language)``)."""
    canvas.setTitle(info.title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setCreator("Facilitator")
    canvas.setKeywords(info.keywords)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles keyed by role; headings always stay with what follows them."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink = HexColor(INK)
    muted = HexColor(MUTED)
    base = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=13.5, textColor=ink, shaping=1)
    return {
        "title": ParagraphStyle(
            "title", base, fontName=SANS_BOLD, fontSize=20, leading=25, spaceAfter=6, keepWithNext=1
        ),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=12, leading=16, textColor=muted, spaceAfter=12),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=SANS_BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=SANS_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "body": ParagraphStyle("body", base, spaceAfter=5),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor=muted),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=SANS_BOLD, fontSize=9, leading=11.5),
        "toc": ParagraphStyle("toc", base, leading=15, rightIndent=40),
        "toc2": ParagraphStyle("toc2", base, fontSize=9, leading=13, leftIndent=16, rightIndent=40),
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


def contents_flowable() -> Any:
    """reportlab's table of contents, filled from the headings' outlines; entries link to pages."""
    from reportlab.platypus import TableStyle
    from reportlab.platypus.tableofcontents import TableOfContents

    s = styles()
    # reportlab's own table style leaves the cells in Helvetica, a font the PDF would not embed.
    layout = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), SANS, 10),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return TableOfContents(
        levelStyles=[s["toc"], s["toc2"]], dotsMinLevel=0, rightColumnWidth=40, tableStyle=layout
    )


def _numbered_canvas(title: str, subtitle: str, draft: str | None, progress: Progress | None) -> type:
    from reportlab.lib.colors import Color, HexColor
    from reportlab.pdfgen.canvas import Canvas

    generated = datetime.now().strftime("%d %B %Y, %H:%M")

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints.
        """Keeps each page until the end so the footer can say "Page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._page_bookmarks: list[str] = []

        def bookmarkPage(self, key: str, **options: Any) -> None:
            self._page_bookmarks.append(key)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._page_bookmarks = []
            if progress:
                progress(len(self._pages), 0)
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                for key in self._page_bookmarks:
                    Canvas.bookmarkPage(self, key, fit="XYZ", top=self._pagesize[1])
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
            draw_line(self, margin, height - 24, title, 8)
            if subtitle:
                draw_line(self, width - margin, height - 24, subtitle, 8, align="right")
            draw_line(self, margin, 18, f"Generated {generated}" + (f" · {draft}" if draft else ""), 7.5)
            draw_line(self, width - margin, 18, f"Page {self._pageNumber} of {total}", 7.5, align="right")
            self.restoreState()

    return NumberedCanvas


def _template_class() -> type:
    from reportlab.platypus import SimpleDocTemplate

    class OutlinedDocTemplate(SimpleDocTemplate):  # type: ignore[misc]  # reportlab has no hints.
        """Turns each outlined heading into a bookmark and a contents entry as it is placed."""

        def afterFlowable(self, flowable: Any) -> None:
            for item in getattr(flowable, "headings", [flowable]):
                outline = getattr(item, "outline", None)
                if outline is None:
                    continue
                self.canv.bookmarkPage(outline.key)
                self.canv.addOutlineEntry(outline.title, outline.key, outline.level, outline.level > 0)
                if outline.contents:
                    self.notify("TOCEntry", (outline.level, markup(outline.title), self.page, outline.key))

    return OutlinedDocTemplate


def build_document(
    path: Path,
    story: list[Any],
    *,
    title: str,
    info: DocumentInfo,
    subtitle: str = "",
    pagesize: tuple[float, float] | None = None,
    landscape: bool = False,
    draft: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Lay out ``story`` on A4 (or ``pagesize``) pages with the shared header and footer.

    A story holding a ``TableOfContents`` is laid out until its page numbers settle (usually
    twice); the first pass, which only finds the pages, draws nothing (see
    :mod:`facilitator.documents.rehearsal`).

    Args:
        path: Output file.
        story: Platypus flowables.
        title: Left of the running header (usually the workshop's short title).
        info: The document's properties (title, author, subject, language).
        subtitle: Right of the running header (the document's name).
        pagesize: Page size in points; A4 by default.
        landscape: Turn the page.
        draft: Text of a diagonal mark on every page (e.g. ``"DRAFT"``), or none.
        progress: Called with (pages done, 0) as pages are laid out.
    """
    from reportlab.lib import pagesizes
    from reportlab.platypus.tableofcontents import TableOfContents

    register_fonts()
    size = pagesize or pagesizes.A4
    if landscape:
        size = pagesizes.landscape(size)
    with atomic_output(path) as partial:
        document = _template_class()(
            str(partial),
            pagesize=size,
            leftMargin=42,
            rightMargin=42,
            topMargin=48,
            bottomMargin=46,
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=info.keywords,
            creator="Facilitator",
            lang=info.language,
            initialFontName=SANS,
        )
        canvas = _numbered_canvas(title, subtitle, draft, progress)
        with _collector_paused():
            if any(isinstance(flowable, TableOfContents) for flowable in story):
                document.multiBuild([Rehearsal(), *story], canvasmaker=canvas)
            else:
                document.build(story, canvasmaker=canvas)
    return Path(path)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is laid out.

    A long report lays out millions of lines that all live until it is written; each of the
    collector's passes walked every one of them again, a quarter of the time of the 5,000-person
    report. Laying out makes almost no reference cycles (the report's peak memory is the same
    with and without the pauses), and reference counting still frees everything else at once.
    Where automatic collection is off already (the GUI collects on its own thread, see
    ``facilitator.ui.gc_guard``), it stays off.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
