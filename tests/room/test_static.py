"""The phone page as shipped: small, self-contained, and putting text on the page only as text."""

from __future__ import annotations

import gzip
import re

from facilitator.room.web import static_files


def test_page_is_small_and_needs_nothing_from_outside() -> None:
    """HTML, CSS and JavaScript together stay under 30 KB gzipped and load nothing from another host."""
    files = static_files()
    total = sum(len(gzip.compress(body, 9)) for body in files.values())
    assert total < 30 * 1024
    for body in files.values():
        text = body.decode("utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text)
        assert "http://" not in text and "https://" not in text


def test_script_writes_text_nodes_only() -> None:
    """The script never parses server text as HTML (no innerHTML, outerHTML, insertAdjacentHTML, eval)."""
    script = static_files()["room.js"].decode("utf-8")
    for dangerous in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ):
        assert dangerous not in script
    assert "textContent" in script
    assert '"X-Room"' in script


def test_page_has_no_inline_script_or_style() -> None:
    """The page works under a CSP without 'unsafe-inline': no inline script, style or handler."""
    page = static_files()["index.html"].decode("utf-8")
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+=", page)
    assert '<script src="/static/room.js" defer></script>' in page
