"""Reading registration lists in the shapes secretariats send them."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.errors import InputError, RosterImportError
from facilitator.storage.roster_file import read_table

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
