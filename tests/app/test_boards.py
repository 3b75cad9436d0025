"""Board commands on a real workshop file: cards, merging, votes, hidden mode, lock, undo, reopen."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from facilitator.app import board_setup, boards
from facilitator.app.changes import BOARDS
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import open_workshop
from facilitator.core.boards import LABOUR_TO_POLICE, POLICE_TO_LABOUR
from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.user_text import strip_controls

L2P = LABOUR_TO_POLICE


def _add(session: WorkshopSession, text: str = "Gate locked at night", **kw: str) -> int:
    return boards.add_card(session, L2P, text, **{"category": "restriction-of-movement", **kw})


def test_every_new_workshop_has_both_referral_boards(empty_session: WorkshopSession) -> None:
    """An empty workshop has the two referral boards with the reference categories, core ones marked."""
    [l2p, p2l] = boards.boards(empty_session)
    assert (l2p.id, p2l.id) == (LABOUR_TO_POLICE, POLICE_TO_LABOUR)
    assert [c.key for c in l2p.categories] == [
        "abuse-of-vulnerability", "deception", "restriction-of-movement", "isolation",
        "physical-sexual-violence", "intimidation-threats", "retention-of-documents",
        "withholding-wages", "debt-bondage", "abusive-conditions", "excessive-overtime",
    ]  # fmt: skip
    assert sum(c.core for c in l2p.categories) == 6
    keys = [c.key for c in p2l.categories]
    for key in ("unpaid-wages", "excessive-hours", "unsafe-conditions", "no-contract", "recruitment-fees",
                "unlicensed-agency", "child-labour", "social-protection", "other"):  # fmt: skip
        assert key in keys
    assert boards.snapshot(empty_session, L2P).cards == ()


def test_add_card_stores_every_field(empty_session: WorkshopSession) -> None:
    """A card keeps its text, category, evidence, refer-to, group and time; the author is anonymous."""
    moment = datetime(2019, 5, 27, 10, 30, tzinfo=UTC)
    card_id = boards.add_card(
        empty_session, L2P, "Passports kept by the recruiter", category="Retention of identity documents",
        group=" Group  3 ", evidence="Photos of the safe", refer_to="Anti-trafficking police",
        clock=lambda: moment,
    )  # fmt: skip
    card = boards.snapshot(empty_session, L2P).card(card_id)
    assert (card.category, card.group, card.evidence, card.refer_to) == (
        "retention-of-documents",
        "Group 3",
        "Photos of the safe",
        "Anti-trafficking police",
    )
    assert card.author == "" and card.created == "2019-05-27T10:30:00+00:00" and card.revealed


def test_unknown_board_and_category_are_refused_with_valid_ones(empty_session: WorkshopSession) -> None:
    """A wrong board or category is refused, naming what would be accepted, and nothing is written."""
    with pytest.raises(NotFoundError, match="labour-to-police, police-to-labour"):
        boards.add_card(empty_session, "police-to-police", "x")
    with pytest.raises(NotFoundError, match="unpaid-wages"):
        boards.add_card(empty_session, POLICE_TO_LABOUR, "x", category="debt-bondage")
    with pytest.raises(InputError):
        boards.add_card(empty_session, L2P, "   ")
    assert boards.snapshot(empty_session, L2P).cards == ()


def test_edit_move_and_undo_redo(empty_session: WorkshopSession) -> None:
    """Edits and moves are saved; undo and redo step through them and announce the boards topic."""
    card_id = _add(empty_session)
    heard = []
    empty_session.subscribe(heard.append)
    boards.edit_card(empty_session, card_id, text="Gate locked\nand guarded", evidence="Guard roster")
    boards.move_card(empty_session, card_id, "isolation")
    assert empty_session.undo_label == "Move red flag to Isolation"
    empty_session.undo()
    card = boards.snapshot(empty_session, L2P).card(card_id)
    assert (card.category, card.text) == ("restriction-of-movement", "Gate locked\nand guarded")
    empty_session.undo()
    assert boards.snapshot(empty_session, L2P).card(card_id).text == "Gate locked at night"
    empty_session.redo()
    assert boards.snapshot(empty_session, L2P).card(card_id).evidence == "Guard roster"
    assert all(c.touches(BOARDS) for c in heard)


def test_merge_keeps_texts_sums_votes_and_undo_splits(empty_session: WorkshopSession) -> None:
    """Merging keeps both texts, sums the votes and lists both groups; undo restores two cards."""
    first = _add(empty_session, "Locked in", group="Group 1")
    second = _add(empty_session, "Cannot leave the site", group="Group 2")
    boards.add_dot(empty_session, first, "Group 3")
    boards.add_dot(empty_session, second, "Group 3")
    boards.add_dot(empty_session, second, "Group 4")
    boards.merge_cards(empty_session, first, [second])
    [flag] = boards.top_red_flags(empty_session, L2P, 5)
    assert (flag.text, flag.merged_texts, flag.votes) == ("Locked in", ("Cannot leave the site",), 3)
    assert flag.sources == ("Group 1", "Group 2")
    empty_session.undo()
    assert [f.votes for f in boards.top_red_flags(empty_session, L2P, 5)] == [2, 1]


def test_split_card_takes_it_out_again(empty_session: WorkshopSession) -> None:
    """A merged card can be split off with its own votes."""
    first, second = _add(empty_session, "a"), _add(empty_session, "b")
    boards.add_dot(empty_session, second, "Group 1")
    boards.merge_cards(empty_session, first, [second])
    boards.split_card(empty_session, second)
    assert [(f.card_id, f.votes) for f in boards.top_red_flags(empty_session, L2P)] == [
        (second, 1),
        (first, 0),
    ]
    with pytest.raises(ActionRefused):
        boards.split_card(empty_session, second)


def test_budgets_per_group_and_per_category(empty_session: WorkshopSession) -> None:
    """Each group spends its own dots; a per-category limit stops it within one column."""
    boards.set_budget(empty_session, L2P, 2, category_budget=1)
    a, b = _add(empty_session, "a"), _add(empty_session, "b", category="debt-bondage")
    boards.add_dot(empty_session, a, "Group 1")
    with pytest.raises(ActionRefused, match="Restriction of movement"):
        boards.add_dot(empty_session, a, "Group 1")
    boards.add_dot(empty_session, b, "Group 1")
    with pytest.raises(ActionRefused, match="all 2 dots"):
        boards.add_dot(empty_session, b, "Group 1")
    boards.add_dot(empty_session, b, "Group 2")
    boards.remove_dot(empty_session, b, "Group 1")
    state = boards.snapshot(empty_session, L2P)
    assert (state.dots_left("Group 1"), state.total_votes(b)) == (1, 1)
    with pytest.raises(InputError):
        boards.set_budget(empty_session, L2P, 0)


def test_hidden_mode_and_reveal(empty_session: WorkshopSession) -> None:
    """In hidden mode new cards stay hidden; revealing some screens them, revealing all ends the mode."""
    visible = _add(empty_session, "before")
    boards.set_hidden(empty_session, L2P, True)
    quiet = [_add(empty_session, "one"), _add(empty_session, "two")]
    state = boards.snapshot(empty_session, L2P)
    assert [c.revealed for c in state.cards] == [True, False, False]
    with pytest.raises(ActionRefused, match="not revealed"):
        boards.add_dot(empty_session, quiet[0], "Group 1")
    boards.reveal_cards(empty_session, L2P, [quiet[0]])
    boards.withdraw_cards(empty_session, L2P, [visible])
    assert [c.revealed for c in boards.snapshot(empty_session, L2P).cards] == [False, True, False]
    boards.reveal_cards(empty_session, L2P)
    state = boards.snapshot(empty_session, L2P)
    assert all(c.revealed for c in state.cards) and not state.board.hidden
    empty_session.undo()
    assert boards.board(empty_session, L2P).hidden


def test_lock_refuses_changes_until_unlocked(empty_session: WorkshopSession) -> None:
    """A locked board refuses adding, editing, voting and merging; unlocking allows them again."""
    card_id = _add(empty_session)
    boards.set_locked(empty_session, L2P, True)
    for attempt in (
        lambda: _add(empty_session),
        lambda: boards.edit_card(empty_session, card_id, text="new"),
        lambda: boards.add_dot(empty_session, card_id, "Group 1"),
        lambda: boards.delete_cards(empty_session, [card_id]),
        lambda: boards.set_budget(empty_session, L2P, 9),
    ):
        with pytest.raises(ActionRefused, match="locked"):
            attempt()
    boards.set_locked(empty_session, L2P, False)
    boards.add_dot(empty_session, card_id, "Group 1")
    assert boards.snapshot(empty_session, L2P).total_votes(card_id) == 1


def test_delete_frees_merged_cards_and_undo_restores_votes(empty_session: WorkshopSession) -> None:
    """Deleting a card that holds others lets them stand again; undo brings the card and its dots back."""
    first, second = _add(empty_session, "a"), _add(empty_session, "b")
    boards.add_dot(empty_session, first, "Group 1")
    boards.merge_cards(empty_session, first, [second])
    boards.delete_cards(empty_session, [first])
    assert [c.id for c in boards.snapshot(empty_session, L2P).visible_cards()] == [second]
    empty_session.undo()
    state = boards.snapshot(empty_session, L2P)
    assert state.total_votes(first) == 1 and state.merged_cards(first)[0].id == second


def test_state_survives_reopening(tmp_path: Path, empty_session: WorkshopSession) -> None:
    """Cards, dots, merges, modes and notes are all in the file after closing and reopening it."""
    first, second = _add(empty_session, "a", group="Group 1"), _add(empty_session, "b")
    boards.add_dot(empty_session, first, "Group 1")
    boards.merge_cards(empty_session, first, [second])
    boards.set_hidden(empty_session, POLICE_TO_LABOUR, True)
    boards.set_locked(empty_session, L2P, True)
    board_setup.save_group_notes(empty_session, L2P, "Group 1", summary="We agreed", questions="Who?")
    before = boards.snapshot(empty_session, L2P)
    path = empty_session.path
    empty_session.close()
    reopened = open_workshop(path)
    try:
        assert boards.snapshot(reopened, L2P) == before
        assert boards.board(reopened, POLICE_TO_LABOUR).hidden
        notes = board_setup.group_notes(reopened, L2P, "Group 1")
        assert (notes.summary, notes.disagreements, notes.questions) == ("We agreed", "", "Who?")
    finally:
        reopened.close()


_TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
).filter(str.strip)
_SCRIPTS = [
    "ແຮງງານຖືກບັງຄັບ ແລະ ໜີ້ສິນ",
    "ลูกจ้างถูกยึดหนังสือเดินทาง",
    "កម្មករមិនអាចចាកចេញបាន",
    "အလုပ်သမားများ လစာမရ",
    "Người lao động bị giữ hộ chiếu",
    "<b>bold?</b> &amp; &lt; 'single' \"double\" `back` \\ {braces} ${x} %s",
    "line one\nline two\r\nline three\n\n",
    "  leading and trailing spaces  ",
    "=SUM(A1:A3)",
    "工人的护照被雇主扣留 🛂",
    "x" * 100_000,
]


@pytest.mark.parametrize("text", _SCRIPTS)
def test_card_text_round_trips_exactly(tmp_path: Path, empty_session: WorkshopSession, text: str) -> None:
    """Text in any script, with markup-like characters, quotes, newlines or huge length, comes back as typed,
    also after an edit, an undo and reopening the file."""
    card_id = _add(empty_session, text, evidence=text)
    boards.edit_card(empty_session, card_id, text="changed")
    empty_session.undo()
    path = empty_session.path
    empty_session.close()
    reopened = open_workshop(path)
    try:
        card = boards.snapshot(reopened, L2P).card(card_id)
        assert (card.text, card.evidence) == (text, text)
    finally:
        reopened.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXTS)
def test_any_text_round_trips_through_the_store(empty_session: WorkshopSession, text: str) -> None:
    """Any text with something printable is stored as typed, less the control characters."""
    assume(strip_controls(text).strip())
    card_id = _add(empty_session, text)
    assert boards.snapshot(empty_session, L2P).card(card_id).text == strip_controls(text)


def test_free_board_with_custom_categories(empty_session: WorkshopSession) -> None:
    """A free board gets an id from its title and the categories given; referral boards keep theirs."""
    key = board_setup.create_board(empty_session, "Recruitment agencies", ["Licensing", "Fees", "Contracts"])
    assert key == "recruitment-agencies"
    assert board_setup.create_board(empty_session, "Recruitment agencies", ["x"]) == "recruitment-agencies-2"
    board_setup.add_category(empty_session, key, "Monitoring visits")
    board_setup.rename_category(empty_session, key, "fees", "Fees charged to workers")
    card_id = boards.add_card(empty_session, key, "Fees of 2 months' pay", category="fees")
    with pytest.raises(ActionRefused, match="still holds cards"):
        board_setup.remove_category(empty_session, key, "fees")
    board_setup.remove_category(empty_session, key, "contracts")
    board = boards.board(empty_session, key)
    assert [(c.key, c.label) for c in board.categories] == [
        ("licensing", "Licensing"),
        ("fees", "Fees charged to workers"),
        ("monitoring-visits", "Monitoring visits"),
    ]
    with pytest.raises(ActionRefused):
        board_setup.add_category(empty_session, L2P, "Something else")
    with pytest.raises(ActionRefused):
        board_setup.delete_board(empty_session, L2P)
    board_setup.delete_board(empty_session, key)
    assert key not in [b.id for b in boards.boards(empty_session)]
    empty_session.undo()
    assert boards.snapshot(empty_session, key).card(card_id).text == "Fees of 2 months' pay"


def test_group_names_come_from_cards_and_notes(empty_session: WorkshopSession) -> None:
    """Groups already used on a board are offered again, without duplicates."""
    _add(empty_session, group="Group 2")
    _add(empty_session, group="Group 1")
    _add(empty_session, group="Group 2")
    board_setup.save_group_notes(empty_session, POLICE_TO_LABOUR, "Group 5", summary="s")
    assert board_setup.group_names(empty_session, L2P) == ["Group 2", "Group 1"]
    assert "Group 5" in board_setup.group_names(empty_session)


def test_notes_save_field_by_field_and_undo(empty_session: WorkshopSession) -> None:
    """Each notes box saves on its own; undo restores the previous text."""
    board_setup.save_group_notes(empty_session, L2P, "Group 1", summary="first")
    board_setup.save_group_notes(empty_session, L2P, "Group 1", disagreements="none")
    notes = board_setup.group_notes(empty_session, L2P, "Group 1")
    assert (notes.summary, notes.disagreements) == ("first", "none")
    empty_session.undo()
    assert board_setup.group_notes(empty_session, L2P, "Group 1").disagreements == ""


def test_top_red_flags_for_the_guidelines(empty_session: WorkshopSession) -> None:
    """The guidelines draft gets the most-voted flags with evidence and the board's refer-to by default."""
    low = _add(empty_session, "low", evidence="Logbook")
    high = boards.add_card(empty_session, L2P, "high", category="debt-bondage", refer_to="Prosecutor")
    boards.add_dot(empty_session, high, "Group 1")
    flags = boards.top_red_flags(empty_session, L2P, limit=1)
    assert [(f.card_id, f.refer_to, f.core) for f in flags] == [(high, ("Prosecutor",), True)]
    second = boards.top_red_flags(empty_session, L2P, limit=5)[1]
    assert (second.card_id, second.evidence, second.refer_to) == (
        low,
        ("Logbook",),
        ("Police (anti-trafficking unit)",),
    )


