# The two set-up commands of the README: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock 2>/dev/null | sha1sum | cut -c1-12)

.PHONY: run shell test lint bench clean system-packages

# Debian packages the tests use as real components: a PostgreSQL server, nginx as the load
# balancer in front of several app hosts (tests/hosts), and Chromium with a
# CJK font for the browser tests. Installed when missing and running as root (as CI does).
SYSTEM_PACKAGES := postgresql nginx chromium fonts-wqy-microhei

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q -c requirements.lock -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $@

# migrate, load the seed courses, FAQ and mediators the database lacks (admins' edits kept),
# train if needed, serve on 127.0.0.1:8000
# (another port: `make run PORT=8001`, or server.port in config.yml)
run: $(STAMP)
	$(BIN)/workerbot db upgrade
	$(BIN)/workerbot load-demo --add-missing
	$(BIN)/workerbot train --if-missing
	$(BIN)/workerbot run $(if $(PORT),--port $(PORT))

# chat in this terminal (after `make run` has prepared the database once, or on its own)
shell: $(STAMP)
	$(BIN)/workerbot db upgrade
	$(BIN)/workerbot load-demo --add-missing
	$(BIN)/workerbot train --if-missing
	$(BIN)/workerbot shell

system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $$missing"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages: $$missing (sudo apt-get install $$missing)"; exit 1; fi; \
	fi

# The project compiled once for the Python processes of a test run (`workerbot data validate`,
# pytest and its xdist workers, with their rewritten test modules): the bytecode is cached
# outside the source tree, in $(PYCACHE), also where PYTHONDONTWRITEBYTECODE is set (it
# would otherwise make each of them compile the whole project again, seconds of CPU each).
PYCACHE ?= $(abspath $(VENV))/pycache
CACHED := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(PYCACHE)

test: $(STAMP) system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(CACHED) $(BIN)/workerbot data validate
	# three workers on two cores: the one running the server-process tests (tests/conftest.py
	# puts them first) often waits on them; with the model and PostgreSQL shared per run a
	# third worker costs little CPU and fills those waits
	$(CACHED) $(BIN)/pytest -n 3

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# `make bench BENCH_ARGS="--postgres --year"`: also PostgreSQL (1, 2, 4 processes) and a
# database holding a year of traffic (docs/benchmarks.md, "Load: PostgreSQL and a year");
# `make bench BENCH_ARGS=--hosts`: only 1 and 2 app hosts behind nginx on one PostgreSQL
bench: $(STAMP)
	$(PY) bench/load.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) models results test-artifacts workerbot.db*
