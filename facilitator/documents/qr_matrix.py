"""QR module matrices with the standard's mask choice, computed fast enough for 2,000 badges.

The ``qrcode`` package picks the mask (one of eight patterns XOR-ed over the data so that no
area looks like a finder pattern or a large blot) by building and scoring all eight codes in
pure Python, which takes most of the time of a badge sheet. Here the code is built once with
mask 0; the other seven follow by swapping the mask over the data modules and rewriting the
format bits, and all eight are scored together with NumPy using the standard's four penalty rules
(ISO/IEC 18004, 7.8.3). The result is the code ``qrcode`` would build with that mask; tests check
this module by module.
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

__all__ = ["candidate_codes", "mask_penalties", "qr_matrix"]

_FINDER_LIKE = (
    np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], dtype=bool),
    np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1], dtype=bool),
)


@cache
def _mask_patterns(size: int) -> np.ndarray:
    """The eight mask patterns of the standard, shape (8, size, size); True flips a module."""
    i, j = np.indices((size, size))
    return np.stack(
        [
            (i + j) % 2 == 0,
            i % 2 == 0,
            j % 3 == 0,
            (i + j) % 3 == 0,
            (i // 2 + j // 3) % 2 == 0,
            (i * j) % 2 + (i * j) % 3 == 0,
            ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            ((i * j) % 3 + (i + j) % 2) % 2 == 0,
        ]
    )


def _run_penalty(lines: np.ndarray) -> np.ndarray:
    """Rule 1 for rows of each candidate: 3 + (length - 5) per run of 5 or more same modules."""
    candidates, rows, width = lines.shape
    padded = np.full((candidates, rows, width + 1), 2, dtype=np.int8)
    padded[:, :, :width] = lines
    flat = padded.ravel()
    starts = np.concatenate(([0], np.flatnonzero(flat[1:] != flat[:-1]) + 1))
    lengths = np.diff(np.append(starts, flat.size))
    long_runs = lengths >= 5
    owner = starts[long_runs] // (rows * (width + 1))
    return np.bincount(owner, weights=lengths[long_runs] - 2, minlength=candidates)


def _finder_penalty(lines: np.ndarray) -> np.ndarray:
    """Rule 3 for rows of each candidate: 40 per 1:1:3:1:1 pattern with four light modules
    on one side."""
    windows = np.lib.stride_tricks.sliding_window_view(lines, 11, axis=2)
    found = sum((windows == pattern).all(axis=3).sum(axis=(1, 2)) for pattern in _FINDER_LIKE)
    return 40 * np.asarray(found)


def mask_penalties(candidates: np.ndarray) -> np.ndarray:
    """The standard's penalty score of each candidate code, shape (8, n, n) → (8,)."""
    lines = candidates.astype(np.int8)
    columns = lines.transpose(0, 2, 1)
    runs = _run_penalty(lines) + _run_penalty(columns)
    block = lines[:, :-1, :-1]
    same = (block == lines[:, 1:, :-1]) & (block == lines[:, :-1, 1:]) & (block == lines[:, 1:, 1:])
    blocks = 3 * same.sum(axis=(1, 2))
    finders = _finder_penalty(lines) + _finder_penalty(columns)
    dark_percent = candidates.mean(axis=(1, 2)) * 100
    balance = 10 * (np.abs(dark_percent - 50) // 5)
    return np.asarray(runs + blocks + finders + balance)


@cache
def _function_patterns(version: int) -> tuple[np.ndarray, np.ndarray]:
    """Which modules are not data (finders, timing, alignment, format and version bits), and
    their values under each mask: shapes (n, n) and (8, n, n). They depend only on the version
    (the error-correction level is always M)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    blank = qrcode.QRCode(version=version, border=0, error_correction=ERROR_CORRECT_M)
    size = blank.modules_count = version * 4 + 17
    blank.modules = [[None] * size for _ in range(size)]
    blank.setup_position_probe_pattern(0, 0)
    blank.setup_position_probe_pattern(size - 7, 0)
    blank.setup_position_probe_pattern(0, size - 7)
    blank.setup_position_adjust_pattern()
    blank.setup_timing_pattern()
    if version >= 7:
        blank.setup_type_number(False)
    values = np.zeros((8, size, size), dtype=bool)
    for mask in range(8):
        blank.setup_type_info(False, mask)
        values[mask] = np.array([[bool(cell) for cell in row] for row in blank.modules])
    is_function = np.array([[cell is not None for cell in row] for row in blank.modules])
    return is_function, values


def candidate_codes(text: str) -> np.ndarray:
    """The smallest level-M code holding ``text`` under each of the eight masks, (8, n, n)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M, mask_pattern=0)
    code.add_data(text)
    code.make(fit=True)
    is_function, function_values = _function_patterns(code.version)
    patterns = _mask_patterns(code.modules_count)
    data = np.array(code.modules, dtype=bool) ^ patterns[0]
    return np.where(is_function, function_values, data ^ patterns)


@lru_cache(maxsize=4096)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the smallest QR code holding ``text`` (level M),
    with the mask of lowest penalty."""
    candidates = candidate_codes(text)
    best = int(np.argmin(mask_penalties(candidates)))
    return tuple(tuple(bool(cell) for cell in row) for row in candidates[best])
