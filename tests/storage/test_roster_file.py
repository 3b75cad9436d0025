"""Reading registration lists in the shapes secretariats send them."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.errors import InputError, RosterImportError
from facilitator.core.roster_import import plan_import
from facilitator.storage.roster_file import read_table
from facilitator.storage.roster_limits import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS
from facilitator.storage.roster_text import detect_delimiter

CSV = "Full name,Sex,Country,Agency\nNguyễn Thị Thu Hà,F,Viet Nam,MOLISA\nSomchai,M,Thailand,DSI\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")],
)
def test_unicode_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    """UTF-8 with or without BOM and UTF-16 with BOM read the same."""
    path = tmp_path / "list.csv"
    path.write_bytes(prefix + CSV.encode(encoding))
    table = read_table(path)
    assert table.headers == ("Full name", "Sex", "Country", "Agency")
    assert table.rows[0][0] == "Nguyễn Thị Thu Hà"
    assert table.row_numbers == (2, 3)


def test_cp1252_from_excel(tmp_path: Path) -> None:
    """Excel's Windows CSV (cp1252) keeps accented names."""
    path = tmp_path / "list.csv"
    path.write_bytes("Name;Sex\nMarc-André Tremblay;M\n".encode("cp1252"))
    table = read_table(path)
    assert table.rows == (("Marc-André Tremblay", "M"),)


def test_title_rows_above_header_and_blank_rows(tmp_path: Path) -> None:
    """The header is found below title rows; row numbers stay those of the spreadsheet."""
    path = tmp_path / "list.csv"
    path.write_text("Registration list\nLuang Prabang 2019\n\nName,Gender,Delegation\nAna,F,PH\n\nBen,M,TH\n")
    table = read_table(path)
    assert table.header_row == 4
    assert table.rows == (("Ana", "F", "PH"), ("Ben", "M", "TH"))
    assert table.row_numbers == (5, 7)


def test_tsv(tmp_path: Path) -> None:
    """Tab-separated files are read by their extension."""
    path = tmp_path / "list.tsv"
    path.write_text("Name\tSex\nAna, Maria\tF\n")
    assert read_table(path).rows == (("Ana, Maria", "F"),)


