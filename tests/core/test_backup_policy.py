"""Which backups are kept: all of the last hour, one an hour for a day, one a day before that."""

from __future__ import annotations

from datetime import datetime, timedelta

from facilitator.core.backup_policy import MIN_KEPT, backups_to_keep

NOW = datetime(2019, 5, 28, 12, 0)


def test_every_backup_of_the_last_hour_is_kept() -> None:
    """Sixty backups a minute apart, all within the hour, are all kept."""
    taken = [NOW - timedelta(minutes=m) for m in range(60)]
    assert backups_to_keep(taken, NOW) == set(taken)


def test_one_per_hour_for_a_day_then_one_per_day() -> None:
    """Older backups thin out to the newest of each hour, then the newest of each day."""
    taken = [NOW - timedelta(minutes=10 * m) for m in range(6 * 24 * 4)]  # four days, every 10 min
    kept = backups_to_keep(taken, NOW)
    within_hour = {t for t in taken if NOW - t <= timedelta(hours=1)}
    in_day = [t for t in taken if timedelta(hours=1) < NOW - t <= timedelta(days=1)]
    before = [t for t in taken if NOW - t > timedelta(days=1)]
    per_hour = {max(u for u in in_day if u.replace(minute=0) == t.replace(minute=0)) for t in in_day}
    per_day = {max(u for u in before if u.date() == t.date()) for t in before}
    newest = set(sorted(taken, reverse=True)[:MIN_KEPT])
    assert len(per_hour) == 23 and len(per_day) == 4
    assert kept == within_hour | newest | per_hour | per_day


def test_the_newest_are_kept_whatever_their_age() -> None:
    """A workshop last edited a week ago keeps its newest backups, though all fell in one day."""
    taken = [NOW - timedelta(days=7, minutes=m) for m in range(30)]
    kept = backups_to_keep(taken, NOW)
    assert kept == set(sorted(taken, reverse=True)[:MIN_KEPT])
