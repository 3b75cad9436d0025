"""How a member and a group's balance look: sector-coloured chips and coloured balance badges.

A chip is filled with a tint of the member's sector colour, carries a bold edge for the sector,
the sex as ♀ or ♂ and the delegation code at the right, an "F" or "R" badge for the group's
facilitator and rapporteur, a dark pin mark when the member is pinned, and an amber "late" tag
when they joined after the round was formed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.core.grouping import OK, OVER, UNDER, Balance
from facilitator.core.participants import Participant
from facilitator.ui.groups.models import LATE_ROLE, PERSON_ROLE, PINNED_ROLE
from facilitator.ui.item_index import Index

__all__ = [
    "LATE_COLOUR",
    "SECTOR_COLOURS",
    "STATUS_COLOURS",
    "MemberChipDelegate",
    "balance_badges",
    "delegation_code",
    "sector_colour",
]

SECTOR_COLOURS = {
    "labour": "#2563eb",
    "law-enforcement": "#c2410c",
    "asean": "#7c3aed",
    "partner": "#0f766e",
    "organiser": "#6b7280",
}
#: Marks a person who joined late, on the page and on the wall.
LATE_COLOUR = "#d97706"
#: Badge colours: inside the fair share, outside it, and a lone member.
STATUS_COLOURS = {OK: "#1a7f37", UNDER: "#b42318", OVER: "#b42318", "lone": "#b54708"}
_SEX_MARKS = {"F": "♀", "M": "♂"}
_SHORT = {
    "size": "people",
    "sex:F": "women",
    "sex:M": "men",
    "sector:labour": "labour",
    "sector:law-enforcement": "law enf.",
    "sector:other": "other",
    "role:facilitator": "facilitator",
    "role:rapporteur": "rapporteur",
}
_CHIP_HEIGHT = 26


def sector_colour(sector: str) -> str:
    """The colour of a sector (grey when not given)."""
    return SECTOR_COLOURS.get(sector, "#6b7280")


#: Longest one-word delegation shown whole on a chip ("ASEAN-ACT"); longer ones end in "…".
_CODE_LENGTH = 9


def delegation_code(delegation: str) -> str:
    """A short mark for a delegation: the country code, a short name as is, or initials."""
    words = delegation.split()
    if len(words) == 1:
        return delegation if len(delegation) <= _CODE_LENGTH else delegation[: _CODE_LENGTH - 1] + "…"
    return "".join(word[0] for word in words if word[:1].isupper())[:5] or delegation[:4]


def balance_badges(balances: tuple[Balance, ...], group: int) -> str:
    """Rich text of one group's counts, each coloured by whether it is inside its fair share."""
    parts = []
    for balance in balances:
        status = balance.status(group)
        count = balance.counts[group]
        if balance.key.startswith("delegation:"):
            if status == OK:
                continue
            text = f"{balance.key.split(':', 1)[1]} ×{count}"
        else:
            text = f"{count} {_SHORT[balance.key]}"
        colour = STATUS_COLOURS[status]
        if status == OK and balance.lone_rule and count == 1:
            colour = STATUS_COLOURS["lone"]
        band = f"{balance.low}–{balance.high}" if balance.low != balance.high else str(balance.low)
        title = f"{balance.label}: {count} (fair share {band})"
        # No-break spaces hold "3 law enf." together: lines break only between the counts.
        shown = escape(text).replace(" ", "&nbsp;")
        parts.append(f'<span style="color:{colour}" title="{escape(title)}">{shown}</span>')
    return " · ".join(parts)


class MemberChipDelegate(QStyledItemDelegate):
    """Paints a member as a chip."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Chips are one line high."""
        return QSize(option.rect.width() or 200, _CHIP_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the chip for ``index``."""
        person: Participant | None = index.data(PERSON_ROLE)
        if person is None:
            super().paint(painter, option, index)
            return
        pinned = bool(index.data(PINNED_ROLE))
        colour = QColor(sector_colour(person.sector))
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(colour)
        tint.setAlpha(40)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#111827") if selected or pinned else colour, 2 if selected else 1))
        painter.setBrush(tint)
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRect(rect.left(), rect.top() + 3, 4, rect.height() - 6), colour)
        left = rect.left() + 9
        if pinned:
            painter.setBrush(QColor("#111827"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRect(left, rect.center().y() - 4, 8, 8))
            left += 12
        role = {"facilitator": "F", "rapporteur": "R"}.get(person.role)
        if role:
            badge = QRect(left, rect.center().y() - 8, 16, 16)
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(badge)
            painter.setPen(QColor("white"))
            small = QFont(option.font)
            small.setBold(True)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.8))
            painter.setFont(small)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, role)
            left += 20
        marks = f"{_SEX_MARKS.get(person.sex, '')} {delegation_code(person.delegation)}".strip()
        painter.setFont(option.font)
        marks_width = painter.fontMetrics().horizontalAdvance(marks) + 8
        if index.data(LATE_ROLE):
            marks_width += self._paint_late_tag(
                painter, option, rect.right() - marks_width, rect.center().y()
            )
        painter.setPen(QColor("#374151"))
        painter.drawText(
            QRect(rect.right() - marks_width, rect.top(), marks_width - 4, rect.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            marks,
        )
        painter.setPen(QColor("#111827"))
        painter.setFont(option.font)
        name_rect = QRect(left, rect.top(), rect.right() - marks_width - left, rect.height())
        name = painter.fontMetrics().elidedText(person.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.restore()

    @staticmethod
    def _paint_late_tag(painter: QPainter, option: QStyleOptionViewItem, right: int, middle: int) -> int:
        """An amber "late" pill ending at ``right``; returns the width it takes."""
        small = QFont(option.font)
        small.setBold(True)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.75))
        painter.setFont(small)
        width = painter.fontMetrics().horizontalAdvance("late") + 10
        pill = QRect(right - width, middle - 8, width, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LATE_COLOUR))
        painter.drawRoundedRect(pill, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, "late")
        painter.setFont(option.font)
        return width + 4
