"""Starting the GUI, and the crash handler that keeps the user's data safe.

Every acknowledged action is already committed to the workshop file, so a crash loses nothing that
was shown as saved. The handler writes the details to a log, tells the user what happened and that
their work is safe, and keeps the app running when it can.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.ui.controller import Controller

__all__ = ["install_crash_handler", "run_gui"]

#: The opening backup waits this long, so that its thread does not compete with drawing the
#: window and its first page; nobody edits a workshop in the first second, so the copy is the same.
_OPENING_BACKUP_DELAY_MS = 1000


def install_crash_handler() -> None:
    """Route uncaught exceptions to a log file and a plain message instead of a silent exit."""
    from PySide6 import QtWidgets

    from facilitator import paths

    def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log = paths.sessions_dir() / "facilitator-error.log"
        with log.open("a", encoding="utf-8") as handle_:
            handle_.write("".join(traceback.format_exception(kind, error, trace)))
        if QtWidgets.QApplication.instance() is not None:
            QtWidgets.QMessageBox.critical(
                None,
                "Something went wrong",
                "Facilitator met an unexpected problem and did not finish the last step.\n\n"
                "Everything shown as saved is safe in the workshop file. "
                f"Details were written to {log}; please send that file to the support team.",
            )

    sys.excepthook = handle


def run_gui(workshop: Path | None = None) -> int:
    """Show the main window, open a workshop in it (the last used one, or the sample), run the app.

    The window is drawn before the workshop file is opened: its first frame comes sooner, and the
    slower part (SQLite, the storage code, the first page) follows straight after. A file that
    cannot be opened is explained and the app ends with status 1, the file untouched.
    """
    from PySide6 import QtCore, QtWidgets

    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.tasks import wait_for_background_work

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    app.setApplicationName("Facilitator")
    app.setOrganizationName("Facilitator")
    install_crash_handler()
    window = MainWindow()
    opened: list[Controller] = []

    def open_workshop() -> None:
        from facilitator.app import workshops
        from facilitator.core.errors import DamagedWorkshopError, FacilitatorError
        from facilitator.ui.backup_dialog import offer_newest_backup
        from facilitator.ui.controller import WINDOW_PROGRAM, Controller
        from facilitator.ui.script_fonts import register_script_fonts

        path = workshop or workshops.default_workshop_path()
        try:
            try:
                session = workshops.open_workshop(path, backup=False, program=WINDOW_PROGRAM)
            except DamagedWorkshopError as error:
                copy = offer_newest_backup(window, path, str(error))
                if copy is None:
                    app.exit(1)
                    return
                session = workshops.open_workshop(copy, backup=False, program=WINDOW_PROGRAM)
        except FacilitatorError as error:
            QtWidgets.QMessageBox.critical(window, "Cannot open workshop", str(error))
            app.exit(1)
            return
        register_script_fonts()  # before the first page draws any name
        opened.append(Controller(session))
        window.attach(opened[0])
        QtCore.QTimer.singleShot(_OPENING_BACKUP_DELAY_MS, opened[0].back_up_in_background)

    window.drawn.connect(open_workshop)
    window.show()
    code = app.exec()
    wait_for_background_work()
    for controller in opened:
        controller.close()
    return int(code)
