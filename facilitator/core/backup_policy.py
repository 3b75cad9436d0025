"""Which backups of a workshop to keep: by age as well as by count.

Keeping only the newest ten let a burst of backups of a damaged file push every good one out. A
backup is now only written from a file that passes its check, and the ones kept spread over time:
every backup of the last hour, the newest of each hour of the last day, the newest of each day
before that, and never fewer than the newest ``MIN_KEPT``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

__all__ = ["MIN_KEPT", "backups_to_keep"]

#: The newest backups are always kept, however close together they were taken.
MIN_KEPT = 10


def backups_to_keep(taken: Iterable[datetime], now: datetime) -> set[datetime]:
    """The times, among those of the existing backups, whose backups should be kept.

    Args:
        taken: When each backup was taken.
        now: The present, injected so the rule can be tested.
    """
    newest_first = sorted(set(taken), reverse=True)
    keep = set(newest_first[:MIN_KEPT])
    hours_seen: set[datetime] = set()
    days_seen: set[datetime] = set()
    for moment in newest_first:
        age = now - moment
        if age <= timedelta(hours=1):
            keep.add(moment)
        elif age <= timedelta(days=1):
            hour = moment.replace(minute=0, second=0, microsecond=0)
            if hour not in hours_seen:
                hours_seen.add(hour)
                keep.add(moment)
        else:
            day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
            if day not in days_seen:
                days_seen.add(day)
                keep.add(moment)
    return keep
