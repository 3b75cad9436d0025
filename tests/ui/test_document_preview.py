"""The document preview's Save as…: a copy replaces the file it is saved over only once whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.app.exports import export_document
from facilitator.app.session import WorkshopSession
from facilitator.ui.document_preview import DocumentPreview

_PREVIOUS = "ກຳນົດການ (ສະບັບ 1.2) — printed for the room\n".encode()


@pytest.fixture
def preview(qtbot, sample_session: WorkshopSession, tmp_path: Path) -> DocumentPreview:  # type: ignore[no-untyped-def]
    """A preview of the sample workshop's agenda PDF."""
    dialog = DocumentPreview(export_document(sample_session, "agenda", tmp_path / "agenda.pdf"))
    qtbot.addWidget(dialog)
    return dialog


def test_save_as_replaces_the_chosen_file(preview: DocumentPreview, tmp_path: Path) -> None:
    """The copy takes the chosen name and leaves no temporary file beside it."""
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "ກຳນົດການ [27-28.05.2019].pdf"
    target.write_bytes(_PREVIOUS)
    assert preview.save_copy(target) == target
    assert target.read_bytes() == preview.path.read_bytes()
    assert [p.name for p in folder.iterdir()] == [target.name]


def test_save_as_failing_halfway_keeps_the_file_there(
    preview: DocumentPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy that fails after some bytes (a full USB stick) leaves the file it would replace intact."""

    def copy_half(source: Path, destination: Path) -> None:
        Path(destination).write_bytes(Path(source).read_bytes()[:1000])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", copy_half)
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "agenda.pdf"
    target.write_bytes(_PREVIOUS)
    with pytest.raises(OSError, match="No space left"):
        preview.save_copy(target)
    assert target.read_bytes() == _PREVIOUS
    assert [p.name for p in folder.iterdir()] == [target.name]