def test_xlsx_with_title_row(tmp_path: Path) -> None:
    """An Excel sheet with a title row above the header reads with real row numbers."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Workshop registration"])
    sheet.append([])
    sheet.append(["Full name", "Sex", "Country"])
    sheet.append(["ສຸກສະຫວັນ ພົມມະຈັນ", "Female", "Lao PDR"])
    sheet.append([12345, "M", "Laos"])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.header_row == 3
    assert table.rows[0] == ("ສຸກສະຫວັນ ພົມມະຈັນ", "Female", "Lao PDR")
    assert table.rows[1][0] == "12345"
    assert table.row_numbers == (4, 5)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n\n  \n", "empty"),
        ("garbage.csv", bytes(range(256)) * 20, "binary"),
        ("fake.xlsx", b"this is not excel", "not a valid Excel"),
        ("list.pdf", b"%PDF-1.4", "unknown file type"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    """Empty, binary and mislabelled files get a message naming the file."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RosterImportError, match=message) as caught:
        read_table(path)
    assert name in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist is named in the message."""
    with pytest.raises(InputError, match="no such file"):
        read_table(tmp_path / "nowhere.csv")


_DATA = Path(__file__).resolve().parent.parent / "data"
_CORPUS = json.loads((_DATA / "roster" / "expected.json").read_text(encoding="utf-8"))["files"]
_HOSTILE = json.loads((_DATA / "hostile" / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", sorted(_CORPUS))
def test_corpus_of_real_exports_gives_the_expected_roster(name: str) -> None:
    """Each export (form tools, Excel in several locales and encodings, typed lists) imports as expected."""
    expected = _CORPUS[name]
    table = read_table(_DATA / "roster" / name)
    plan = plan_import(table)
    assert table.header_row == expected["header_row"]
    if "problems" in expected:
        assert [str(p) for p in plan.problems] == expected["problems"]
        return
    assert plan.ok, plan.problems
    people = [[p.name, p.native_name, p.sex, p.delegation, p.sector, p.email] for p in plan.participants]
    assert people == expected["people"]
    notes = [str(n.message) for n in plan.notes]
    for wanted in expected["notes_include"]:
        assert any(note.startswith(wanted) for note in notes), wanted


def test_corpus_has_a_dozen_realistic_exports() -> None:
    """The corpus keeps at least twelve importable exports beside the refused ones."""
    assert sum("people" in entry for entry in _CORPUS.values()) >= 12


@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_files_are_read_or_refused_with_their_place_named(name: str) -> None:
    """Each hostile file is read, or refused whole with the expected message naming the file."""
    expected = _HOSTILE[name]
    path = _DATA / "hostile" / name
    if "rows" in expected:
        assert len(read_table(path).rows) == expected["rows"]
        return
    with pytest.raises(RosterImportError) as refused:
        read_table(path)
    assert [str(p) for p in refused.value.problems] == expected["refused"]
    assert name in str(refused.value)


def test_a_value_beyond_the_row_limit_is_refused_by_name(tmp_path: Path) -> None:
    """An XLSX value past the last row read names the row and the limit."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Name", "Sex"])
    workbook.active.cell(row=MAX_ROWS + 1, column=1, value="late")
    path = tmp_path / "long.xlsx"
    workbook.save(path)
    with pytest.raises(RosterImportError, match=f"row {MAX_ROWS + 1}, column 'A': a value lies beyond row"):
        read_table(path)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A file over the size limit is refused by its size, without parsing it."""
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(RosterImportError, match="MB Facilitator reads"):
        read_table(path)


def test_a_million_delimiters_on_one_line_is_refused_quickly(tmp_path: Path) -> None:
    """A line of a million empty cells is read as blank, and one of a million values is refused by
    the column limit, each in well under a few seconds (it took 190 s and 4.2 GB)."""
    path = tmp_path / "wide.csv"
    path.write_bytes(b"Name,Sex\nAna,F\n" + b"," * 1_000_000 + b"\n")
    started = time.perf_counter()
    assert read_table(path).rows == (("Ana", "F"),)
    path.write_bytes(b"Name,Sex\n" + b"a," * 1_000_000 + b"\n")
    with pytest.raises(RosterImportError, match="more than the 256 columns"):
        read_table(path)
    assert time.perf_counter() - started < 4


def _detection_time(size: int) -> float:
    """Best of three timings of delimiter detection on crafted quoted fields of ``size`` characters."""
    text = "Name,Sex\n" + ('"a",' * (size // 4)) + "\n" + ('a"' * (size // 4)) + "\n"
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        detect_delimiter(text)
        best = min(best, time.perf_counter() - started)
    return best


def test_delimiter_detection_stays_linear() -> None:
    """Eight times the text takes well under 64 times as long (quadratic), as csv.Sniffer did."""
    small, large = _detection_time(6_000), _detection_time(48_000)
    assert large < max(small, 1e-4) * 24


_CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=6),
    ending=st.sampled_from(["\n", "\r\n", "\r", "mixed"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp874"]),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    long_cell=st.sampled_from([0, MAX_CELL_CHARS + 1, 131_073]),
)
def test_generated_text_files_never_give_a_traceback(
    tmp_path: Path, rows: list[list[str]], ending: str, encoding: str, delimiter: str, long_cell: int
) -> None:
    """Any generated CSV (endings, encodings, delimiters, cell lengths) is read or refused cleanly."""
    lines = [
        delimiter.join('"' + c.replace('"', '""') + '"' for c in row) for row in [["Name", "Sex"], *rows]
    ]
    if long_cell:
        lines.append("x" * long_cell + delimiter + "F")
    endings = ["\n", "\r\n", "\r"]
    text = "".join(line + (endings[i % 3] if ending == "mixed" else ending) for i, line in enumerate(lines))
    path = tmp_path / "generated.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    try:
        table = read_table(path)
    except RosterImportError as refused:
        assert refused.problems and "generated.csv" in str(refused)
        return
    assert all(len(row) == len(table.headers) for row in table.rows)
    plan_import(table)


def _workbook_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Full name", "Sex", "Country"])
    for index in range(30):
        workbook.active.append([f"Person {index} ສົມໃຈ", "F" if index % 2 else "M", "Lao PDR"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_WORKBOOK = _workbook_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(0, len(_WORKBOOK)),
    flips=st.lists(st.tuples(st.integers(0, len(_WORKBOOK) - 1), st.integers(1, 255)), max_size=8),
)
def test_damaged_workbooks_never_give_a_traceback(
    tmp_path: Path, cut: int, flips: list[tuple[int, int]]
) -> None:
    """A truncated or bit-flipped XLSX is read or refused with the file named, never a traceback."""
    data = bytearray(_WORKBOOK[: max(cut, len(_WORKBOOK) // 2)])
    for offset, mask in flips:
        if offset < len(data):
            data[offset] ^= mask
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    try:
        table = read_table(path)
    except RosterImportError as refused:
        assert "damaged.xlsx" in str(refused)
        return
    plan_import(table)


def test_the_apostrophe_guarding_a_formula_like_value_is_dropped(tmp_path: Path) -> None:
    """ "'+856 20…" from an export reads back as "+856 20…"; a name starting with an apostrophe stays."""
    path = tmp_path / "export.csv"
    path.write_text("Name,Position\n'Ofa Tupou,'=Director\n'-Dash,'+856 20 555\n", encoding="utf-8")
    assert read_table(path).rows == (("'Ofa Tupou", "=Director"), ("-Dash", "+856 20 555"))
