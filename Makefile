# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run run-deps test lint bench system-deps browser-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@$(MAKE) --no-print-directory system-deps
	touch $(STAMP)

# Qt's wheels bundle Qt itself but load a few system libraries (EGL, fontconfig, xkbcommon).
# Install them from Debian only when Qt cannot load without them.
system-deps:
	@QT_QPA_PLATFORM=offscreen $(PY) -c "import PySide6.QtWidgets, PySide6.QtPdf" 2>/dev/null || \
	  { echo "Installing the system libraries Qt needs..."; \
	    apt-get update -qq && apt-get install -y -qq libegl1 libgl1 libfontconfig1 libxkbcommon0 \
	      libxkbcommon-x11-0 libdbus-1-3 >/dev/null; }

# The room's browser tests drive Debian's Chromium with Playwright, which cannot download a browser
# of its own here. Install it only when it is missing; where it cannot be installed those tests are
# skipped and say why, and everything else still runs.
browser-deps:
	@command -v chromium >/dev/null || { echo "Installing Chromium for the room's browser tests..."; \
	  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || \
	  echo "Chromium could not be installed: the room's browser tests will be skipped."; }

# On a desktop, Qt's xcb plugin needs a few more X libraries than the headless tests do.
run-deps: $(STAMP)
	@if [ -n "$$DISPLAY" ] && ! QT_QPA_PLATFORM=xcb $(PY) -c "from PySide6.QtWidgets import QApplication; QApplication([])" 2>/dev/null; then \
	  echo "Installing the X libraries Qt needs for a window..."; \
	  apt-get update -qq && apt-get install -y -qq libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	    libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 >/dev/null; fi

run: run-deps
	QT_QPA_PLATFORM= $(VENV)/bin/facilitator

lint: $(STAMP)
	$(VENV)/bin/ruff check facilitator tests
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: lint browser-deps
	$(PY) -m pytest

# The start-up benchmark also counts instructions with valgrind, which no timing noise disturbs.
bench: $(STAMP)
	@command -v valgrind >/dev/null || { echo "Installing valgrind for the start-up benchmark..."; \
	  apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
	$(PY) -m pytest tests/bench -s -p no:cacheprovider -o addopts="" -o python_files="bench_*.py"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
