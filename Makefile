# Newcomers: `make start` sets up and starts PiFlow (web, workers); `make test` runs everything CI runs.
VENV := .venv/bin

.PHONY: setup start test lint bench

setup:  ## Python 3.11 + Java check, JDBC drivers, .venv with the project (scripts/setup.sh)
	scripts/setup.sh

start:  ## set up, migrate, run web (http://127.0.0.1:8000) + Spark worker + light worker with beat
	scripts/start.sh

lint: setup  ## ruff, then the import contracts (the engine never imports Django)
	$(VENV)/ruff check .
	$(VENV)/lint-imports
	npm --prefix frontend run lint
	npm --prefix frontend run typecheck

test: lint  ## lint, then the front end's unit tests, then the whole pytest suite
	npm --prefix frontend test
	$(VENV)/pytest

bench: setup  ## engine overhead benchmark (see bench/README.md)
	$(VENV)/python bench/engine_overhead.py
