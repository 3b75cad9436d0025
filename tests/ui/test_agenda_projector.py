"""The projector window: countdown text and colour at each threshold, flashing, modes, chime."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QColor, QImage

from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.ui.agenda.projector import PHASE_COLOURS, AgendaProjector


class Clocks:
    """One clock serving as wall and monotonic time, moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2019, 5, 27, 8, 30).timestamp()

    def read(self) -> float:
        return self.now


@pytest.fixture
def running(sample_session: WorkshopSession) -> tuple[AgendaTimer, Clocks]:
    """The sample's opening (30 min) running from 08:30 under a hand-moved clock."""
    clocks = Clocks()
    timer = AgendaTimer(sample_session, clocks.read, clocks.read)
    timer.go_to(timer.days[0].items[1].item.id)
    timer.start()
    return timer, clocks


def _projector(qtbot, timer: AgendaTimer) -> AgendaProjector:  # type: ignore[no-untyped-def]
    projector = AgendaProjector(timer)
    projector.resize(1280, 720)
    qtbot.addWidget(projector)
    return projector


def _has_colour(image: QImage, colour: str) -> bool:
    """Whether any sampled pixel has exactly this colour."""
    target = QColor(colour).rgb()
    return any(
        image.pixel(x, y) == target for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    )


@pytest.mark.parametrize(
    ("elapsed", "text", "phase"),
    [
        (0, "30:00", "normal"),
        (25 * 60, "05:00", "amber"),
        (29 * 60 + 1, "00:59", "red"),
        (31 * 60, "+01:00", "overrun"),
    ],
)
def test_countdown_text_and_colour_at_each_threshold(
    qtbot, running, elapsed: int, text: str, phase: str
) -> None:  # type: ignore[no-untyped-def]
    """White with time to spare, amber at five minutes, red at one, red counting up when over."""
    timer, clocks = running
    projector = _projector(qtbot, timer)
    clocks.now += elapsed
    projector.refresh()
    assert projector.countdown_label.text() == text
    assert projector.countdown_colour == PHASE_COLOURS[phase]
    assert _has_colour(projector.grab().toImage(), PHASE_COLOURS[phase])
    assert projector.title_label.text() == "Opening: welcome remarks"
    assert (
        projector.next_label.text()
        == f"Next: {'09:00' if elapsed <= 30 * 60 else '09:01'} Objectives, programme and introductions"
    )
    assert projector.clock_label.text() == datetime.fromtimestamp(clocks.now).strftime("%H:%M")
    assert projector.status_label.text() == ("Over time" if phase == "overrun" else "")


def test_overrun_flashes_by_the_clock_and_can_be_turned_off(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    """Over time the background alternates every half second of clock time, unless disabled."""
    timer, clocks = running
    projector = _projector(qtbot, timer)
    clocks.now = clocks.now - clocks.now % 1 + 31 * 60
    projector.refresh()
    first = projector.flashing
    clocks.now += 0.5
    projector.refresh()
    assert projector.flashing != first
    timer.update_settings(flash_overrun=False)
    projector.refresh()
    clocks.now += 0.5
    projector.refresh()
    assert not projector.flashing


def test_thresholds_follow_the_settings(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    """With amber at ten minutes, ten minutes left is already amber."""
    timer, clocks = running
    timer.update_settings(amber_seconds=600, red_seconds=120)
    projector = _projector(qtbot, timer)
    clocks.now += 20 * 60
    projector.refresh()
    assert projector.countdown_colour == PHASE_COLOURS["amber"]


def test_message_and_agenda_only_mode(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    """The message line shows; agenda-only mode hides the countdown and lists the day from the
    current item on, its whole titles (no title is cut)."""
    timer, _ = running
    projector = _projector(qtbot, timer)
    projector.show()
    timer.update_settings(message="Please return to plenary", agenda_only=True)
    projector.refresh()
    assert projector.message_label.text() == "Please return to plenary"
    assert projector.message_label.isVisible()
    assert not projector.countdown_label.isVisible()
    assert projector.day_list.isVisible()
    rows = projector.day_list.rows
    assert rows[0].title == "Opening: welcome remarks" and rows[0].current
    assert [r.title for r in rows] == [t.item.title for t in timer.days[0].items[1:]]
    assert projector.title_label.text() == "Monday 27 May 2019"


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("agenda_only", [True, False])
def test_the_rest_of_the_day_fills_the_screen_within_its_bounds(
    qtbot, running, width: int, height: int, agenda_only: bool
) -> None:  # type: ignore[no-untyped-def]
    """Every remaining item's whole title is drawn inside the window in agenda mode; under the
    countdown as many as fit are, and the rest are counted, in type no smaller than the floor."""
    timer, _ = running
    timer.update_settings(agenda_only=agenda_only)
    projector = _projector(qtbot, timer)
    projector.resize(width, height)
    projector.show()
    projector.refresh()
    listing = projector.day_list
    window = projector.rect()
    remaining = [t.item.title for t in timer.days[0].items[1 if agenda_only else 3 :]]
    assert [row.title for row in listing.rows] == remaining
    for row, rect in listing.shown:
        placed = rect.translated(listing.mapTo(projector, rect.topLeft()) - rect.topLeft())
        assert window.contains(placed), (row.title, placed, window)
    assert listing.pixel_size >= int(height * 0.034)
    if agenda_only:
        assert listing.more == 0
        assert listing.pixel_size >= int(height * 0.04)
    else:
        assert len(listing.shown) >= 4
        assert len(listing.shown) + listing.more == len(remaining)


def test_time_up_chimes_once(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    """Crossing zero sounds the chime (or a beep without audio) once, not on every refresh."""
    timer, clocks = running
    projector = _projector(qtbot, timer)
    clocks.now += 30 * 60 - 1
    projector.refresh()
    clocks.now += 2
    projector.refresh()
    clocks.now += 2
    projector.refresh()
    assert len(projector.chimes) == 1
    assert projector.chimes[0] in ("sound", "beep")


def test_refresh_polls_at_least_four_times_a_second(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    """The polling timer is set for at least four refreshes a second while shown."""
    timer, _ = running
    projector = _projector(qtbot, timer)
    projector.show()
    assert projector.poll.isActive() and projector.poll.interval() <= 250
    with qtbot.waitSignal(projector.poll.timeout, timeout=1000):
        pass
    projector.hide()
    assert not projector.poll.isActive()


def test_chime_file_is_a_short_wav(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The synthesised chime is a valid mono WAV of about a second."""
    import wave

    from facilitator.ui.agenda.chime import chime_file

    with wave.open(str(chime_file(tmp_path)), "rb") as handle:
        seconds = handle.getnframes() / handle.getframerate()
        assert handle.getnchannels() == 1
    assert 0.5 < seconds < 2
