"""The pieces of a board: its settings and columns, the cards, the dots and the group notes."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.user_text import clean_line, strip_controls

__all__ = [
    "DIRECTIONS",
    "LABOUR_TO_POLICE",
    "POLICE_TO_LABOUR",
    "REFERRAL_BOARDS",
    "UNSORTED",
    "UNSORTED_LABEL",
    "Board",
    "Category",
    "Dot",
    "GroupNotes",
    "RedFlagCard",
    "check_card_text",
    "clean_label",
    "slug",
]

LABOUR_TO_POLICE = "labour-to-police"
POLICE_TO_LABOUR = "police-to-labour"
#: The two boards every workshop has, in the order the plenary discusses them.
REFERRAL_BOARDS: tuple[str, ...] = (LABOUR_TO_POLICE, POLICE_TO_LABOUR)
#: Board kinds: a referral direction, or ``""`` for a free board.
DIRECTIONS: tuple[str, ...] = (*REFERRAL_BOARDS, "")

#: Category key of cards written before anyone sorted them (silent writing often starts this way).
UNSORTED = ""
UNSORTED_LABEL = "Not yet sorted"


def clean_label(value: str) -> str:
    """A one-line name (group, category, agency) with runs of white space collapsed."""
    return clean_line(value)


def slug(value: str) -> str:
    """A stable lower-case identifier for a user-given name, as used on the command line."""
    characters = [c.lower() if c.isalnum() else "-" for c in clean_label(value)]
    return "-".join(part for part in "".join(characters).split("-") if part)


def check_card_text(text: str, what: str = "Red flag") -> str:
    """Refuse an empty card, and otherwise keep the text as typed, less its control characters.

    Card text is what a group wrote, in any script, with its line breaks: it is never trimmed or
    reflowed, so that what is exported is what was said. Control characters (a pasted ``\\x01``)
    say nothing and would make the board's workbook unreadable, so they are not stored.

    Raises:
        InputError: The text is empty, or only white space and control characters.
    """
    text = strip_controls(text)
    if not text.strip():
        raise InputError(f"{what}: write the red flag before adding the card.")
    return text


@dataclass(frozen=True, slots=True)
class Category:
    """One column of a board.

    Attributes:
        key: Identifier used on the command line (``debt-bondage``).
        label: Column heading.
        core: One of the six core ILO indicators on which the Manila recommendations ask that
            evidence be identified and secured.
        description: What belongs in the column, shown as a tooltip.
    """

    key: str
    label: str
    core: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class Board:
    """A board and its settings.

    Attributes:
        id: Identifier used on the command line (``labour-to-police``).
        title: Heading on screen and in documents.
        direction: ``labour-to-police``, ``police-to-labour``, or ``""`` for a free board.
        description: The question the board asks.
        refer_to: Agency a red flag on this board is referred to unless a card says otherwise.
        categories: Columns, in display order.
        hidden: Hidden mode: new cards stay off the projector until revealed.
        locked: Cards and votes can no longer change.
        group_budget: Dots each group may place on the whole board.
        category_budget: Dots each group may place in one category; 0 for no such limit.
    """

    id: str
    title: str
    direction: str = ""
    description: str = ""
    refer_to: str = ""
    categories: tuple[Category, ...] = ()
    hidden: bool = False
    locked: bool = False
    group_budget: int = 5
    category_budget: int = 0

    @property
    def is_referral(self) -> bool:
        """Whether this is one of the two referral boards every workshop has."""
        return self.direction in REFERRAL_BOARDS

    def category(self, key: str) -> Category:
        """The category with this key (``""`` for the unsorted column).

        Raises:
            NotFoundError: No such category; the message lists the valid keys.
        """
        if key == UNSORTED:
            return Category(UNSORTED, UNSORTED_LABEL)
        for category in self.categories:
            if category.key == key:
                return category
        raise NotFoundError(
            f"'{key}' is not a category of the board '{self.id}'. "
            f"Valid categories: {', '.join(c.key for c in self.categories)}."
        )

    def find_category(self, typed: str) -> Category:
        """The category a user means by its key, its label, or a part of either.

        Case and spacing are ignored. A whole key or label wins; otherwise the one category whose
        key or label contains the text ("debt" for "Debt bondage"). The board page's category box,
        ``facilitator board add --category`` and every other way in accept the same text because
        they all ask this method.

        Raises:
            NotFoundError: Nothing matches, or the text is part of several names; the message
                lists the valid keys or the candidates.
        """
        wanted = clean_label(typed).casefold()
        if wanted in ("", UNSORTED_LABEL.casefold()):
            return self.category(UNSORTED)
        for category in self.categories:
            if wanted in (category.key.casefold(), clean_label(category.label).casefold()):
                return category
        partial = [
            category
            for category in self.categories
            if wanted in category.key.casefold() or wanted in clean_label(category.label).casefold()
        ]
        if len(partial) == 1:
            return partial[0]
        if partial:
            raise NotFoundError(
                f"'{clean_label(typed)}' is part of several categories of the board '{self.id}': "
                f"{', '.join(c.label for c in partial)}. Type more of the name."
            )
        return self.category(clean_label(typed))

    def ensure_unlocked(self) -> None:
        """Refuse a change to cards or votes on a locked board.

        Raises:
            ActionRefused: The board is locked.
        """
        if self.locked:
            raise ActionRefused(f"The board '{self.title}' is locked. Unlock it to change cards or votes.")


@dataclass(frozen=True, slots=True)
class RedFlagCard:
    """One red flag as a group wrote it.

    Attributes:
        id: Database id.
        board: Id of the board it is on.
        category: Category key, ``""`` while unsorted.
        text: The red flag as observed, exactly as typed.
        evidence: Evidence to identify and secure.
        refer_to: Agency to refer to; empty means the board's default.
        group: Label of the group that wrote it ("Group 3"), empty when written in plenary.
        author: Who wrote it; empty (anonymous) unless the writer asked to be named.
        created: ISO 8601 time it was written.
        revealed: Whether the projector may show it.
        merged_into: Id of the card this one was merged into, or None.
        votes: Dots placed on this card itself (not counting merged cards).
        revision: Raised by every change to the card, so that a screen can re-read only the
            cards that changed.
    """

    id: int
    board: str
    category: str
    text: str
    evidence: str = ""
    refer_to: str = ""
    group: str = ""
    author: str = ""
    created: str = ""
    revealed: bool = True
    merged_into: int | None = None
    votes: int = 0
    revision: int = 0


@dataclass(frozen=True, slots=True)
class Dot:
    """One dot a group placed on a card."""

    card_id: int
    group: str


@dataclass(frozen=True, slots=True)
class GroupNotes:
    """A rapporteur's notes for one group on one board, exported beside the group's cards."""

    board: str
    group: str
    summary: str = ""
    disagreements: str = ""
    questions: str = ""

    @property
    def is_empty(self) -> bool:
        """Whether nothing has been written yet."""
        return not (self.summary.strip() or self.disagreements.strip() or self.questions.strip())
