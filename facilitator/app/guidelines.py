"""Guidelines commands: sections, key actions, merging, status, versions, triggers and export.

Rapporteurs add their group's key actions, the facilitator merges duplicates and marks them agreed,
deferred or still proposed, and "new version" numbers the draft (v0.1, v0.2 …) before it is sent
round. Every command validates, then writes in one transaction, so undo and redo come for free.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from facilitator import paths
from facilitator.app import boards
from facilitator.app.changes import GUIDELINES, Changes
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core import guidelines as model
from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.guidelines import GuidelinesDraft, KeyAction, ReferralTrigger, Version
from facilitator.core.reference import Recommendation, load_reference
from facilitator.core.user_text import clean_line, strip_controls
from facilitator.core.wording import counted
from facilitator.storage import guidelines_store as store

__all__ = [
    "DEFAULT_TRIGGER_LIMIT",
    "PulledTriggers",
    "add_action",
    "add_section",
    "draft",
    "edit_action",
    "edit_section_text",
    "export_guidelines",
    "merge_actions",
    "move_action",
    "move_section",
    "new_version",
    "pull_referral_triggers",
    "recommendations",
    "remove_actions",
    "remove_section",
    "remove_triggers",
    "rename_section",
    "set_status",
    "set_title",
]


#: How many red flags per board "pull referral triggers" brings in unless told otherwise.
DEFAULT_TRIGGER_LIMIT = 8


def draft(session: WorkshopSession) -> GuidelinesDraft:
    """The whole guidelines draft."""
    return store.load_draft(session.connection)


def recommendations(session: WorkshopSession) -> tuple[Recommendation, ...]:
    """The Manila recommendations a key action may link to."""
    return load_reference(paths.resources_dir() / "reference").recommendations


def _known_ids(session: WorkshopSession) -> list[str]:
    return [r.id for r in recommendations(session)]


def _clean_title(title: str, what: str = "Section title") -> str:
    title = clean_line(title)
    if not title:
        raise InputError(f"{what}: a title cannot be empty.")
    return title


def set_title(session: WorkshopSession, title: str) -> Changes:
    """Change the title printed on the draft."""
    title = _clean_title(title, "Draft title")
    if title == draft(session).title:
        return Changes()
    with session.action("Change draft title", [GUIDELINES]) as conn:
        store.set_title(conn, title)
    return session.last_changes


def add_section(session: WorkshopSession, title: str, after: int | None = None) -> int:
    """Add a section at the end of the outline, or just after section ``after``; returns its id."""
    title = _clean_title(title)
    current = [s.id for s in draft(session).sections]
    if after is not None and after not in current:
        raise NotFoundError(f"No guidelines section has id {after}.")
    with session.action(f"Add section {title}", [GUIDELINES]) as conn:
        section_id = store.insert_section(conn, title)
        if after is not None:
            current.insert(current.index(after) + 1, section_id)
            store.set_positions(conn, "guidelines_sections", current)
    return section_id


def rename_section(session: WorkshopSession, section_id: int, title: str) -> Changes:
    """Change a section's heading."""
    title = _clean_title(title)
    section = store.load_section(session.connection, section_id)
    if section.title == title:
        return Changes()
    with session.action(f"Rename section {section.title}", [GUIDELINES]) as conn:
        store.update_section(conn, section_id, title=title)
    return session.last_changes


def edit_section_text(session: WorkshopSession, section_id: int, text: str) -> Changes:
    """Replace a section's narrative text (trailing spaces trimmed, paragraphs kept)."""
    text = "\n".join(line.rstrip() for line in strip_controls(text).strip().splitlines())
    section = store.load_section(session.connection, section_id)
    if section.body == text:
        return Changes()
    label = f"Edit text of {section.title}"
    with session.action(label, [GUIDELINES]) as conn:
        store.update_section(conn, section_id, body=text)
    return session.last_changes


def remove_section(session: WorkshopSession, section_id: int) -> Changes:
    """Remove a section with its key actions and triggers (undo brings them back)."""
    section = store.load_section(session.connection, section_id)
    label = f"Remove section {section.title}"
    with session.action(label, [GUIDELINES]) as conn:
        store.delete_section(conn, section_id)
        remaining = [s.id for s in store.load_draft(conn).sections]
        store.set_positions(conn, "guidelines_sections", remaining)
    return session.last_changes


def _moved(ids: list[int], item: int, offset: int) -> list[int]:
    index = ids.index(item)
    target = max(0, min(len(ids) - 1, index + offset))
    ids.insert(target, ids.pop(index))
    return ids


