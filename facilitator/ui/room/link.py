"""The window's room: opens and closes the server, and keeps it told of every change.

One :class:`RoomLink` belongs to the controller (``RoomLink.of(controller)``), so the boards page's
button, the File menu and the room's windows all reach the same room. It never blocks the GUI
thread: the server starts on its own thread and reports back through the runner, and stopping
does not wait for the server's thread (except when the app quits).
"""

from __future__ import annotations

import gc
import sys
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from facilitator.app.changes import Changes
from facilitator.core.errors import FacilitatorError
from facilitator.room.service import RoomService, RoomSettings
from facilitator.ui.controller import Controller
from facilitator.ui.room.runner import MainThreadRunner

__all__ = ["BUSY_SWITCH_INTERVAL", "RoomLink"]

#: How long the interpreter lets one thread run before another waiting for it gets its turn, while
#: the room is open (Python's default is 5 ms). The GUI thread gives the interpreter up at every
#: SQLite call; with the server thread busy it then waited up to the whole interval each time,
#: which made a 6 ms phone write take 50 ms and more on the GUI thread.
BUSY_SWITCH_INTERVAL = 0.0005


class RoomLink(QObject):
    """The room of one window: off until opened, closed with the workshop or the app.

    Signals:
        opened(str): the room listens at this address.
        closed(): the room was closed (switched off, another workshop opened, app quitting).
        failed(str): the room could not open; the message says why.
    """

    opened = Signal(str)
    closed = Signal()
    failed = Signal(str)

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self.controller = controller
        self.runner = MainThreadRunner(controller, self)
        self.service: RoomService | None = None
        #: The room's window, once shown (see :func:`facilitator.ui.room.open_room`).
        self.window: QWidget | None = None
        self._switch_interval = sys.getswitchinterval()
        controller.workshop_changed.connect(self._on_workshop_changed)
        controller.workshop_opened.connect(self._on_workshop_opened)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)

    @classmethod
    def of(cls, controller: Controller) -> RoomLink:
        """The controller's room (made on first use)."""
        link = controller.findChild(RoomLink)
        return link if isinstance(link, RoomLink) else cls(controller)

    @property
    def is_open(self) -> bool:
        """Whether the room listens (or is starting)."""
        return self.service is not None

    def open(self, settings: RoomSettings) -> None:
        """Start the room; ``opened`` or ``failed`` follows once the server has tried."""
        if self.service is not None:
            return
        service = RoomService(settings, self.runner)
        self.service = service
        self._make_room_for_the_server()
        started = service.start()

        def report(future: Future[str]) -> None:  # on the server's thread
            self.runner.submit(lambda _session: self._on_started(service, future))

        started.add_done_callback(report)

    def _on_started(self, service: RoomService, started: Future[str]) -> None:
        if service is not self.service:
            return  # closed before it finished starting
        error = started.exception()
        if error is None:
            self.opened.emit(started.result())
            return
        self.service = None
        self._give_the_gui_back()
        if isinstance(error, FacilitatorError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(f"The room could not open ({type(error).__name__}: {error}).")

    def close(self, wait: bool = False) -> None:
        """Close the room: every phone signed out, nothing listening."""
        service, self.service = self.service, None
        if service is None:
            return
        service.stop(wait=5.0 if wait else None)
        self.runner.cancel_pending()
        self._give_the_gui_back()
        self.closed.emit()

    def _make_room_for_the_server(self) -> None:
        """Keep the GUI thread responsive while the server thread is busy (measured in ``make bench``).

        Phones' requests allocate a great deal on the server thread, and the GUI thread's collector
        (``facilitator.ui.gc_guard``) then walks the whole heap now and then: about 200 ms with the
        app's modules loaded. Freezing what exists when the room opens leaves those walks only the
        objects made since. A shorter switch interval hands the interpreter back to the GUI thread
        sooner after each of its SQLite calls.
        """
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, BUSY_SWITCH_INTERVAL))
        gc.freeze()

    def _give_the_gui_back(self) -> None:
        gc.unfreeze()
        sys.setswitchinterval(self._switch_interval)

    def _on_workshop_changed(self, changes: Changes) -> None:
        if self.service is not None:
            self.service.notify(changes)

    def _on_workshop_opened(self) -> None:
        # The room's links belong to the workshop it was opened on.
        self.close()

    def _on_about_to_quit(self) -> None:
        self.close(wait=True)
