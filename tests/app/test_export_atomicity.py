"""Every export replaces the previous document only once the new one is whole: a writer that fails
halfway, or a process killed while it writes, leaves the previous export byte for byte."""

from __future__ import annotations

import csv
import errno
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from facilitator.app import boards, roster
from facilitator.app.exports import EXPORT_KINDS, export_document
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop

_KINDS = [(kind.key, suffix) for kind in EXPORT_KINDS.values() for suffix in kind.suffixes]

#: What a reader of each format sees first.
_MAGIC = {".pdf": b"%PDF", ".xlsx": b"PK", ".docx": b"PK", ".csv": b""}

_PEOPLE = (
    {
        "name": "Souphaphone Keomany",
        "native_name": "ສຸພາພອນ ແກ້ວມະນີ (ນ.)",
        "sex": "F",
        "delegation": "LA",
        "sector": "labour",
        "organisation": "Ministry of Labour and Social Welfare – Dept. 2",
    },
    {"name": "Somchai Jaidee-3", "native_name": "สมชาย ใจดี-3.", "sex": "M", "delegation": "TH"},
    {"name": "Sok Chan [2]", "native_name": "សុខ ចាន់ [២]", "sex": "F", "delegation": "KH"},
    {"name": "Daw Khin Myo Thu", "native_name": "ဒေါ်ခင်မျိုးသူ (၁၉၇၅)", "sex": "F", "delegation": "MM"},
)

_PREVIOUS = b"previous export, printed and checked at 08:15 \xe0\xba\xa5\xe0\xba\xb2\n" * 40


@pytest.fixture
def session(sample_session: WorkshopSession) -> WorkshopSession:
    """The sample workshop with names in Lao, Thai, Khmer and Myanmar script and a card in Thai."""
    for person in _PEOPLE:
        roster.add_participant(sample_session, **person)
    boards.add_card(sample_session, "labour-to-police", "นายจ้างยึดหนังสือเดินทาง (3 คน) – ห้อง 2.")
    return sample_session


def _export(session: WorkshopSession, kind: str, target: Path) -> None:
    if kind == "roster":
        roster.export_roster(session, target)
    else:
        export_document(session, kind, target)


