# The two commands of the Quick start are `make serve` and `make test`; both set everything up.
SHELL  := /bin/bash
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8001
DB     := data/tocoron.db

.PHONY: install build serve lint test validate bench screenshots clean

# The venv is (re)installed when the dependencies change, and rebuilt when it was made with a
# Python the project does not support (3.11 to 3.13) or that no longer exists.
SUPPORTED := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))
$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c '$(SUPPORTED)' 2>/dev/null || { echo "make: $(PYTHON) is not Python 3.11-3.13; run make PYTHON=python3.12 (or another supported one)"; exit 1; }
	@if [ -e $(VENV) ] && ! $(BIN)/python -c '$(SUPPORTED)' 2>/dev/null; then \
	  echo "make: $(VENV) was made with an unsupported or missing Python; rebuilding it (make clean does the same)"; \
	  rm -rf $(VENV); fi
	@test -x $(BIN)/python || { echo "make: creating $(VENV) with $$($(PYTHON) --version)"; $(PYTHON) -m venv $(VENV); }
	@echo "make: installing the pinned dependencies of requirements.lock into $(VENV) (about a minute the first time)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@set -o pipefail; $(BIN)/python -m pip install --progress-bar off -c requirements.lock -e ".[test]" \
	  | grep -v "^Requirement already satisfied" || { echo "make: the install failed (see above); make clean starts again"; exit 1; }
	touch $(STAMP)
	@echo "make: $(VENV) is ready"

install: $(STAMP)

build: $(STAMP)
	$(BIN)/python -m extract build

$(DB): $(STAMP)
	$(BIN)/python -m extract build

serve: build
	$(BIN)/python -m extract serve --host $(HOST) --port $(PORT) --workers 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest -q

screenshots: $(STAMP)
	SCREENSHOT_DIR=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py -k "home or facet or article_view"

bench: $(STAMP)
	$(BIN)/python bench/rules_throughput.py
	$(BIN)/python bench/build_scale.py --sizes 200 2000
	$(BIN)/python bench/serve_load.py
	$(BIN)/python bench/heldout_eval.py

# Stock frictionless, as a user runs it; then the Parquet files against the CSV files (see README).
validate: $(STAMP)
	$(BIN)/frictionless validate data/datapackage.json
	$(BIN)/python -m extract.package_check data/datapackage.json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
