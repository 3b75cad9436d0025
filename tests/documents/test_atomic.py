"""A document replaces the file it is written over only once it is whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.documents.atomic import atomic_output

_PREVIOUS = "ລາຍຊື່ຜູ້ເຂົ້າຮ່ວມ (ມື້ 1) — printed and handed out at 08:15\n".encode()


def _previous_export(folder: Path, name: str) -> Path:
    target = folder / name
    target.write_bytes(_PREVIOUS)
    return target


def test_success_replaces_the_previous_file(tmp_path: Path) -> None:
    """The new document takes the target's name and nothing else is left in the folder."""
    target = _previous_export(tmp_path, "ປ້າຍຊື່ [ມື້ 1].v2.pdf")
    with atomic_output(target) as partial:
        partial.write_bytes(b"%PDF-1.4 new badges for Kyaw Zin Oo (Myanmar) and 2 others\n")
    assert target.read_bytes().startswith(b"%PDF-1.4 new badges")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_temporary_file_is_hidden_beside_the_target_with_its_suffix(tmp_path: Path) -> None:
    """Writers that pick a format by suffix see the real one, and the target is untouched meanwhile."""
    target = _previous_export(tmp_path, "attendance-day1.2019-05-27.xlsx")
    with atomic_output(target) as partial:
        assert partial.parent == tmp_path
        assert partial.name.startswith(".attendance-day1.2019-05-27.partial-")
        assert partial.suffix == ".xlsx"
        partial.write_bytes(b"PK new workbook")
        assert target.read_bytes() == _PREVIOUS


def test_failure_halfway_keeps_the_previous_file_and_leaves_nothing(tmp_path: Path) -> None:
    """A writer that fails after writing some bytes leaves the previous file byte for byte."""
    target = _previous_export(tmp_path, "สมชาย ใจดี-3.pdf")
    with pytest.raises(OSError, match="No space left"), atomic_output(target) as partial:
        partial.write_bytes(b"%PDF-1.4 half of a docu")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == _PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_writer_that_wrote_nothing_does_not_erase_the_previous_file(tmp_path: Path) -> None:
    """A block that never created its output fails instead of replacing the target with nothing."""
    target = _previous_export(tmp_path, "សុខ ចាន់.csv")
    with pytest.raises(FileNotFoundError), atomic_output(target):
        pass
    assert target.read_bytes() == _PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_first_export_creates_the_file(tmp_path: Path) -> None:
    """With no previous file the document simply appears under its name."""
    target = tmp_path / "board.csv"
    with atomic_output(target) as partial:
        partial.write_text("board,category\nlabour-to-police,debt-bondage\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8").startswith("board,category")
    assert [p.name for p in tmp_path.iterdir()] == ["board.csv"]
