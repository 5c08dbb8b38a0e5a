# The two commands of the Quick start are `make serve` and `make test`; both set everything up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8001
DB     := data/tocoron.db

.PHONY: install build serve test validate bench screenshots clean

# The venv is (re)installed when the dependencies or the frictionless plugin change.
$(STAMP): pyproject.toml requirements.lock extract/frictionless_arrowparquet/__init__.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock ".[test]"
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(BIN)/python -m extract build

$(DB): $(STAMP)
	$(BIN)/python -m extract build

serve: build
	$(BIN)/python -m extract serve --host $(HOST) --port $(PORT) --workers 2

test: $(STAMP)
	$(BIN)/python -m pytest -q

screenshots: $(STAMP)
	SCREENSHOT_DIR=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py -k "home or facet or article_view"

bench: $(STAMP)
	$(BIN)/python bench/rules_throughput.py
	$(BIN)/python bench/build_scale.py --sizes 200 2000
	$(BIN)/python bench/serve_load.py
	$(BIN)/python bench/heldout_eval.py

validate: $(STAMP)
	$(BIN)/frictionless validate data/datapackage.json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