def move_section(session: WorkshopSession, section_id: int, offset: int) -> Changes:
    """Move a section up (negative offset) or down the outline."""
    section = store.load_section(session.connection, section_id)
    before = [s.id for s in draft(session).sections]
    after = _moved(list(before), section_id, offset)
    if after == before:
        return Changes()
    label = f"Move section {section.title}"
    with session.action(label, [GUIDELINES]) as conn:
        store.set_positions(conn, "guidelines_sections", after)
    return session.last_changes


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def add_action(session: WorkshopSession, section_id: int, action: str, **fields: object) -> int:
    """Add a key action at the end of a section; returns its id.

    Args:
        section_id: Section it belongs to.
        action: What is to be done.
        **fields: Any of lead_agency, partners, timeframe, recommendations (ids, as text or a
            list), source_group, status.
    """
    cleaned = model.clean_action_fields({"action": action, **fields}, _known_ids(session))
    section = store.load_section(session.connection, section_id)
    new = KeyAction(id=0, section_id=section.id, position=0, **cleaned)  # type: ignore[arg-type]
    with session.action(f"Add key action “{_short(new.action)}”", [GUIDELINES]) as conn:
        return store.insert_action(conn, new)


def edit_action(session: WorkshopSession, action_id: int, **fields: object) -> Changes:
    """Change some fields of a key action."""
    cleaned = model.clean_action_fields(fields, _known_ids(session))
    current = store.load_action(session.connection, action_id)
    updated = replace(current, **cleaned)  # type: ignore[arg-type]
    if updated == current:
        return Changes()
    names = [model.ACTION_FIELD_LABELS[f].lower() for f in cleaned]
    label = f"Edit {names[0]} of key action" if len(names) == 1 else "Edit key action"
    with session.action(label, [GUIDELINES]) as conn:
        store.update_action(conn, updated)
    return session.last_changes


def _load_actions(session: WorkshopSession, ids: Iterable[int]) -> list[KeyAction]:
    unique = list(dict.fromkeys(ids))
    return [store.load_action(session.connection, i) for i in unique]


def _renumber(conn: sqlite3.Connection, section_ids: Iterable[int]) -> None:
    current = store.load_draft(conn)
    for section_id in set(section_ids):
        store.set_positions(conn, "guidelines_actions", [a.id for a in current.actions_in(section_id)])


def remove_actions(session: WorkshopSession, ids: Iterable[int]) -> Changes:
    """Remove key actions."""
    actions = _load_actions(session, ids)
    if not actions:
        return Changes()
    label = "Remove key action" if len(actions) == 1 else f"Remove {len(actions)} key actions"
    with session.action(label, [GUIDELINES]) as conn:
        store.delete_actions(conn, [a.id for a in actions])
        _renumber(conn, [a.section_id for a in actions])
    return session.last_changes


def move_action(
    session: WorkshopSession, action_id: int, offset: int = 0, section_id: int | None = None
) -> Changes:
    """Move a key action up or down its section, or to the end of another section."""
    action = store.load_action(session.connection, action_id)
    current = draft(session)
    if section_id is not None and section_id != action.section_id:
        target = store.load_section(session.connection, section_id)
        label = f"Move key action to {target.title}"
        order = [a.id for a in current.actions_in(section_id)] + [action_id]
        with session.action(label, [GUIDELINES]) as conn:
            store.set_positions(conn, "guidelines_actions", order, section_id=section_id)
            _renumber(conn, [action.section_id])
        return session.last_changes
    before = [a.id for a in current.actions_in(action.section_id)]
    after = _moved(list(before), action_id, offset)
    if after == before:
        return Changes()
    with session.action("Move key action", [GUIDELINES]) as conn:
        store.set_positions(conn, "guidelines_actions", after)
    return session.last_changes


def merge_actions(session: WorkshopSession, ids: Iterable[int], text: str | None = None) -> int:
    """Merge duplicate key actions into the first one given; returns its id.

    The first action keeps its place and wording (unless ``text`` gives new wording); the others
    are removed after their agencies, groups and recommendations are folded in.

    Raises:
        InputError: Fewer than two actions were chosen.
    """
    actions = _load_actions(session, ids)
    if len(actions) < 2:
        raise InputError("Merge: choose at least two key actions to merge.")
    kept, others = actions[0], actions[1:]
    merged = model.merge_actions(kept, others, text)
    with session.action(f"Merge {len(actions)} key actions", [GUIDELINES]) as conn:
        store.delete_actions(conn, [a.id for a in others])
        store.update_action(conn, merged)
        _renumber(conn, [a.section_id for a in actions])
    return kept.id


def set_status(session: WorkshopSession, ids: Iterable[int], status: str) -> Changes:
    """Mark key actions proposed, agreed or deferred."""
    cleaned = str(model.clean_action_fields({"status": status}, ())["status"])
    actions = [a for a in _load_actions(session, ids) if a.status != cleaned]
    if not actions:
        return Changes()
    word = model.STATUS_LABELS[cleaned].lower()
    label = f"Mark key action {word}" if len(actions) == 1 else f"Mark {len(actions)} key actions {word}"
    with session.action(label, [GUIDELINES]) as conn:
        for action in actions:
            store.update_action(conn, replace(action, status=cleaned))
    return session.last_changes


