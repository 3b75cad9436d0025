"""Red-flag boards: the cards groups write, the dots they vote with, and the referral matrix.

Objective C of the workshop asks participants to name the red flags that should make a labour
inspector refer a case to the police, and the police refer one to labour officials. A board holds
one column per category (an ILO indicator, a kind of labour-rights violation, or a category a
facilitator made up); each card is one red flag as a group observed it, with the evidence to secure
and the agency to refer to.

The rules live here, free of storage and screens, so that the CLI, the GUI and the documents agree:

* merging keeps every text: the merged cards stay as they were and point at the card they joined,
  whose votes and sources are the sum of all of them;
* dot voting spends a budget per group on the whole board and, optionally, per category;
* a board in hidden mode keeps new cards off the projector until the facilitator reveals them;
* a locked board refuses every change to its cards and votes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from facilitator.core.errors import ActionRefused, InputError, NotFoundError

__all__ = [
    "DIRECTIONS",
    "LABOUR_TO_POLICE",
    "POLICE_TO_LABOUR",
    "REFERRAL_BOARDS",
    "UNSORTED",
    "UNSORTED_LABEL",
    "Board",
    "BoardSnapshot",
    "Category",
    "Dot",
    "GroupNotes",
    "MatrixSection",
    "RedFlag",
    "RedFlagCard",
    "check_card_text",
    "clean_label",
    "consolidate",
    "count_by_category",
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
    return " ".join(str(value).split())


def slug(value: str) -> str:
    """A stable lower-case identifier for a user-given name, as used on the command line."""
    characters = [c.lower() if c.isalnum() else "-" for c in clean_label(value)]
    return "-".join(part for part in "".join(characters).split("-") if part)


def check_card_text(text: str, what: str = "Red flag") -> str:
    """Refuse an empty card, and otherwise keep the text exactly as typed.

    Card text is what a group wrote, in any script, with its line breaks: it is never trimmed or
    reflowed, so that what is exported is what was said.

    Raises:
        InputError: The text is empty or only white space, or holds a NUL character.
    """
    if not text or not text.strip():
        raise InputError(f"{what}: write the red flag before adding the card.")
    if "\x00" in text:
        raise InputError(f"{what}: the text holds a NUL character; remove it and try again.")
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
        """The category a user means by a key or a label, ignoring case and spacing.

        Raises:
            NotFoundError: Nothing matches; the message lists the valid keys.
        """
        wanted = clean_label(typed).casefold()
        for category in self.categories:
            if wanted in (category.key.casefold(), clean_label(category.label).casefold()):
                return category
        if wanted in ("", UNSORTED_LABEL.casefold()):
            return self.category(UNSORTED)
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


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A card as the plenary sees it: merged cards folded in, votes summed, sources listed.

    Attributes:
        card_id: Id of the card that stands for the red flag.
        board: Board id.
        category: Category key.
        category_label: Category heading.
        core: Whether the category is a core ILO indicator.
        text: The card's own text.
        merged_texts: Texts of the cards merged into it, in the order they were written.
        evidence: Evidence to secure, from the card and its merged cards (duplicates dropped).
        refer_to: Agencies to refer to, likewise (the board's default when none was given).
        votes: Dots on the card and on every card merged into it.
        sources: Groups that wrote the card or a card merged into it.
        revealed: Whether the projector may show it.
    """

    card_id: int
    board: str
    category: str
    category_label: str
    core: bool
    text: str
    merged_texts: tuple[str, ...]
    evidence: tuple[str, ...]
    refer_to: tuple[str, ...]
    votes: int
    sources: tuple[str, ...]
    revealed: bool


@dataclass(frozen=True, slots=True)
class MatrixSection:
    """One category of the referral matrix with its red flags, most votes first."""

    board: Board
    category: Category
    flags: tuple[RedFlag, ...]


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value.strip():
            seen.setdefault(value, None)
    return tuple(seen)


