# Newcomers: `make start` sets up and starts PiFlow (web, workers); `make test` runs everything CI runs;
# `make test-fast` is the quick loop while you work.
VENV := .venv/bin

.PHONY: setup start test test-fast lint bench

setup:  ## Python 3.11 + Java check, JDBC drivers, .venv with the project (scripts/setup.sh)
	scripts/setup.sh

start:  ## set up, migrate, run web (http://127.0.0.1:8000) + Spark worker + light worker with beat
	scripts/start.sh

lint: setup  ## ruff, the import contracts (the engine never imports Django), mypy, then the front end's
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/lint-imports
	$(VENV)/mypy
	npm --prefix frontend run lint
	npm --prefix frontend run typecheck
	npm --prefix frontend run api-types:check

test: lint  ## lint, then the front end's unit tests, then the whole pytest suite
	npm --prefix frontend test
	$(VENV)/pytest

# Markers (pyproject.toml) are set by the conftest files: e2e (tests/e2e), worker (real Celery workers),
# spark (the stops' tests and anything else that starts Spark).
test-fast:  ## the quick loop (< 2 min, after `make setup`): lint but the front end, pytest but e2e/worker/spark
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/lint-imports
	$(VENV)/mypy
	$(VENV)/pytest -m "not e2e and not worker and not spark"

bench: setup  ## engine overhead benchmark (see bench/README.md)
	$(VENV)/python bench/engine_overhead.py
