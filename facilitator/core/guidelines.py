"""The guidelines draft: sections with narrative text, key actions, referral triggers and versions.

Objective D of the workshop asks participants for guidelines and key actions that improve
cooperation between labour administrations and law enforcement. Rapporteurs propose actions for
their group, the facilitator merges duplicates and marks them agreed or deferred, and the draft
leaves the room as a versioned document (v0.1, v0.2 …) that officials keep editing in Word.

Everything here is plain data and pure functions; storage and commands live elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from facilitator.core.errors import InputError, NotFoundError
from facilitator.core.user_text import clean_line
from facilitator.core.wording import counted

__all__ = [
    "ACTION_FIELDS",
    "ACTION_FIELD_LABELS",
    "STATUSES",
    "STATUS_LABELS",
    "GuidelinesDraft",
    "KeyAction",
    "ReferralTrigger",
    "Section",
    "Version",
    "clean_action_fields",
    "merge_actions",
    "merge_lists",
    "next_version_label",
    "parse_recommendations",
]

STATUSES: tuple[str, ...] = ("proposed", "agreed", "deferred")
STATUS_LABELS: dict[str, str] = {"proposed": "Proposed", "agreed": "Agreed", "deferred": "Deferred"}

#: Editable fields of a key action, in the order of tables and exports.
ACTION_FIELDS: tuple[str, ...] = (
    "action",
    "lead_agency",
    "partners",
    "timeframe",
    "recommendations",
    "source_group",
    "status",
)
ACTION_FIELD_LABELS: dict[str, str] = {
    "action": "Key action",
    "lead_agency": "Lead agency",
    "partners": "Partners",
    "timeframe": "Timeframe",
    "recommendations": "Manila recommendation",
    "source_group": "Source group",
    "status": "Status",
}

_VERSION = re.compile(r"^v(\d+)\.(\d+)$")
_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True, slots=True)
class Section:
    """One section of the outline.

    Attributes:
        id: Stored id.
        position: Order in the outline, from 0.
        key: Stable name of a default section ("" for one the user added).
        title: Heading.
        body: Narrative text, paragraphs separated by blank lines.
        hint: What the section is for, shown while it is still empty (never exported).
        board: For a referral-trigger section, the board whose top red flags it takes.
    """

    id: int
    position: int
    key: str
    title: str
    body: str = ""
    hint: str = ""
    board: str = ""

    @property
    def is_trigger_section(self) -> bool:
        """Whether red flags can be pulled into this section."""
        return bool(self.board)


@dataclass(frozen=True, slots=True)
class KeyAction:
    """A proposed key action.

    Attributes:
        id: Stored id.
        section_id: The section it belongs to.
        position: Order within its section, from 0.
        action: What is to be done, as one sentence.
        lead_agency: Who leads it.
        partners: Who else takes part, separated by commas or semicolons.
        timeframe: When, in the group's words ("by end of 2019", "within 6 months").
        recommendations: Ids of linked Manila recommendations (e.g. ``("S3R13",)``).
        source_group: The breakout group or groups that proposed it.
        status: ``proposed``, ``agreed`` or ``deferred``.
    """

    id: int
    section_id: int
    position: int
    action: str
    lead_agency: str = ""
    partners: str = ""
    timeframe: str = ""
    recommendations: tuple[str, ...] = ()
    source_group: str = ""
    status: str = "proposed"

    @property
    def recommendations_label(self) -> str:
        """Linked recommendations as printed, e.g. "S3R12, S4R2"."""
        return ", ".join(self.recommendations)


@dataclass(frozen=True, slots=True)
class ReferralTrigger:
    """A red flag pulled from a board into a referral-trigger section.

    Attributes:
        id: Stored id.
        section_id: The trigger section it belongs to.
        position: Order within the section (most votes first when pulled).
        red_flag: The red flag as observed.
        category: Label of its indicator or labour-rights category.
        evidence: Evidence to secure.
        refer_to: Whom to refer the case to.
        votes: Dot votes it received.
        groups: Groups that raised it.
    """

    id: int
    section_id: int
    position: int
    red_flag: str
    category: str = ""
    evidence: str = ""
    refer_to: str = ""
    votes: int = 0
    groups: str = ""


@dataclass(frozen=True, slots=True)
class Version:
    """A numbered version of the draft.

    Attributes:
        id: Stored id.
        label: "v0.1", "v0.2" …
        created: The day it was made.
        note: What changed, in a few words.
    """

    id: int
    label: str
    created: date
    note: str = ""


@dataclass(frozen=True, slots=True)
class GuidelinesDraft:
    """The whole draft, as read in one go for a page or a document.

    Attributes:
        title: The document's title.
        sections: Sections in outline order.
        actions: Every key action.
        triggers: Every pulled referral trigger.
        versions: Versions, oldest first.
    """

    title: str
    sections: tuple[Section, ...]
    actions: tuple[KeyAction, ...]
    triggers: tuple[ReferralTrigger, ...]
    versions: tuple[Version, ...]

    @property
    def current_version(self) -> Version | None:
        """The newest version, which documents print."""
        return self.versions[-1] if self.versions else None

    def section(self, section_id: int) -> Section | None:
        """A section by id."""
        return next((s for s in self.sections if s.id == section_id), None)

    def find_section(self, reference: str) -> Section:
        """A section named by its number in the outline (from 1), its key or its title.

        Raises:
            NotFoundError: Nothing matches; the message lists the sections.
        """
        wanted = " ".join(reference.split()).casefold()
        if wanted.isdigit() and 1 <= int(wanted) <= len(self.sections):
            return self.sections[int(wanted) - 1]
        for section in self.sections:
            if wanted in (section.key.casefold(), section.title.casefold()):
                return section
        listing = ", ".join(f"{i} ({s.key or s.title})" for i, s in enumerate(self.sections, start=1))
        raise NotFoundError(f"Section '{reference}' does not exist; use a number or key: {listing}.")

    def actions_in(self, section_id: int) -> list[KeyAction]:
        """A section's key actions in order."""
        return sorted((a for a in self.actions if a.section_id == section_id), key=lambda a: a.position)

    def triggers_in(self, section_id: int) -> list[ReferralTrigger]:
        """A section's referral triggers in order."""
        return sorted((t for t in self.triggers if t.section_id == section_id), key=lambda t: t.position)

    def status_counts(self) -> dict[str, int]:
        """Key actions per status, every status present."""
        counts = dict.fromkeys(STATUSES, 0)
        for action in self.actions:
            counts[action.status] += 1
        return counts

    @property
    def status_summary(self) -> str:
        """One sentence for documents, e.g. "11 key actions: 2 agreed, 8 proposed, 1 deferred."."""
        counts = self.status_counts()
        total = len(self.actions)
        if not total:
            return "No key actions have been proposed yet."
        parts = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
        return f"{counted(total, 'key action')}: {parts}."

    @property
    def is_empty(self) -> bool:
        """Whether nothing has been written yet (no text, actions or triggers)."""
        return not self.actions and not self.triggers and not any(s.body.strip() for s in self.sections)


