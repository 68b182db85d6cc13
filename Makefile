# The two commands of README.md, and the developer's others. Works from a fresh clone:
# installs the Debian packages it needs (as root), a virtualenv in .venv, then runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEMO_LEDGER ?= demo/demo-ledger.sqlite
DEMO_ORDERS ?= 5000

.PHONY: run test test-slow lint demo clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

$(DEMO_LEDGER): | $(VENV)/.installed
	$(VENV)/bin/dropdesk demo --ledger $(DEMO_LEDGER) --orders $(DEMO_ORDERS)

demo: $(DEMO_LEDGER)

## Open Dropdesk on the demo ledger (made on first run).
run:
	packaging/system-deps.sh run
	$(MAKE) --no-print-directory $(VENV)/.installed $(DEMO_LEDGER)
	@if [ "$$(uname)" = Linux ] && [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display here: checking the app offscreen instead (run 'make run' on a desktop to see it)."; \
	  QT_QPA_PLATFORM=offscreen $(VENV)/bin/dropdesk --self-test --ledger $(DEMO_LEDGER); \
	else \
	  $(VENV)/bin/dropdesk --ledger $(DEMO_LEDGER); \
	fi

## Every test (not the slow ones), offscreen, against a real keyring in a private D-Bus session,
## one worker per CPU (at most 4; each file stays in one worker, which has its own PostgreSQL);
## then, alone, the few tests that lock that keyring.
test:
	packaging/system-deps.sh test
	$(MAKE) --no-print-directory $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen tests/with-keyring.sh sh -c '\
	  $(PY) -m pytest -q -m "not slow and not keyring_lock" -n auto --maxprocesses=4 --dist loadfile \
	  && $(PY) -m pytest -q -m "keyring_lock and not slow"'; \
	  status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; status=0; fi; exit $$status

## The slow tests (big files, many crash trials).
test-slow: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen tests/with-keyring.sh $(PY) -m pytest -q -m slow; \
	  status=$$?; if [ $$status -eq 5 ]; then status=0; fi; exit $$status

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

## The one-folder app bundle dist/dropdesk/ (PyInstaller), checked offscreen; prints its size.
.PHONY: package
package:
	packaging/system-deps.sh package
	$(MAKE) --no-print-directory $(VENV)/.installed
	packaging/build-bundle.sh $(PY)
