"""A short chime at time-up, where the platform has audio; a system beep otherwise.

PySide6-Essentials ships without QtMultimedia, so sound is optional: no audio is never an error.
The chime is synthesised once into a small WAV file rather than shipped, so it needs no licence.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

__all__ = ["chime_file", "play_chime"]

_RATE = 22_050
_effect: Any = None


def chime_file(folder: Path | None = None) -> Path:
    """A two-note chime (E6 then C6, softly decaying) as a 16-bit mono WAV, written once."""
    path = (folder or Path(tempfile.gettempdir())) / "facilitator-chime.wav"
    if path.is_file():
        return path
    frames = bytearray()
    for frequency, length in ((1318.5, 0.35), (1046.5, 0.7)):
        count = int(_RATE * length)
        for n in range(count):
            envelope = math.exp(-4.0 * n / count)
            sample = 0.45 * envelope * math.sin(2 * math.pi * frequency * n / _RATE)
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(_RATE)
        handle.writeframes(bytes(frames))
    return path


def play_chime() -> str:
    """Sound the chime; returns ``"sound"`` or ``"beep"`` (when QtMultimedia is not installed)."""
    global _effect
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        QApplication.beep()
        return "beep"
    if _effect is None:
        _effect = QSoundEffect()
        _effect.setSource(QUrl.fromLocalFile(str(chime_file())))
    _effect.play()
    return "sound"
