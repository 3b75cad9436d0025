"""The guidelines draft every new workshop starts with: the default outline, v0.1, and for the
Luang Prabang sample a few proposed key actions."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from facilitator import paths
from facilitator.core.guidelines import KeyAction
from facilitator.storage import guidelines_store as store

__all__ = ["create_default_guidelines"]


def _read_json(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def create_default_guidelines(conn: sqlite3.Connection, sample: bool) -> None:
    """New-workshop step: the default outline and v0.1, plus the sample's key actions.

    The outline comes from ``resources/reference/guidelines_outline.json`` so that a workshop on
    another theme can ship its own.
    """
    outline = _read_json(paths.resources_dir() / "reference" / "guidelines_outline.json")
    content: dict[str, object] = (
        _read_json(paths.resources_dir() / "sample" / "guidelines.json") if sample else {}
    )
    store.set_title(conn, str(outline.get("title", "Guidelines")))
    filled: dict[str, dict[str, object]] = content.get("sections", {})  # type: ignore[assignment]
    for entry in outline["sections"]:  # type: ignore[attr-defined]
        extra = filled.get(entry["key"], {})
        section_id = store.insert_section(
            conn,
            entry["title"],
            key=entry["key"],
            body=str(extra.get("body", "")),
            hint=entry.get("hint", ""),
            board=entry.get("board", ""),
        )
        for values in extra.get("actions", []):  # type: ignore[attr-defined]
            store.insert_action(
                conn,
                KeyAction(
                    id=0,
                    section_id=section_id,
                    position=0,
                    **{**values, "recommendations": tuple(values.get("recommendations", ()))},
                ),
            )
    version: dict[str, str] = content.get("version", {})  # type: ignore[assignment]
    store.insert_version(
        conn,
        version.get("label", "v0.1"),
        date.fromisoformat(version["created"]) if "created" in version else date.today(),
        version.get("note", "Outline"),
    )
