# Entry points named in README.md. Each target does its own setup and is safe to re-run.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
BUILD_ARGS ?=

.PHONY: setup build serve test chromium bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: setup
	$(PY) -m site_builder build $(BUILD_ARGS)

serve: setup
	$(PY) -m site_builder serve --port $(PORT)

# Debian's Chromium when we are root with apt; otherwise Playwright's own download.
chromium: setup
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then \
		echo "chromium: $$(command -v chromium || echo /usr/bin/chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		$(PY) -m playwright install chromium; \
	fi

# Lint and format first (ruff, settings in pyproject.toml); then two test processes
# (pytest-xdist): the browser tests wait on Chromium as much as they compute.
test: setup chromium
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -n 2

bench: setup chromium
	$(PY) bench/run.py

clean:
	rm -rf dist .pytest_cache
