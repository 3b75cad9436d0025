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

__all__ = ["install_crash_handler", "run_gui"]


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
    """Open the main window on a workshop (the last used one, or the sample) and run the app."""
    from PySide6 import QtWidgets

    from facilitator.app import workshops
    from facilitator.core.errors import FacilitatorError
    from facilitator.ui.controller import Controller
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.tasks import wait_for_background_work

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    app.setApplicationName("Facilitator")
    app.setOrganizationName("Facilitator")
    install_crash_handler()
    try:
        session = workshops.open_workshop(workshop or workshops.default_workshop_path(), backup=False)
    except FacilitatorError as error:
        QtWidgets.QMessageBox.critical(None, "Cannot open workshop", str(error))
        return 1
    controller = Controller(session)
    window = MainWindow(controller)
    window.show()
    controller.back_up_in_background()
    code = app.exec()
    wait_for_background_work()
    controller.close()
    return int(code)
