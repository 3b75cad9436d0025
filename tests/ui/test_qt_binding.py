"""The Qt binding itself: repaints and signal emissions must never bring ``None``, ``True`` or
``False`` towards deallocation.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on each Qt call that returns nothing
and one to ``True`` on each ``Signal.emit()``; without the guard in ``facilitator.ui.binding_fix``
the interpreter aborts after a few thousand repaints or a few hundred emits.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel

from facilitator.ui.binding_fix import keep_singletons_alive

#: Emits 200,000 signals of five signatures (one of them connected to a slot) and prints the
#: reference counts of True, False and None. Its argument says whether to import
#: ``facilitator.ui`` first, which installs the guard as the app does on start-up.
_EMITTING_SCRIPT = """
import sys
if sys.argv[1] == "guarded":
    import facilitator.ui
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    bare = Signal()
    number = Signal(int)
    flag = Signal(bool)
    text = Signal(str)
    value = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
received = []
emitter.number.connect(received.append)
for i in range(40_000):
    emitter.bare.emit()
    emitter.number.emit(i)
    emitter.flag.emit(False)
    emitter.text.emit("tick")
    emitter.value.emit(None)
print(5 * len(received), sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
"""


def _emit_in_subprocess(mode: str) -> subprocess.CompletedProcess[str]:
    """Run the emitting script in a fresh interpreter (an abort must not take pytest with it)."""
    return subprocess.run(
        [sys.executable, "-c", _EMITTING_SCRIPT, mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _leaky_calls(rounds: int) -> None:
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    model = QStandardItemModel()
    model.appendRow(QStandardItem("row"))
    index = model.index(0, 0)
    for _ in range(rounds):
        painter.save()
        painter.setPen(QColor("black"))
        painter.drawRect(QRect(1, 1, 10, 10))
        painter.restore()
        index.data(Qt.ItemDataRole.DecorationRole)
    painter.end()


def test_void_calls_leave_the_singletons_out_of_reach(qapp) -> None:  # type: ignore[no-untyped-def]
    """After the guard, thousands of void calls leave every singleton's reference count far from zero."""
    keep_singletons_alive()
    keep_singletons_alive()
    _leaky_calls(2000)
    assert min(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)) > 1 << 30


def test_200000_signal_emissions_leave_the_guarded_interpreter_alive() -> None:
    """With facilitator.ui imported, 200,000 emits end normally with True, False and None far from zero."""
    result = _emit_in_subprocess("guarded")
    assert result.returncode == 0, result.stderr
    emitted, *counts = (int(field) for field in result.stdout.split())
    assert emitted == 200_000
    assert min(counts) > 1 << 30


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True, False and None are immortal from 3.12")
def test_without_the_guard_the_same_emissions_abort_the_interpreter() -> None:
    """Without the guard the same script dies deallocating True: the guard is what keeps it alive.

    If this fails because the script survives, PySide6 has fixed the bug: the guard (and this
    test) can go, as the README's known limitations say.
    """
    result = _emit_in_subprocess("unguarded")
    assert result.returncode != 0, f"PySide6 {pyside_version} no longer drops True on Signal.emit()"
    assert result.returncode in (-signal.SIGABRT, 128 + signal.SIGABRT)
    assert "bool_dealloc: deallocating True or False" in result.stderr
