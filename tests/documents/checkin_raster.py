"""Helpers for testing printed documents as a reader or a scanner sees them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

__all__ = ["crop_points", "decode_column", "decode_one", "ink_mask", "render_page"]


def render_page(path: Path, index: int = 0, dpi: int = 200) -> np.ndarray:
    """A page as a grayscale array on white, at ``dpi``."""
    document = pdfium.PdfDocument(str(path))
    try:
        bitmap = document[index].render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
        image = bitmap.to_numpy()
    finally:
        document.close()
    return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY)


def ink_mask(image: np.ndarray, threshold: int = 200) -> np.ndarray:
    """True where something darker than paper was printed."""
    return image < threshold


def decode_one(image: np.ndarray) -> str:
    """The text of the single QR code on an image (a cropped label), or "" when none is read.

    Like a person re-aiming a scanner, it tries again when the first reading fails: OpenCV's two
    detectors, on the image as rendered and thresholded to black and white.
    """
    _, black_white = cv2.threshold(image, 128, 255, cv2.THRESH_BINARY)
    for detector in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
        for candidate in (image, black_white):
            text, _, _ = detector.detectAndDecode(candidate)
            if text:
                return str(text)
    return ""


def crop_points(
    image: np.ndarray, page_height: float, x: float, y: float, width: float, height: float, dpi: int
) -> np.ndarray:
    """The part of a rendered page inside a rectangle given in PDF points (origin bottom-left)."""
    scale = dpi / 72
    top = round((page_height - y - height) * scale)
    left = round(x * scale)
    return image[top : top + round(height * scale), left : left + round(width * scale)]


def decode_column(
    image: np.ndarray, left: int, right: int, max_gap: int = 10, min_height: int = 60
) -> list[str]:
    """Read QR codes stacked in a column of a table, one at a time, top to bottom.

    The column is cut where a band of paper taller than ``max_gap`` pixels separates two codes;
    pieces lower than ``min_height`` (header text, rules) are skipped, and each other piece is
    decoded on its own with a white margin, as a hand scanner would.
    """
    strip = image[:, left:right]
    rows = np.flatnonzero((strip < 128).any(axis=1))
    if rows.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) > max_gap)
    starts = [rows[0], *rows[breaks + 1]]
    ends = [*rows[breaks], rows[-1]]
    texts = []
    for start, end in zip(starts, ends, strict=True):
        if end - start < min_height:
            continue
        piece = cv2.copyMakeBorder(strip[start : end + 1], 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
        texts.append(decode_one(piece))
    return texts
