# make deck: set up .venv and build build/ta-seuranta.pptx from data/
# make test: the same set-up plus test dependencies, then every test (the full run, as in CI)
# make check: the fast tier for the edit-test loop: the tests not marked slow (no LibreOffice, property or packaging tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DECK := build/ta-seuranta.pptx
# pip at -qq prints errors only: its notices and warnings (about the machine's package
# index, setuptools' editable-install notice) made a first `make deck` look broken.
PIP := $(BIN)/pip --quiet --quiet --disable-pip-version-check

.PHONY: deck test check fuzz clean bench contact-sheet

# tafollow's bytecode is compiled once here: where PYTHONDONTWRITEBYTECODE is set, every run
# would recompile it.
$(BIN)/tafollow: pyproject.toml
	@echo "Setting up $(VENV) (once, or after pyproject.toml changes) …"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip
	@$(PIP) install -e .
	@$(BIN)/python -m compileall -q tafollow
	@touch $@

$(VENV)/.test-deps: $(BIN)/tafollow
	@echo "Installing the test dependencies …"
	@$(PIP) install -e '.[test]'
	@touch $@

deck: $(BIN)/tafollow
	$(BIN)/tafollow build data -o $(DECK)

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest -n auto

check: $(VENV)/.test-deps
	$(BIN)/python -m pytest -n auto -m "not slow"

# make fuzz: the property-based input-safety tests at 1,000 examples each (make test runs ~200)
fuzz: $(VENV)/.test-deps
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/acceptance/test_properties.py -p no:cacheprovider --hypothesis-show-statistics

# make bench: time build/validate at several sizes against pandoc; writes docs/performance.md
bench: $(BIN)/tafollow
	$(BIN)/python tools/bench.py --output docs/performance.md

# make contact-sheet: render the shipped, the other-division and the stress decks through LibreOffice
# and keep their contact sheets in docs/
contact-sheet: $(BIN)/tafollow
	$(BIN)/tafollow preview data -o build/preview --quiet
	cp build/preview/contact-sheet.png docs/contact-sheet.png
	$(BIN)/tafollow preview tests/data/other-division -o build/preview-other-division --quiet
	cp build/preview-other-division/contact-sheet.png docs/contact-sheet-other-division.png
	$(BIN)/tafollow preview tests/data/stress -o build/preview-stress --quiet
	cp build/preview-stress/contact-sheet.png docs/contact-sheet-stress.png

clean:
	rm -rf $(VENV) build .build
