"""The main window: pages, the saved indicator, undo labels and errors."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.controller import Controller
from facilitator.ui.main_window import MainWindow
from facilitator.ui.pages import PAGES


def test_every_page_opens(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Each navigation entry shows a page (built, or a plain 'not built yet' note)."""
    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    for spec in PAGES:
        page = window.show_page(spec.key)
        assert window.stack.currentWidget() is page
    assert "Facilitator" in window.windowTitle()


def test_saved_indicator_and_undo_label(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """After an action the status says saved and Edit ▸ Undo names the action."""
    controller = Controller(sample_session)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.run(roster.add_participant, name="Walk In")
    assert window.saved_label.text().startswith("All changes saved ·")
    assert window.undo_action.text() == "&Undo Add Walk In"
    window.undo_action.trigger()
    assert not window.undo_action.isEnabled()
    assert window.redo_action.text() == "&Redo Add Walk In"


def test_errors_are_shown_in_a_dialog(qtbot, sample_session: WorkshopSession, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A refused action reaches the user as a warning with the app's message."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    controller = Controller(sample_session)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.run(roster.edit_participant, 1, sex="maybe")
    assert shown and shown[0][1].startswith("Sex:")


def test_opening_another_workshop_backs_it_up_in_background(
    qtbot, sample_session: WorkshopSession, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Opening a workshop switches every view to it and backs it up off the GUI thread."""
    from facilitator.app.workshops import create_workshop
    from facilitator.storage.backups import backup_folder

    other = create_workshop(tmp_path / "other.sqlite")
    other.close()
    before = len(list(backup_folder(other.path).glob("*.sqlite")))
    controller = Controller(sample_session)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitSignal(controller.workshop_opened):
        assert controller.open_workshop(other.path)
    qtbot.waitUntil(lambda: len(list(backup_folder(other.path).glob("*.sqlite"))) == before + 1)
    assert window.show_page("roster").model.rowCount() == 0
    assert str(other.path) in window.file_label.text()


def test_window_waits_for_its_workshop_then_fills_in(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Before its workshop is open the window says so and offers nothing that needs one; a page
    chosen meanwhile is the one built once the workshop is attached."""
    QSettings("Facilitator", "Facilitator").setValue("main/page", "agenda")
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.drawn):
        window.show()
    assert window.stack.currentWidget().findChild(QLabel).text() == "Opening Agenda and timer…"
    assert PAGES[window.navigation.currentRow()].key == "agenda"
    assert window.windowTitle() == "Facilitator"
    assert window.file_label.text() == "Opening the workshop file…"
    needs_workshop = {"&New workshop…", "&Open workshop…", "&Import roster…", "&Export roster…"}
    actions = {action.text(): action for action in window.findChildren(QAction)}
    assert not any(actions[text].isEnabled() for text in needs_workshop | {"&Undo"})
    window.show_page("statistics")
    assert type(window.stack.currentWidget()).__name__ == "QWidget"
    window.attach(Controller(sample_session))
    assert type(window.stack.currentWidget()).__name__ == "StatisticsPage"
    assert window.windowTitle() == f"{sample_session.info.display_title} — Facilitator"
    assert str(sample_session.path) in window.file_label.text()
    assert all(actions[text].isEnabled() for text in needs_workshop)


def test_menu_shortcuts(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Every page, file action and undo step has its key, standard keys as the platform has them."""
    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    keys = {
        action.text(): [sequence.toString() for sequence in action.shortcuts()]
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    assert [keys[spec.title] for spec in PAGES] == [[spec.shortcut] for spec in PAGES]
    assert keys["&Open workshop…"][0] == "Ctrl+O"
    assert keys["&Import roster…"] == ["Ctrl+I"]
    assert keys["&Redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert "Ctrl+Z" in keys["&Undo"]


def test_every_page_fits_a_projector_without_squashing(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 720 each page's minimum size fits the room the window leaves it, so Qt never
    has to draw buttons cut short or boxes over one another."""
    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    too_big = {}
    for spec in PAGES:
        page = window.show_page(spec.key)
        qtbot.wait(1)
        needed, room = page.minimumSizeHint(), page.size()
        if needed.width() > room.width() or needed.height() > room.height():
            too_big[spec.key] = (needed.toTuple(), room.toTuple())
    assert too_big == {}


def test_a_workshop_left_by_a_killed_window_says_so_when_reopened(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """After kill -9 of the window holding it, the next window takes the file over and says so."""
    import signal
    import subprocess
    import sys

    from facilitator.app.workshops import create_workshop

    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from facilitator.app.session import WorkshopSession as S; "
            f"s = S.open({str(path)!r}, backup=False); print('open', flush=True); input()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    holder.stdin.close()  # type: ignore[union-attr]
    session = WorkshopSession.open(path, backup=False)
    window = MainWindow(Controller(session))
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == (
        f"Reopened after the last session (process {holder.pid}) ended unexpectedly; all it saved is here."
    )
    session.close()


def test_a_full_disk_during_an_export_is_explained_not_a_crash(qtbot, monkeypatch, sample_session) -> None:  # type: ignore[no-untyped-def]
    """An export that meets a full disk reports it in the window's usual refusal dialog."""
    import errno

    from facilitator.app import exports

    def full_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/.agenda.partial-1a2b.pdf")

    monkeypatch.setattr(exports, "export_document", full_disk)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    controller = Controller(sample_session)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitSignal(controller.task_ended):
        controller.export("agenda")
    assert shown == [
        (
            "Export agenda not done",
            "/media/usb: the disk is full. Free some space and try again; nothing was changed.",
        )
    ]


def test_a_cell_still_being_typed_in_is_saved_when_the_window_closes(qtbot, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Closing the window with a roster cell open keeps what was typed, as Enter would."""
    from facilitator.app import roster
    from facilitator.ui.controller import Controller
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("roster")
    person = page.model.participant(0)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 6))
    qtbot.keyClick(page.table, "Z")
    qtbot.keyClicks(page.table.focusWidget(), "ealous inspector (Dept. 2)")
    window.close()
    stored = next(p for p in roster.participants(sample_session) if p.id == person.id)
    assert stored.position == "Zealous inspector (Dept. 2)"
