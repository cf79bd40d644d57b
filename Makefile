# make deck: set up .venv and build build/ta-seuranta.pptx from data/
# make test: the same set-up plus test dependencies, then every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DECK := build/ta-seuranta.pptx

.PHONY: deck test fuzz clean

$(BIN)/tafollow: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/tafollow
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

deck: $(BIN)/tafollow
	$(BIN)/tafollow build data -o $(DECK)

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build
