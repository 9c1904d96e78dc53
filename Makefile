# The two set-up commands of the README: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock 2>/dev/null | sha1sum | cut -c1-12)

.PHONY: run shell test lint bench clean

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q -c requirements.lock -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $@

# migrate, load the demo courses and FAQ, train if needed, serve on 127.0.0.1:8000
run: $(STAMP)
	$(BIN)/workerbot db upgrade
	$(BIN)/workerbot load-demo --if-empty
	$(BIN)/workerbot train --if-missing
	$(BIN)/workerbot run

# chat in this terminal (after `make run` has prepared the database once, or on its own)
shell: $(STAMP)
	$(BIN)/workerbot db upgrade
	$(BIN)/workerbot load-demo --if-empty
	$(BIN)/workerbot train --if-missing
	$(BIN)/workerbot shell

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/workerbot data validate
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(PY) bench/load.py

clean:
	rm -rf $(VENV) models results test-artifacts workerbot.db*
