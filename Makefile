# Two commands matter: `make run` (the product) and `make test` (the tests). Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KB := knowledge/kb.sqlite

.PHONY: run test test-fast install kb locales messages lint bench browse browser eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,browse]'
	touch $@

install: $(VENV)/.installed

# Message catalogues: one set for the answer engine and the bot. A .mo is rebuilt only when its .po changed, by
# Babel's compiler (no bot, no aiogram); `make messages` re-extracts the msgids from the code after a text changed.
CATALOGUES := $(wildcard locales/*/LC_MESSAGES/messages.po)

locales: $(CATALOGUES:.po=.mo)

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(BIN)/pybabel compile --domain messages --locale $* --input-file $< --output-file $@

messages: install
	$(BIN)/pybabel extract -F babel.cfg -o locales/messages.pot --add-location=file --width 120 \
		--project komekshi --version 0.1 knowledge bot
	$(BIN)/pybabel update -i locales/messages.pot -d locales --width 120 --ignore-obsolete

kb: install
	$(BIN)/komekshi kb build --if-changed

run: kb locales
	$(BIN)/komekshi run

# Headless Chromium from Debian's packages, for the desk's screenshot test: installed when missing where this runs as
# root with apt-get; elsewhere (or when apt fails) the test skips and says why, so this never fails the build.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; } || \
		echo "chromium not installed: the desk's screenshot test will be skipped"

test: kb locales browser
	$(BIN)/ruff check knowledge bot tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/komekshi kb check
	$(BIN)/python -m pytest -q

# Everything but the tests marked slow (processes, servers, load, faults, property tests): for the edit-test loop.
test-fast: kb locales
	$(BIN)/ruff check knowledge bot tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -m "not slow"

# The three question sets (tests/data/README.md), each also without the alias table and without it and the lexicon. The held-out set is not
# expected to pass whole, so a non-zero exit is reported, not fatal; the floors are asserted by `make test`.
eval: kb
	-$(BIN)/komekshi eval tests/data/questions-dev.jsonl tests/data/questions-tuned.jsonl tests/data/questions-calculation.jsonl \
		tests/data/questions-heldout-*.jsonl

bench: kb locales
	$(BIN)/python benchmarks/run.py

browse: kb
	$(BIN)/komekshi browse

clean:
	rm -rf $(VENV) $(KB) build *.egg-info
