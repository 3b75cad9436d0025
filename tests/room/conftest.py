"""Fixtures of the room tests: a room served on 127.0.0.1 over the sample workshop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from room_http import OpenRoom, open_room


@pytest.fixture
def room(tmp_path: Any) -> Iterator[OpenRoom]:
    """A room open on 127.0.0.1 over the sample workshop (six groups), two dots per phone."""
    yield from open_room(tmp_path)
