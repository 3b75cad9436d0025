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


@pytest.mark.parametrize("screen", [(1366, 768), (1280, 720)], ids=["laptop", "projector"])
def test_preview_and_its_buttons_fit_a_small_screen(  # type: ignore[no-untyped-def]
    qtbot, sample_session: WorkshopSession, tmp_path: Path, monkeypatch, screen: tuple[int, int]
) -> None:
    """On a 768- or 720-pixel screen with a task bar the preview opens within the free area (with
    room for its title bar), and Print…, Save as… and Close are on screen."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QPushButton

    area = QRect(0, 0, screen[0], screen[1] - 40)
    monkeypatch.setattr("facilitator.ui.window_fit.available_area", lambda _widget: area)
    path = export_document(sample_session, "agenda", tmp_path / "agenda.pdf")
    dialog = DocumentPreview(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() + 30 <= area.height() and area.contains(dialog.geometry())
    texts = set()
    for button in dialog.findChildren(QPushButton):
        texts.add(button.text())
        top_left = button.mapTo(dialog, button.rect().topLeft())
        assert dialog.rect().contains(QRect(top_left, button.size()))
    assert {"Print…", "Save as…", "Close"} <= texts
