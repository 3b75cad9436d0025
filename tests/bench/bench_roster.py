"""Benchmarks of the roster import (issues 13, 14); run: ``pytest tests/bench/bench_roster.py -s``.

- A 2,000-row update (1,900 unchanged, 80 changed, 20 new) previewed (read + checked) in under 1 s
  and applied in under 0.5 s.
- Any roster file up to 10 MB, hostile ones included, accepted or refused in under 5 s and under
  500 MB; each file is read in a fresh process whose peak memory (VmHWM) is reported.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from facilitator.app import roster
from facilitator.app.workshops import create_workshop

_HEADERS = ["No.", "Full name", "Sex", "Country", "Ministry / Agency", "Designation", "E-mail address"]
_COUNTRIES = ["Brunei", "Cambodia", "Indonesia", "Lao PDR", "Malaysia", "Myanmar", "Philippines",
              "Singapore", "Thailand", "Timor-Leste", "Viet Nam"]  # fmt: skip


def _rows(count: int, changed: int = 0, offset: int = 0) -> list[list[str]]:
    rows = []
    for i in range(count):
        position = "Deputy Director" if i < changed else "Labour Inspector"
        name = f"Participant {i + offset:04d} Nguyễn"
        sex = "F" if i % 2 else "M"
        rows.append(
            [
                str(i + 1),
                name,
                sex,
                _COUNTRIES[i % 11],
                "Ministry of Labour",
                position,
                f"p{i + offset}@example.org",
            ]
        )
    return rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(_HEADERS)
        writer.writerows(rows)
    return path


def test_update_of_2000_rows(tmp_path: Path) -> None:
    """1,980 people on the roster; the update changes 80, keeps 1,900 and adds 20."""
    session = create_workshop(tmp_path / "w.sqlite")
    roster.import_roster(session, _write(tmp_path / "first.csv", _rows(1980)))
    update = _rows(1980, changed=80) + _rows(20, offset=5000)
    source = _write(tmp_path / "update.csv", update)
    started = time.perf_counter()
    plan = roster.prepare_import(session, roster.read_import_file(source))
    previewed = time.perf_counter() - started
    assert (len(plan.participants), len(plan.updates), len(plan.unchanged)) == (20, 80, 1900)
    started = time.perf_counter()
    roster.apply_import(session, plan, str(source), replace=False)
    applied = time.perf_counter() - started
    session.close()
    print(f"\n2,000-row update: preview {previewed * 1000:.0f} ms (target < 1000), "
          f"apply {applied * 1000:.0f} ms (target < 500)")  # fmt: skip
    assert previewed < 1.0 and applied < 0.5


_READER = """
import sys, time
from pathlib import Path
from facilitator.core.errors import RosterImportError
from facilitator.storage.roster_file import read_table
started = time.perf_counter()
try:
    outcome = f"read {len(read_table(Path(sys.argv[1])).rows)} rows"
except RosterImportError as error:
    outcome = "refused: " + str(error.problems[0])[:90]
elapsed = time.perf_counter() - started
# VmHWM, not ru_maxrss: on Linux ru_maxrss keeps the parent's peak across exec.
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(elapsed, peak / 1024, outcome)
"""


def _hostile_files(folder: Path) -> dict[str, Path]:
    """Files of about 10 MB that used to take minutes or gigabytes, and ordinary big ones."""
    ten = 10 * 1024 * 1024
    files = {}
    files["ordinary.csv"] = _write(folder / "ordinary.csv", _rows(9_000))
    code_page = folder / "cp1252_9000_rows.csv"
    code_page.write_bytes(
        ("Name;Sex;Remarks\n" + "".join(f"Zoë Müller {i};F;{'é' * 1100}\n" for i in range(9_000))).encode(
            "cp1252"
        )
    )
    files[code_page.name] = code_page
    wide = folder / "million_delimiters.csv"
    wide.write_bytes(b"Name,Sex\n" + b"," * (ten - 20) + b"\n")
    files[wide.name] = wide
    crafted = folder / "sniffer_crafted.csv"
    crafted.write_bytes(b"Name,Sex\n" + b'"a",' * ((ten - 20) // 4) + b"\n")
    files[crafted.name] = crafted
    long = folder / "long_cells.csv"
    long.write_bytes(b"Name,Sex\n" + (b"x" * 200_000 + b",F\n") * 50)
    files[long.name] = long
    cr = folder / "cr_only.csv"
    cr.write_bytes(b"Name,Sex,Country\r" + b"Ana Reyes,F,Philippines\r" * (ten // 24))
    files[cr.name] = cr
    far = folder / "far_cell.xlsx"
    far.write_bytes(
        (Path(__file__).parents[1] / "data" / "hostile" / "far_cell_xfd1048576.xlsx").read_bytes()
    )
    files[far.name] = far
    bomb = folder / "sheet_bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet r:id="x"/></sheets></workbook>'
        )
        rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Person {i}</t></is></c></row>'
                       for i in range(1, 9_000))  # fmt: skip
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f"<worksheet><sheetData>{rows}{' ' * 200_000_000}</sheetData></worksheet>",
        )
    files[bomb.name] = bomb
    return files


def test_ten_megabyte_files_are_answered_quickly_and_in_little_memory(tmp_path: Path) -> None:
    """Each ~10 MB file is read or refused in under 5 s and 500 MB, in its own process."""
    results = {}
    for name, path in _hostile_files(tmp_path).items():
        done = subprocess.run(
            [sys.executable, "-c", _READER, str(path)], capture_output=True, text=True, check=True
        )
        seconds, megabytes, outcome = done.stdout.split(" ", 2)
        results[name] = (float(seconds), float(megabytes))
        print(f"\n{name:24} {path.stat().st_size / 1e6:6.1f} MB  {float(seconds):6.2f} s  "
              f"peak {float(megabytes):6.0f} MB  {outcome.strip()}")  # fmt: skip
    (tmp_path / "results.json").write_text(json.dumps(results))
    assert all(seconds < 5 and megabytes < 500 for seconds, megabytes in results.values())
