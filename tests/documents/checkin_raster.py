"""Helpers for testing printed documents as a reader or a scanner sees them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

__all__ = ["crop_points", "decode_one", "decode_qr_codes", "ink_mask", "render_page"]


def render_page(path: Path, index: int = 0, dpi: int = 200) -> np.ndarray:
    """A page as a grayscale array on white, at ``dpi``."""
    document = pdfium.PdfDocument(str(path))
    try:
        bitmap = document[index].render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
        image = bitmap.to_numpy()
    finally:
        document.close()
    return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY)


def decode_qr_codes(image: np.ndarray) -> list[tuple[str, tuple[float, float]]]:
    """Every QR code OpenCV reads on the image, with the centre of each in pixels.

    OpenCV's ArUco-based detector is used: the classic one misses codes next to other codes or
    near an image edge even when they are perfectly printed.
    """
    ok, texts, points, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(image)
    if not ok:
        return []
    return [
        (text, (float(corners[:, 0].mean()), float(corners[:, 1].mean())))
        for text, corners in zip(texts, points, strict=True)
        if text
    ]


def ink_mask(image: np.ndarray, threshold: int = 200) -> np.ndarray:
    """True where something darker than paper was printed."""
    return image < threshold


def decode_one(image: np.ndarray) -> str:
    """The text of the single QR code on an image (a cropped label), or "" when none is read."""
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(image)
    return str(text)


def crop_points(
    image: np.ndarray, page_height: float, x: float, y: float, width: float, height: float, dpi: int
) -> np.ndarray:
    """The part of a rendered page inside a rectangle given in PDF points (origin bottom-left)."""
    scale = dpi / 72
    top = round((page_height - y - height) * scale)
    left = round(x * scale)
    return image[top : top + round(height * scale), left : left + round(width * scale)]