def _write_half(data: bytes, output: Any) -> None:
    """Write the first half of a document where its library would write it, then fail."""
    half = data[: len(data) // 2]
    if hasattr(output, "write"):
        output.write(half)
    else:
        with open(output, "wb") as handle:
            handle.write(half)
    raise OSError(errno.ENOSPC, "No space left on device")


class _HalfCsvWriter:
    """A CSV writer that writes the header, then fails on the rows."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Any) -> Any:
        return self._writer.writerow(row)

    def writerows(self, rows: Any) -> None:
        for row in rows:
            self._writer.writerow(row)
            break
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def disk_full_halfway(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document writer (reportlab, openpyxl, python-docx, csv, our streamed XLSX) writes half
    its output and then fails, as on a full USB stick."""
    from docx.document import Document
    from openpyxl.workbook.workbook import Workbook
    from reportlab.pdfbase.pdfdoc import PDFDocument

    real_workbook_save, real_docx_save, real_csv_writer = Workbook.save, Document.save, csv.writer

    def save_pdf(self: Any, filename: Any, canvas: Any) -> None:
        data = self.GetPDFData(canvas)
        _write_half(data.encode("latin-1") if isinstance(data, str) else data, filename)

    def save_workbook(self: Any, filename: Any) -> None:
        buffer = io.BytesIO()
        real_workbook_save(self, buffer)
        _write_half(buffer.getvalue(), filename)

    def save_docx(self: Any, path_or_stream: Any) -> None:
        buffer = io.BytesIO()
        real_docx_save(self, buffer)
        _write_half(buffer.getvalue(), path_or_stream)

    real_zip_close = zipfile.ZipFile.close

    def close_zip(self: zipfile.ZipFile) -> None:
        # The board workbook is streamed straight into a zip file on disk (no openpyxl).
        writing_a_file = self.mode == "w" and isinstance(self.filename, str) and self.fp is not None
        real_zip_close(self)
        if writing_a_file:
            _write_half(Path(str(self.filename)).read_bytes(), self.filename)

    monkeypatch.setattr(zipfile.ZipFile, "close", close_zip)
    monkeypatch.setattr(PDFDocument, "SaveToFile", save_pdf)
    monkeypatch.setattr(Workbook, "save", save_workbook)
    monkeypatch.setattr(Document, "save", save_docx)
    monkeypatch.setattr(
        csv, "writer", lambda *args, **kwargs: _HalfCsvWriter(real_csv_writer(*args, **kwargs))
    )


@pytest.mark.parametrize(
    ("kind", "suffix"),
    [
        *_KINDS,
        ("roster", ".csv"),
        # pandas leaves its own handle on the file open when the save fails; Python closes it
        # later with a ResourceWarning that says nothing about the export.
        pytest.param(
            "roster",
            ".xlsx",
            marks=pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
        ),
    ],
)
@pytest.mark.usefixtures("disk_full_halfway")
def test_export_failing_halfway_keeps_the_previous_file(
    session: WorkshopSession, tmp_path: Path, kind: str, suffix: str
) -> None:
    """A writer failing after some bytes leaves the previous export intact and no temporary file."""
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"ລາວ-{kind}.day1{suffix}"
    target.write_bytes(_PREVIOUS)
    with pytest.raises(OSError, match="No space left"):
        _export(session, kind, target)
    assert target.read_bytes() == _PREVIOUS
    assert [p.name for p in folder.iterdir()] == [target.name]


@pytest.mark.parametrize(("kind", "suffix"), [*_KINDS, ("roster", ".csv"), ("roster", ".xlsx")])
def test_export_replaces_the_previous_file_when_whole(
    session: WorkshopSession, tmp_path: Path, kind: str, suffix: str
) -> None:
    """A normal export takes the previous file's place and leaves nothing else in the folder."""
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"{kind}{suffix}"
    target.write_bytes(_PREVIOUS)
    _export(session, kind, target)
    written = target.read_bytes()
    assert written != _PREVIOUS and len(written) > 100
    assert written.startswith(_MAGIC[suffix])
    assert [p.name for p in folder.iterdir()] == [target.name]


_EXPORTER = """
import sys
from pathlib import Path
from facilitator.app.exports import export_document
from facilitator.app.session import WorkshopSession
reader = WorkshopSession.open_reader(Path(sys.argv[1]))
export_document(reader, "name-tags", Path(sys.argv[2]))
"""


def _roster_file(path: Path, count: int) -> Path:
    """A registration file of ``count`` people whose names mix scripts, dots, dashes and digits."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Full name", "Name in own script", "Sex", "Country", "Agency"])
        for number in range(count):
            person = _PEOPLE[number % len(_PEOPLE)]
            writer.writerow(
                [
                    f"{person['name']} {number}",
                    f"{person['native_name']} {number}",
                    person["sex"],
                    person["delegation"],
                    "Ministry of Labour",
                ]
            )
    return path


def _changed(target: Path, before: os.stat_result, folder: Path, names: set[str]) -> bool:
    after = target.stat()
    touched = (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)
    return touched or any(p.name not in names for p in folder.iterdir())


def test_kill_while_writing_name_tags_keeps_the_previous_export(tmp_path: Path) -> None:
    """SIGKILL the moment a 1,000-badge export starts writing leaves the previous export intact."""
    workshop = tmp_path / "workshop" / "luang-prabang.sqlite"
    session = create_workshop(workshop)
    roster.import_roster(session, _roster_file(tmp_path / "registrations.csv", 1000))
    session.close()
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "name-tags.pdf"
    target.write_bytes(_PREVIOUS)
    before, names = target.stat(), {target.name}
    process = subprocess.Popen([sys.executable, "-c", _EXPORTER, str(workshop), str(target)])
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if _changed(target, before, folder, names):
            break
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    returncode = process.wait()
    assert returncode == -signal.SIGKILL, "the export ended before the kill; the test proves nothing"
    assert target.read_bytes() == _PREVIOUS
    leftovers = [p.name for p in folder.iterdir() if p.name != target.name]
    assert all(name.startswith(".name-tags.partial-") and name.endswith(".pdf") for name in leftovers)
