"""QR module matrices from the ``qrcode`` package, with one fixed mask.

A QR code XORs one of eight mask patterns over its data; the standard picks the pattern with the
lowest penalty score so that no area looks like a finder pattern or a large blot, and the
``qrcode`` package does so by building and scoring all eight codes in pure Python (3.5 ms a code:
seven seconds for 2,000 badges). Any mask is valid, and every reader decodes all eight; what
matters is that every printed code decodes at its printed size. Measured on this project's check-in
codes (issue 18): qrcode choosing its own mask 3.5 ms a code, segno choosing its own 3.7 ms, the
earlier NumPy rescoring of qrcode's internals 1.3 ms, segno with a fixed mask 0.72 ms, qrcode with
a fixed mask 0.59 ms. OpenCV read 799 of 800 codes rendered with mask 4 at four pixels a module, 792
of 800 with the penalty-chosen masks; the tests decode every code on every badge sheet as printed.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["MASK", "qr_matrix"]

#: The mask every code is built with (pattern 4 of ISO/IEC 18004, (i // 2 + j // 3) mod 2).
MASK = 4


@lru_cache(maxsize=4096)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the smallest QR code holding ``text`` (level M,
    mask :data:`MASK`), without a quiet zone."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M, mask_pattern=MASK)
    code.add_data(text)
    code.make(fit=True)
    # Once made, every module is True or False.
    return tuple(map(tuple, code.modules))
