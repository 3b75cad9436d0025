"""File ▸ Restore from backup…, and the backup offered when a workshop cannot be opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.app import roster
from facilitator.app.backups import available_backups
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop
from facilitator.ui.backup_dialog import BackupTableModel, RestoreBackupDialog
from facilitator.ui.controller import Controller
from facilitator.ui.main_window import MainWindow


def test_backup_table_model_passes_the_model_tester(qtmodeltester, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """The backup list is a well-behaved Qt model."""
    empty_session.backup()
    qtmodeltester.check(BackupTableModel(available_backups(empty_session.path)))


def test_the_dialog_lists_backups_newest_first_and_greys_unreadable_ones(
    qtbot, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Each row shows time and counts; a damaged backup says so and cannot be chosen."""
    roster.add_participant(empty_session, name="ສົມໃຈ (Somchai)")
    empty_session.backup()
    damaged = empty_session.backup()
    damaged.write_bytes(b"not a workshop")
    dialog = RestoreBackupDialog(empty_session.path)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.index(0, 1).data() == "cannot be read"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert [model.index(1, c).data() for c in (1, 2, 3)] == ["1", "0", "0"]
    assert dialog.chosen() == model.entries[1]


def test_restore_from_the_file_menu_brings_the_roster_back(
    qtbot, monkeypatch, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Choosing a backup and Restore puts its roster on the page and says which backup it was."""
    roster.add_participant(empty_session, name="พ.ต.ท. สมชาย")
    empty_session.backup()
    roster.add_participant(empty_session, name="Added After")
    monkeypatch.setattr(RestoreBackupDialog, "exec", lambda self: 1)
    window = MainWindow(Controller(empty_session))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("roster")
    assert page.model.rowCount() == 2
    restore = next(a for a in window.menuBar().actions()[0].menu().actions() if "backup" in a.text())
    restore.trigger()
    assert page.model.rowCount() == 1
    assert window.statusBar().currentMessage().startswith("Restored the backup taken")


def test_a_damaged_workshop_offers_a_copy_of_its_newest_good_backup(
    qtbot, monkeypatch, sample_session: WorkshopSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Opening a damaged file asks, then opens a restored copy beside it and leaves it as it was."""
    damaged = tmp_path / "w.sqlite"
    create_workshop(damaged, sample=True).close()
    damaged.write_bytes(b"\x00" * 4096)
    asked: list[str] = []

    def answer(parent, title, text, buttons):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "question", answer)
    controller = Controller(sample_session)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitSignal(controller.workshop_opened):
        controller.open_workshop(damaged)
    assert "damaged" in asked[0] and "68 participants" in asked[0]
    assert controller.session.path.name.startswith("w-restored-")
    assert damaged.read_bytes() == b"\x00" * 4096
    assert window.show_page("roster").model.rowCount() == 68
