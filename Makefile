# make deck: set up .venv and build build/ta-seuranta.pptx from data/
# make test: the same set-up plus test dependencies, then every test (the full run, as in CI)
# make check: the fast tier for the edit-test loop: every test not marked slow (no LibreOffice, no hypothesis)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DECK := build/ta-seuranta.pptx

.PHONY: deck test check fuzz clean bench contact-sheet

$(BIN)/tafollow: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	# Compiled once here: where PYTHONDONTWRITEBYTECODE is set, every run would recompile tafollow.
	$(BIN)/python -m compileall -q tafollow
	touch $@

$(VENV)/.test-deps: $(BIN)/tafollow
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

deck: $(BIN)/tafollow
	$(BIN)/tafollow build data -o $(DECK)

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

check: $(VENV)/.test-deps
	$(BIN)/python -m pytest -m "not slow"

# make fuzz: the property-based input-safety tests at 1,000 examples each (make test runs ~200)
fuzz: $(VENV)/.test-deps
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py -p no:cacheprovider --hypothesis-show-statistics

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
	rm -rf $(VENV) build
