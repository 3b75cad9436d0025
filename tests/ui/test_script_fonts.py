"""Names in Lao, Thai, Khmer and Myanmar script get real glyphs even on a laptop with no such font."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_FAMILIES_USED = """
import json, sys
from PySide6.QtGui import QFont, QGuiApplication, QTextLayout
app = QGuiApplication(["facilitator"])
if sys.argv[1] == "register":
    from facilitator.ui.script_fonts import register_script_fonts
    register_script_fonts()
used = {}
for text in sys.argv[2:]:
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used[text] = sorted({run.rawFont().familyName() for run in layout.glyphRuns()})
print(json.dumps(used))
"""

_NAMES = {
    "ສຸກສະຫວັນ": "Noto Sans Lao",
    "สมชาย": "Noto Sans Thai",
    "សុខា": "Noto Sans Khmer",
    "အောင်": "Noto Sans Myanmar",
}


def _families_used(tmp_path: Path, mode: str) -> dict[str, list[str]]:
    """Lay the names out in a process whose fontconfig sees no system font at all."""
    fonts = tmp_path / "no-system-fonts"
    (fonts / "empty").mkdir(parents=True, exist_ok=True)
    config = fonts / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{fonts / "empty"}</dir>'
        f"<cachedir>{fonts / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", _FAMILIES_USED, mode, *_NAMES]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    used: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return used


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig decides the fonts only on Linux")
def test_shipped_fonts_draw_every_script_without_system_fonts(tmp_path: Path) -> None:
    without = _families_used(tmp_path, "plain")
    assert all(_NAMES[name] not in families for name, families in without.items())
    registered = _families_used(tmp_path, "register")
    assert registered == {name: [family] for name, family in _NAMES.items()}
