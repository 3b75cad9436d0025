"""Group rules that outlive a round (keep-apart pairs) and the sample workshop's rounds."""

from __future__ import annotations

import json
import sqlite3

from facilitator import paths
from facilitator.app.changes import GROUPS, Changes
from facilitator.app.group_views import round_request
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import InputError
from facilitator.core.grouping import proofs_to_text
from facilitator.core.participants import Participant
from facilitator.storage import agenda_store, groups_store, roster_store

__all__ = ["add_keep_apart", "groups_workshop_step", "keep_apart_pairs", "remove_keep_apart"]


def _name(session: WorkshopSession, participant_id: int) -> str:
    return roster_store.load_participant(session.connection, participant_id).name


def keep_apart_pairs(session: WorkshopSession) -> list[tuple[Participant, Participant]]:
    """Every keep-apart pair as participants."""
    roster = {p.id: p for p in roster_store.load_participants(session.connection)}
    return [
        (roster[a], roster[b])
        for a, b in groups_store.load_apart(session.connection)
        if a in roster and b in roster
    ]


def add_keep_apart(session: WorkshopSession, first: int, second: int) -> Changes:
    """Keep two people out of the same group in every round formed from now on."""
    if first == second:
        raise InputError("Keep apart: choose two different people.")
    names = [_name(session, pid) for pid in (first, second)]
    label = f"Keep {names[0]} and {names[1]} apart"
    with session.action(label, [GROUPS]) as conn:
        groups_store.add_apart(conn, first, second)
    return session.last_changes


def remove_keep_apart(session: WorkshopSession, first: int, second: int) -> Changes:
    """Drop a keep-apart pair."""
    label = "Drop keep-apart pair"
    with session.action(label, [GROUPS]) as conn:
        groups_store.remove_apart(conn, first, second)
    return session.last_changes


def groups_workshop_step(conn: sqlite3.Connection, sample: bool) -> None:
    """New-workshop step: the sample's breakout rounds, linked to its breakout sessions.

    The sample's groups are stored ready-made in ``resources/sample/groups.json`` (formed by this
    solver with the seeds given there, with what it proved and where each group meets) so that
    creating the sample stays instant.
    """
    if not sample:
        return
    data = json.loads((paths.resources_dir() / "sample" / "groups.json").read_text(encoding="utf-8"))
    items = {item.title: item.id for item in agenda_store.load_items(conn) if item.kind == "breakout"}
    roster = {p.id: p for p in roster_store.load_participants(conn)}
    for position, spec in enumerate(data["rounds"]):
        item = next((i for title, i in items.items() if title.startswith(spec["agenda"])), None)
        round_id = groups_store.insert_round(conn, spec["name"], position, spec["mode"], spec["seed"], item)
        groups = spec["groups"]
        names = [f"Group {n + 1}" for n in range(len(groups))]
        groups_store.replace_groups(conn, round_id, groups, names, places=spec["places"])
        stored = groups_store.load_round(conn, round_id)
        request = round_request(conn, stored, groups, frozenset(), roster)
        proofs = proofs_to_text(request, len(groups), spec["proofs"])
        groups_store.update_round(conn, round_id, mode=spec["mode"], seed=spec["seed"], proofs=proofs)
