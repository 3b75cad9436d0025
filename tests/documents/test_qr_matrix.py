"""QR matrices: qrcode's own code with the fixed mask, readable whatever the text."""

from __future__ import annotations

import numpy as np
import pytest
import qrcode
from checkin_raster import decode_one
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from facilitator.documents.qr_matrix import MASK, qr_matrix

ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _pixels(modules: np.ndarray, scale: int = 6) -> np.ndarray:
    image = np.where(np.kron(modules, np.ones((scale, scale))) > 0, 0, 255).astype(np.uint8)
    return np.pad(image, 8 * scale, constant_values=255)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.text(ALPHANUMERIC, min_size=8, max_size=8))
def test_matrix_is_qrcodes_own_code_with_the_fixed_mask_and_decodes(participant_id: int, check: str) -> None:
    """Each matrix is module for module what qrcode builds with mask 4, and OpenCV reads it back."""
    text = f"LPB2019-{participant_id}-{check}"
    reference = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M, mask_pattern=MASK)
    reference.add_data(text)
    reference.make(fit=True)
    modules = np.array(qr_matrix(text))
    assert np.array_equal(modules, np.array(reference.get_matrix(), dtype=bool))
    assert decode_one(_pixels(modules)) == text


@pytest.mark.parametrize("length", [40, 120, 200])
def test_longer_texts_with_version_bits_decode(length: int) -> None:
    """Longer texts (versions 3 to 9, with version information from 7 on) read back too."""
    text = "Room join link " + "x" * length
    modules = np.array(qr_matrix(text))
    assert modules.shape[0] >= 29
    assert decode_one(_pixels(modules, 5)) == text