def merge_lists(*values: str) -> str:
    """Join comma- or semicolon-separated lists, dropping repeats regardless of case.

    Two groups naming "Labour inspectorate; Police" and "police, immigration" become
    "Labour inspectorate, Police, immigration": the first spelling of each name wins.
    """
    seen: dict[str, str] = {}
    for value in values:
        for part in _LIST_SEPARATORS.split(value.strip()):
            if part and part.casefold() not in seen:
                seen[part.casefold()] = part
    return ", ".join(seen.values())


def parse_recommendations(value: str | Iterable[str], known: Sequence[str]) -> tuple[str, ...]:
    """Read recommendation ids ("s3r12; S4R2") and check each against the known list.

    Raises:
        InputError: An id is not one of ``known``; the message lists the valid ones.
    """
    parts = _LIST_SEPARATORS.split(value.strip()) if isinstance(value, str) else list(value)
    by_fold = {k.casefold(): k for k in known}
    result: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        found = by_fold.get(part.casefold())
        if found is None:
            raise InputError(f"Manila recommendation: '{part}' is not known; use one of {', '.join(known)}.")
        if found not in result:
            result.append(found)
    return tuple(result)


def clean_action_fields(values: dict[str, object], known_recommendations: Sequence[str]) -> dict[str, object]:
    """Normalise edited key-action fields, or explain which one is wrong.

    Raises:
        InputError: Unknown field, empty action text, unknown status or recommendation.
    """
    cleaned: dict[str, object] = {}
    for field, value in values.items():
        if field not in ACTION_FIELDS:
            raise InputError(f"'{field}' is not a key-action field; use one of {', '.join(ACTION_FIELDS)}.")
        if field == "recommendations":
            ids = value if isinstance(value, tuple | list) else str(value)
            cleaned[field] = parse_recommendations(ids, known_recommendations)
        elif field == "status":
            status = clean_line(value).casefold()
            if status not in STATUSES:
                raise InputError(f"Status: '{value}' is not a status; use one of {', '.join(STATUSES)}.")
            cleaned[field] = status
        elif field == "action":
            text = clean_line(value)
            if not text:
                raise InputError("Key action: describe the action in a sentence; it cannot be empty.")
            cleaned[field] = text
        else:
            cleaned[field] = clean_line(value)
    return cleaned


def merge_actions(kept: KeyAction, others: Sequence[KeyAction], text: str | None = None) -> KeyAction:
    """Fold duplicate actions into one, losing no agency, group or recommendation.

    The kept action's wording, lead agency and timeframe win (the facilitator may give new
    wording); empty fields are filled from the others; partners, linked recommendations and
    source groups are united. The result is agreed if any of them was, so that merging never
    silently undoes an agreement.
    """
    group = [kept, *others]
    lead = kept.lead_agency or next((a.lead_agency for a in others if a.lead_agency), "")
    timeframe = kept.timeframe or next((a.timeframe for a in others if a.timeframe), "")
    recommendations: list[str] = []
    for action in group:
        recommendations += [r for r in action.recommendations if r not in recommendations]
    partners = merge_lists(*(a.partners for a in group))
    if lead:
        partners = ", ".join(p for p in _LIST_SEPARATORS.split(partners) if p.casefold() != lead.casefold())
    status = "agreed" if any(a.status == "agreed" for a in group) else kept.status
    wording = clean_line(text) if text is not None else kept.action
    if not wording:
        raise InputError("Key action: the merged action needs wording; it cannot be empty.")
    return replace(
        kept,
        action=wording,
        lead_agency=lead,
        partners=partners,
        timeframe=timeframe,
        recommendations=tuple(recommendations),
        source_group=merge_lists(*(a.source_group for a in group)),
        status=status,
    )


def next_version_label(labels: Iterable[str], major: bool = False) -> str:
    """The label after the highest existing one: v0.1 → v0.2, or v1.0 for a major step.

    Labels that do not read as ``vN.M`` are ignored, so a hand-named version never blocks numbering.
    """
    numbers = [(int(m[1]), int(m[2])) for m in (_VERSION.match(label) for label in labels) if m]
    if not numbers:
        return "v1.0" if major else "v0.1"
    high_major, high_minor = max(numbers)
    return f"v{high_major + 1}.0" if major else f"v{high_major}.{high_minor + 1}"
