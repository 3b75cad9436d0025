"""Workshop files: created, recognised, upgraded, and refused when they must be."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.core.errors import (
    DamagedWorkshopError,
    NewerVersionError,
    NotAWorkshopError,
    WorkshopFileError,
    WorkshopLockedError,
)
from facilitator.storage import migrations
from facilitator.storage.database import APPLICATION_ID, WorkshopDatabase


def test_new_file_is_marked_upgraded_and_in_wal_mode(tmp_path: Path) -> None:
    """A new workshop carries the application id, the latest schema and WAL journaling."""
    database = WorkshopDatabase.create(tmp_path / "w.sqlite")
    conn = database.connection
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    database.close()


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing file is never overwritten."""
    path = tmp_path / "w.sqlite"
    path.write_text("keep me")
    with pytest.raises(WorkshopFileError, match="already exists"):
        WorkshopDatabase.create(path)
    assert path.read_text() == "keep me"


def test_text_file_is_not_a_workshop_and_is_left_untouched(tmp_path: Path) -> None:
    """A file that is not SQLite is refused without a write."""
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"\x00\x01garbage" * 100)
    before = path.read_bytes()
    with pytest.raises(NotAWorkshopError, match="not a Facilitator workshop"):
        WorkshopDatabase.open(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    """Another program's SQLite database is not written to."""
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAWorkshopError):
        WorkshopDatabase.open(path)
    assert path.read_bytes() == before


def test_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    """A file from a newer version says so and is not changed."""
    path = tmp_path / "w.sqlite"
    WorkshopDatabase.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersionError, match="newer version"):
        WorkshopDatabase.open(path)
    assert path.read_bytes() == before


def test_locked_file_gets_a_clear_message(tmp_path: Path) -> None:
    """While another program holds the write lock, opening says the file is in use."""
    path = tmp_path / "w.sqlite"
    WorkshopDatabase.create(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(WorkshopLockedError, match="in use by another program"):
            WorkshopDatabase.open(path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_old_file_is_upgraded_by_registered_migrations(tmp_path: Path) -> None:
    """A version-0 workshop file gains every table of the current schema on open."""
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    database = WorkshopDatabase.open(path)
    tables = {r[0] for r in database.connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "participants"} <= tables
    assert database.connection.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    database.close()


def test_migrations_are_numbered_without_gaps() -> None:
    """Every version from 1 to the latest has exactly one registered migration."""
    assert sorted(migrations.MIGRATIONS) == list(range(1, migrations.LATEST_VERSION + 1))


def test_failed_transaction_writes_nothing(tmp_path: Path) -> None:
    """An action that fails half-way leaves the file as it was."""
    database = WorkshopDatabase.create(tmp_path / "w.sqlite")
    with pytest.raises(RuntimeError), database.transaction() as conn:
        conn.execute("INSERT INTO participants (name) VALUES ('A')")
        raise RuntimeError("boom")
    assert database.connection.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    database.close()


def _version_1_file(path: Path) -> None:
    """A workshop file as the first release wrote it, with people and a check-in."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    migrations.MIGRATIONS[1](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.executemany(
        "INSERT INTO participants (id, name, delegation) VALUES (?, ?, ?)",
        [(1, "ທ. ສົມໃຈ (Somchai)", "LA"), (2, "พ.ต.ท. สมชาย", "TH"), (3, "Maria Villanueva-Santos", "PH")],
    )
    conn.execute(
        "INSERT INTO checkin_scans (participant_id, day, scanned_at, method) "
        "VALUES (2, 1, '2019-05-27', 'scan')"
    )
    conn.execute("COMMIT")
    conn.close()


def test_version_1_file_keeps_its_rows_and_never_reuses_an_id_after_upgrade(tmp_path: Path) -> None:
    """Upgrading keeps every person and check-in; the highest id, once removed, is not handed out again."""
    path = tmp_path / "v1.sqlite"
    _version_1_file(path)
    database = WorkshopDatabase.open(path)
    conn = database.connection
    assert conn.execute("SELECT id, name FROM participants ORDER BY id").fetchall()[1] == (2, "พ.ต.ท. สมชาย")
    assert conn.execute("SELECT participant_id FROM checkin_scans").fetchall() == [(2,)]
    with database.transaction():
        conn.execute("DELETE FROM participants WHERE id = 3")
        conn.execute("INSERT INTO participants (name) VALUES ('Newcomer')")
    assert conn.execute("SELECT id FROM participants WHERE name = 'Newcomer'").fetchone()[0] == 4
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    database.close()


def test_no_table_hands_out_an_id_twice() -> None:
    """Every table of a new workshop numbers its rows with AUTOINCREMENT (the timer's single row aside)."""
    conn = sqlite3.connect(":memory:")
    for version in sorted(migrations.MIGRATIONS):
        migrations.MIGRATIONS[version](conn)
    plain = [
        name
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if "PRIMARY KEY" in sql and "AUTOINCREMENT" not in sql and "CHECK (id = 1)" not in sql
    ]
    assert plain == []


def test_damaged_file_is_refused_untouched_with_the_way_out(tmp_path: Path) -> None:
    """A workshop whose pages were overwritten is refused as damaged, not as foreign, and is not written."""
    path = tmp_path / "w.sqlite"
    database = WorkshopDatabase.create(path)
    with database.transaction() as conn:
        conn.executemany("INSERT INTO participants (name) VALUES (?)", [(f"P {i}",) for i in range(3000)])
    database.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 600] = b"\xff" * 600
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedWorkshopError, match=r"damaged.*newest good backup"):
        WorkshopDatabase.open(path)
    assert path.read_bytes() == bytes(data)


def test_a_file_from_before_check_in_gets_a_secret_on_upgrade_and_keeps_an_existing_one(
    tmp_path: Path,
) -> None:
    """A file without a secret gets one on upgrade (read-only exports print codes); one is never replaced."""
    path = tmp_path / "v1.sqlite"
    _version_1_file(path)
    WorkshopDatabase.open(path).close()
    reader = WorkshopDatabase.open_reader(path)
    (secret,) = reader.connection.execute("SELECT secret FROM checkin_secret").fetchone()
    reader.close()
    assert len(bytes.fromhex(secret)) == 32
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    database = WorkshopDatabase.open(path)
    assert database.connection.execute("SELECT secret FROM checkin_secret").fetchall() == [(secret,)]
    database.close()
