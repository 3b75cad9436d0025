"""The fast QR matrix: the same codes as the qrcode package, masked by the standard's penalties."""

from __future__ import annotations

import numpy as np
import pytest
import qrcode
from checkin_raster import decode_one
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from facilitator.documents.qr_matrix import candidate_codes, mask_penalties, qr_matrix

ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _reference(text: str, mask: int) -> np.ndarray:
    code = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M, mask_pattern=mask)
    code.add_data(text)
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.text(ALPHANUMERIC, min_size=8, max_size=8))
def test_every_mask_matches_the_qrcode_package(participant_id: int, check: str) -> None:
    """Each of the eight candidates is module for module the code qrcode builds with that mask."""
    text = f"LPB2019-{participant_id}-{check}"
    candidates = candidate_codes(text)
    for mask in range(8):
        assert np.array_equal(candidates[mask], _reference(text, mask))


@pytest.mark.parametrize("length", [40, 120, 200])
def test_larger_versions_with_version_bits_match(length: int) -> None:
    """Longer texts (versions 3 to 9, with version information from 7 on) match too."""
    text = "x" * length
    candidates = candidate_codes(text)
    assert candidates.shape[1] >= 29
    for mask in (0, 5):
        assert np.array_equal(candidates[mask], _reference(text, mask))


def test_the_lowest_penalty_mask_is_chosen() -> None:
    """qr_matrix returns the candidate with the smallest penalty score."""
    text = "LPB2019-42-K7QX3MZA"
    candidates = candidate_codes(text)
    best = int(np.argmin(mask_penalties(candidates)))
    assert np.array_equal(np.array(qr_matrix(text)), candidates[best])


def test_penalty_rules_on_known_patterns() -> None:
    """A blank code scores runs, blocks and imbalance; a checkerboard scores only imbalance 0."""
    size = 21
    blank = np.zeros((1, size, size), dtype=bool)
    runs = 2 * size * (3 + size - 5)
    blocks = 3 * (size - 1) ** 2
    assert mask_penalties(blank)[0] == runs + blocks + 100
    checker = (np.indices((size, size)).sum(axis=0) % 2 == 0)[None]
    assert mask_penalties(checker)[0] == 0


def test_chosen_code_reads_back() -> None:
    """The chosen code, drawn as pixels with a quiet zone, decodes to the text."""
    text = "LPB2019-42-K7QX3MZA"
    modules = np.array(qr_matrix(text))
    image = np.where(np.kron(modules, np.ones((8, 8))) > 0, 0, 255).astype(np.uint8)
    image = np.pad(image, 32, constant_values=255)
    assert decode_one(image) == text
