"""A table of contents with page numbers for documents built on the shared page template.

Page numbers are known only after layout, so the document is laid out twice: the first pass
records on which page each marked heading lands, the second prints those numbers. The contents
has the same lines in both passes, so the layout does not move between them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from facilitator.documents.pdf import build_document, styles
from facilitator.documents.text import para

__all__ = ["MarkFactory", "build_with_contents", "contents_table"]

MarkFactory = Callable[[str], Any]
StoryMaker = Callable[[Mapping[str, int], MarkFactory], list[Any]]


def _page_mark(key: str, record: dict[str, int]) -> Any:
    from reportlab.platypus import Flowable

    class PageMark(Flowable):  # type: ignore[misc]  # reportlab ships no type hints.
        """An invisible flowable that notes the page it is drawn on."""

        def __init__(self) -> None:
            super().__init__()
            self.width = self.height = 0
            self.keepWithNext = 1

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            record.setdefault(key, self.canv.getPageNumber())

    return PageMark()


def contents_table(entries: Sequence[tuple[str, str]], pages: Mapping[str, int], width: float) -> Any:
    """A two-column contents list: each entry's label and the page its heading is on.

    Args:
        entries: (mark key, label) in document order.
        pages: Page number of each key; missing keys print as blank (the first pass).
        width: Width of the text frame.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from facilitator.documents.pdf import RULE

    body = styles()["body"]
    rows = [[para(label, body), para(str(pages.get(key, "")), body)] for key, label in entries]
    table = Table(rows, colWidths=[width - 40, 40], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def build_with_contents(path: Path, make_story: StoryMaker, **options: Any) -> Path:
    """Build a document whose story holds a contents table filled with real page numbers.

    Args:
        path: Output file.
        make_story: Called with the page numbers found so far (empty the first time) and a
            factory of invisible marks; it returns the story, placing ``mark(key)`` right after
            each heading listed in its contents.
        **options: Passed to :func:`facilitator.documents.pdf.build_document`; ``progress`` is
            reported on the second pass only.
    """
    recorded: dict[str, int] = {}

    def mark(key: str) -> Any:
        return _page_mark(key, recorded)

    with tempfile.TemporaryDirectory(prefix="facilitator-") as folder:
        build_document(Path(folder) / "layout.pdf", make_story({}, mark), **{**options, "progress": None})
    pages = dict(recorded)
    recorded.clear()
    return build_document(path, make_story(pages, mark), **options)