@dataclass(frozen=True)
class BoardSnapshot:
    """A board with its cards and dots, as read in one go; every rule reads from one of these.

    Attributes:
        board: The board.
        cards: Every card, merged ones included, in the order they were written.
        dots: Every dot on the board.
    """

    board: Board
    cards: tuple[RedFlagCard, ...]
    dots: tuple[Dot, ...] = ()
    _by_id: dict[int, RedFlagCard] = field(init=False, repr=False, compare=False)
    _children: dict[int, list[RedFlagCard]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = {card.id: card for card in self.cards}
        children: dict[int, list[RedFlagCard]] = {}
        for card in self.cards:
            if card.merged_into is not None:
                children.setdefault(card.merged_into, []).append(card)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_children", children)

    def card(self, card_id: int) -> RedFlagCard:
        """The card with this id.

        Raises:
            NotFoundError: It is not on this board.
        """
        try:
            return self._by_id[card_id]
        except KeyError:
            raise NotFoundError(f"There is no card {card_id} on the board '{self.board.id}'.") from None

    def visible_cards(self) -> list[RedFlagCard]:
        """Cards that stand on their own (not merged into another), in the order written."""
        return [card for card in self.cards if card.merged_into is None]

    def merged_cards(self, card_id: int) -> list[RedFlagCard]:
        """Cards merged into the given card, in the order written."""
        return list(self._children.get(card_id, ()))

    def total_votes(self, card_id: int) -> int:
        """Dots on the card and on every card merged into it."""
        return self._by_id[card_id].votes + sum(c.votes for c in self._children.get(card_id, ()))

    def sources(self, card_id: int) -> tuple[str, ...]:
        """Groups that wrote the card or a card merged into it."""
        card = self._by_id[card_id]
        return _distinct([card.group, *(c.group for c in self._children.get(card_id, ()))])

    def holder(self, card_id: int) -> RedFlagCard:
        """The card that carries a card's votes: itself, or the card it was merged into."""
        card = self.card(card_id)
        return self._by_id[card.merged_into] if card.merged_into is not None else card

    def group_names(self) -> list[str]:
        """Groups that wrote cards or voted, in the order they first appear."""
        return list(_distinct([*(c.group for c in self.cards), *(d.group for d in self.dots)]))

    # Voting -------------------------------------------------------------------------------------

    def dots_spent(self, group: str, category: str | None = None) -> int:
        """Dots a group has placed on the board, or in one category (where the holder sits)."""
        if category is None:
            return sum(1 for dot in self.dots if dot.group == group)
        return sum(
            1
            for dot in self.dots
            if dot.group == group and dot.card_id in self._by_id and self.holder(dot.card_id).category == category
        )

    def dots_left(self, group: str) -> int:
        """Dots a group can still place on the board."""
        return max(0, self.board.group_budget - self.dots_spent(group))

    def check_vote(self, card_id: int, group: str) -> RedFlagCard:
        """Check that a group may place one more dot on a card; return the card that gets it.

        Raises:
            InputError: No voting group was named.
            ActionRefused: The board is locked, the card is not revealed yet, or the group has no
                dots left on the board or in the card's category.
        """
        self.board.ensure_unlocked()
        if not group:
            raise InputError("Voting group: choose which group is voting before placing a dot.")
        card = self.holder(card_id)
        if not card.revealed:
            raise ActionRefused("This card is not revealed yet. Reveal it before voting on it.")
        if self.dots_spent(group) >= self.board.group_budget:
            raise ActionRefused(
                f"{group} has used all {self.board.group_budget} dots on '{self.board.title}'. "
                "Remove a dot from another card first."
            )
        limit = self.board.category_budget
        if limit and self.dots_spent(group, card.category) >= limit:
            label = self.board.category(card.category).label
            raise ActionRefused(
                f"{group} has used all {limit} dots allowed in '{label}'. "
                "Vote in another category, or remove a dot here first."
            )
        return card

    def dot_to_remove(self, card_id: int, group: str) -> Dot:
        """The dot to take back when a group removes one from a card (or a card merged into it).

        Raises:
            ActionRefused: The board is locked, or the group has no dot on the card.
        """
        self.board.ensure_unlocked()
        holder = self.holder(card_id)
        family = {holder.id, *(c.id for c in self._children.get(holder.id, ()))}
        for dot in reversed(self.dots):
            if dot.group == group and dot.card_id in family:
                return dot
        raise ActionRefused(f"{group or 'This group'} has no dot on this card to remove.")

    # Merging ------------------------------------------------------------------------------------

    def plan_merge(self, target_id: int, source_ids: Sequence[int]) -> list[int]:
        """Which cards to point at ``target_id`` so that ``source_ids`` join it.

        Cards already merged into a source move along with it, so merging stays one level deep.

        Raises:
            ActionRefused: The board is locked, a card is merged into itself, or the target was
                itself merged into another card.
            InputError: No card to merge.
        """
        self.board.ensure_unlocked()
        target = self.card(target_id)
        if target.merged_into is not None:
            raise ActionRefused("That card is already part of another card; merge into that card instead.")
        sources = [self.holder(card_id) for card_id in source_ids]
        sources = [card for card in dict.fromkeys(sources) if card.id != target_id]
        if not sources:
            raise InputError("Merge: select at least two different cards to merge.")
        moved: list[int] = []
        for source in sources:
            moved.append(source.id)
            moved.extend(child.id for child in self._children.get(source.id, ()))
        return moved

    def red_flag(self, card_id: int) -> RedFlag:
        """One card as the plenary sees it."""
        card = self.card(card_id)
        merged = self.merged_cards(card_id)
        category = self.board.category(card.category) if card.category in self._keys() else None
        family = [card, *merged]
        return RedFlag(
            card_id=card.id,
            board=self.board.id,
            category=card.category,
            category_label=category.label if category else card.category,
            core=category.core if category else False,
            text=card.text,
            merged_texts=tuple(c.text for c in merged),
            evidence=_distinct(c.evidence for c in family),
            refer_to=_distinct(c.refer_to for c in family) or _distinct([self.board.refer_to]),
            votes=self.total_votes(card_id),
            sources=self.sources(card_id),
            revealed=card.revealed,
        )

    def _keys(self) -> set[str]:
        return {UNSORTED, *(c.key for c in self.board.categories)}

    def ranked(self, category: str | None = None, revealed_only: bool = False) -> list[RedFlag]:
        """Red flags standing on their own, most votes first (ties: first written first)."""
        flags = [
            self.red_flag(card.id)
            for card in self.visible_cards()
            if (category is None or card.category == category) and (card.revealed or not revealed_only)
        ]
        order = {card.id: index for index, card in enumerate(self.cards)}
        return sorted(flags, key=lambda flag: (-flag.votes, order[flag.card_id]))

    def with_board(self, **changes: object) -> BoardSnapshot:
        """The same cards under a board with some settings changed (for checks before a write)."""
        return BoardSnapshot(replace(self.board, **changes), self.cards, self.dots)  # type: ignore[arg-type]


def consolidate(snapshots: Iterable[BoardSnapshot], revealed_only: bool = False) -> list[MatrixSection]:
    """The plenary referral matrix: for each board, each category with its red flags ranked by votes.

    Categories keep the board's order (the six core ILO indicators are marked, not moved); cards
    still unsorted come last so that nothing written is lost from the record. Empty categories are
    kept, because an indicator nobody raised is itself worth seeing in plenary.
    """
    sections: list[MatrixSection] = []
    for snapshot in snapshots:
        by_category: dict[str, list[RedFlag]] = {}
        for flag in snapshot.ranked(revealed_only=revealed_only):
            by_category.setdefault(flag.category, []).append(flag)
        for category in snapshot.board.categories:
            sections.append(MatrixSection(snapshot.board, category, tuple(by_category.get(category.key, ()))))
        if by_category.get(UNSORTED):
            sections.append(
                MatrixSection(snapshot.board, snapshot.board.category(UNSORTED), tuple(by_category[UNSORTED]))
            )
    return sections


def count_by_category(snapshot: BoardSnapshot) -> Counter[str]:
    """How many standing cards each category holds (for column headings)."""
    return Counter(card.category for card in snapshot.visible_cards())
