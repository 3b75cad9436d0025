"""A board read in one go, and the rules that need all of it: votes, budgets, merging, ranking."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from facilitator.core.boards._model import UNSORTED, Board, Dot, RedFlagCard
from facilitator.core.errors import ActionRefused, InputError, NotFoundError

__all__ = ["BoardSnapshot", "RedFlag"]


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
        merged_into: For a card that joined another, that card's id (its votes count there).
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
    merged_into: int | None = None


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

    def has_merged(self, card_id: int) -> bool:
        """Whether any card was merged into the given card."""
        return card_id in self._children

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
            if dot.group == group
            and dot.card_id in self._by_id
            and self.holder(dot.card_id).category == category
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
            merged_into=card.merged_into,
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
