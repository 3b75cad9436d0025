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

from facilitator.core.boards._matrix import (
    GroupOutput,
    MatrixSection,
    consolidate,
    count_by_category,
    group_outputs,
)
from facilitator.core.boards._model import (
    DIRECTIONS,
    LABOUR_TO_POLICE,
    POLICE_TO_LABOUR,
    REFERRAL_BOARDS,
    UNSORTED,
    UNSORTED_LABEL,
    Board,
    Category,
    Dot,
    GroupNotes,
    RedFlagCard,
    check_card_text,
    clean_label,
    slug,
)
from facilitator.core.boards._snapshot import BoardSnapshot, RedFlag

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
    "GroupOutput",
    "MatrixSection",
    "RedFlag",
    "RedFlagCard",
    "check_card_text",
    "clean_label",
    "consolidate",
    "count_by_category",
    "group_outputs",
    "slug",
]
