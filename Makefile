# Two entry points (see README): `make site` builds the site, `make test` runs every test.
# Both set everything up first on a machine with only Python 3.11 and the package registries.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup site serve test system-deps bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

## Generate docs/ from source_reports/ and build site/ (vi at /, en at /en/) with mkdocs --strict.
site: setup
	$(PY) -m generator build

## Live preview on http://127.0.0.1:8000/, rebuilt when a source changes.
serve: setup
	$(PY) -m generator serve

## Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it downloads
## nothing) and gettext (msgfmt --check on the translation memory).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v msgfmt >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium gettext >/dev/null; \
	fi

## The whole test suite, browser tests included.
test: setup system-deps
	$(PY) -m pytest -q

## Build-time benchmarks (numbers, not assertions): N=100,1000,3000 by default.
bench: setup
	$(PY) bench/extract_bench.py
	$(PY) bench/build_bench.py

clean:
	rm -rf site build .pytest_cache bench/out