def test_failed_write_leaves_nothing(empty_session: WorkshopSession) -> None:
    """A refused command writes nothing and adds no undo step."""
    _add(empty_session)
    label = empty_session.undo_label
    with pytest.raises(NotFoundError):
        boards.merge_cards(empty_session, 999, [1])
    assert empty_session.undo_label == label
    with sqlite3.connect(empty_session.path) as raw:
        assert raw.execute("SELECT count(*) FROM boards_cards").fetchone()[0] == 1


def test_board_reader_matches_a_full_read_and_keeps_unchanged_cards(empty_session: WorkshopSession) -> None:
    """After any mix of commands and undo, the incremental reader equals a full read, and cards that
    did not change are the same objects as before."""
    from facilitator.app.board_reader import BoardReader

    reader = BoardReader(empty_session, L2P)
    ids = [_add(empty_session, f"card {n}") for n in range(5)]
    first = reader.read()
    boards.add_dot(empty_session, ids[0], "Group 1")
    boards.edit_card(empty_session, ids[1], text="edited")
    boards.merge_cards(empty_session, ids[2], [ids[3]])
    empty_session.undo()
    boards.delete_cards(empty_session, [ids[4]])
    second = reader.read()
    assert second == boards.snapshot(empty_session, L2P)
    assert second.card(ids[2]) is first.card(ids[2])
    assert second.card(ids[1]).text == "edited" and second.total_votes(ids[0]) == 1