def new_version(
    session: WorkshopSession, note: str = "", major: bool = False, today: date | None = None
) -> Version:
    """Number a new version of the draft (v0.2 after v0.1, or v1.0 with ``major``), dated today.

    Args:
        note: What changed since the last version.
        major: Step the major number (a version adopted by the participants).
        today: The date to record; injectable for tests.
    """
    current = draft(session)
    label = model.next_version_label([v.label for v in current.versions], major)
    day = today or date.today()
    last = current.current_version
    if last is not None and last.created > day:
        raise ActionRefused(
            f"New version: {last.label} is dated {last.created:%d %B %Y}, after today; check the "
            "computer's date."
        )
    with session.action(f"New version {label}", [GUIDELINES]) as conn:
        version_id = store.insert_version(conn, label, day, clean_line(note))
    return Version(version_id, label, day, clean_line(note))


@dataclass(frozen=True, slots=True)
class PulledTriggers:
    """What "pull referral triggers" brought into the draft.

    Attributes:
        sections: For each trigger section, its title and how many red flags it now lists
            (0 when its board had no votes, in which case the section was left as it was).
    """

    sections: tuple[tuple[str, int], ...]

    @property
    def message(self) -> str:
        """One line for a status bar or the CLI."""
        parts = [
            f"{counted(count, 'red flag')} into {title}"
            if count
            else f"nothing into {title} (no votes on its board yet)"
            for title, count in self.sections
        ]
        return "Pulled " + "; ".join(parts) + "."


def pull_referral_triggers(session: WorkshopSession, limit: int = DEFAULT_TRIGGER_LIMIT) -> PulledTriggers:
    """Bring the top-voted red flags of each referral board, with evidence and refer-to, into its
    trigger section.

    A pull replaces the triggers pulled before, so it can be repeated after more votes. A section
    whose board has no votes yet keeps what it had.

    Raises:
        InputError: ``limit`` is below 1.
        ActionRefused: No section takes triggers, or no red flag has a vote yet.
    """
    if limit < 1:
        raise InputError("Number of red flags: pull at least 1.")
    sections = [s for s in draft(session).sections if s.is_trigger_section]
    if not sections:
        raise ActionRefused("No section of the draft takes referral triggers; the outline has none.")
    found: dict[int, list[ReferralTrigger]] = {}
    for section in sections:
        try:
            flags = boards.top_red_flags(session, section.board, limit)
        except NotFoundError:
            flags = []
        found[section.id] = [
            ReferralTrigger(
                id=0,
                section_id=section.id,
                position=0,
                red_flag=flag.text,
                category=flag.category_label,
                evidence="; ".join(flag.evidence),
                refer_to=", ".join(flag.refer_to),
                votes=flag.votes,
                groups=", ".join(flag.sources),
            )
            for flag in flags
            if flag.votes > 0
        ]
    if not any(found.values()):
        raise ActionRefused(
            "No red flag on the referral boards has a vote yet. Run the dot vote on the boards first."
        )
    with session.action("Pull referral triggers", [GUIDELINES]) as conn:
        for section in sections:
            if found[section.id]:
                store.delete_triggers(conn, section_id=section.id)
                for trigger in found[section.id]:
                    store.insert_trigger(conn, trigger)
    return PulledTriggers(tuple((s.title, len(found[s.id])) for s in sections))


def remove_triggers(session: WorkshopSession, ids: Iterable[int]) -> Changes:
    """Take referral triggers out of the draft (the red flags stay on their boards)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return Changes()
    label = "Remove referral trigger" if len(ids) == 1 else f"Remove {len(ids)} referral triggers"
    current = draft(session)
    known = {t.id: t.section_id for t in current.triggers}
    missing = [i for i in ids if i not in known]
    if missing:
        raise NotFoundError(f"No referral trigger has id {missing[0]}.")
    with session.action(label, [GUIDELINES]) as conn:
        store.delete_triggers(conn, ids=ids)
        for section_id in {known[i] for i in ids}:
            remaining = [t.id for t in current.triggers_in(section_id) if t.id not in ids]
            store.set_positions(conn, "guidelines_triggers", remaining)
    return session.last_changes


def export_guidelines(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Write the draft as PDF, or as DOCX when ``output`` ends in ``.docx``."""
    data = draft(session)
    known = recommendations(session)
    if Path(output).suffix.lower() == ".docx":
        from facilitator.documents.guidelines_docx import write_guidelines_docx

        return write_guidelines_docx(output, session.info, data, known, options.progress)
    from facilitator.documents.guidelines_pdf import write_guidelines_pdf

    return write_guidelines_pdf(output, session.info, data, known, options.progress)
