"""Word text that looks like the PDF: the same Noto fonts and sizes, native scripts included.

Word draws Thai, Lao, Khmer and Myanmar with a run's *complex-script* font and size (``w:cs`` and
``w:szCs``), not the ones python-docx sets (``w:ascii``/``w:hAnsi`` and ``w:sz``): a Lao name in a
9 pt table cell came out at Word's default 11 pt in whatever font the laptop had. Styles here set
both sizes, and each run of native script names its own Noto family as its complex-script font.
"""

from __future__ import annotations

from typing import Any

from facilitator.documents.text import clean_text, script_of

__all__ = ["SIZES", "add_text", "apply_house_styles"]

#: Point sizes of the Word styles, the same as the PDF's (facilitator.documents.pdf.styles).
SIZES: dict[str, float] = {
    "Normal": 10,
    "Title": 20,
    "Subtitle": 12,
    "Heading 1": 15,
    "Heading 2": 12,
    "TOC Heading": 15,
    "Table": 9,
}
_FAMILIES = {
    "latin": "Noto Sans",
    "lao": "Noto Sans Lao",
    "thai": "Noto Sans Thai",
    "khmer": "Noto Sans Khmer",
    "myanmar": "Noto Sans Myanmar",
}
_INK = (0x1D, 0x24, 0x33)
_MUTED = (0x5B, 0x64, 0x73)


def _set_fonts(r_pr: Any, family: str, complex_family: str, size: float | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), family)
    fonts.set(qn("w:cs"), complex_family)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = r_pr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                r_pr.append(element)
            element.set(qn("w:val"), str(round(size * 2)))


def apply_house_styles(document: Any) -> None:
    """Give the document's built-in styles the PDF's fonts, sizes and ink colours."""
    from docx.shared import RGBColor

    for name, size in SIZES.items():
        if name == "Table":
            continue
        style = document.styles[name]
        _set_fonts(style.element.get_or_add_rPr(), _FAMILIES["latin"], _FAMILIES["latin"], size)
        style.font.color.rgb = RGBColor(*(_MUTED if name == "Subtitle" else _INK))
        if name != "Normal" and name != "Subtitle":
            style.font.bold = True


def _script_runs(text: str) -> list[tuple[str, str]]:
    """(script, text) runs; spaces, digits and punctuation stay with the letters before them."""
    runs: list[list[str]] = []
    for char in clean_text(text):
        script = script_of(char) or (runs[-1][0] if runs else "latin")
        if runs and runs[-1][0] == script:
            runs[-1][1] += char
        else:
            runs.append([script, char])
    return [(script, run) for script, run in runs]


def add_text(
    paragraph: Any,
    text: str,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    size: float | None = None,
    colour: tuple[int, int, int] | None = None,
) -> list[Any]:
    """Add text to a paragraph in runs by script, each native-script run in its Noto family at
    the same size as its neighbours; returns the runs."""
    from docx.shared import RGBColor

    runs = []
    for script, piece in _script_runs(text):
        run = paragraph.add_run(piece)
        family = _FAMILIES.get(script, _FAMILIES["latin"])
        _set_fonts(run._r.get_or_add_rPr(), _FAMILIES["latin"], family, size)
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if colour is not None:
            run.font.color.rgb = RGBColor(*colour)
        runs.append(run)
    return runs
