# Two commands matter: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PG_TEST_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/test
PYTEST := $(BIN)/python -m pytest -q -p no:cacheprovider

.PHONY: install run test lint format openapi lock test-backend test-sqlite test-postgres bench

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

ifneq ($(wildcard frontend/frontend.mk),)
include frontend/frontend.mk
SPA_BUILD := frontend-build
SPA_TEST := test-frontend
SPA_LINT := frontend-lint
endif

## Install, migrate, seed demo data on first run, build the SPA, serve everything on one port.
run: install $(SPA_BUILD)
	$(BIN)/netzwerk serve --demo-on-first-run

## Every check: lint and types, then the whole suite on SQLite and on PostgreSQL, then the browser app.
test: lint test-backend $(SPA_TEST)

## The backend suite on both databases at once (each run is single-threaded; this machine has 2 cores).
test-backend: install
	@mkdir -p build
	@( $(MAKE) --no-print-directory test-sqlite > build/test-sqlite.log 2>&1; echo $$? > build/test-sqlite.rc ) & \
	( $(MAKE) --no-print-directory test-postgres > build/test-postgres.log 2>&1; echo $$? > build/test-postgres.rc ) & \
	wait; \
	cat build/test-sqlite.log build/test-postgres.log; \
	[ "$$(cat build/test-sqlite.rc)" = 0 ] && [ "$$(cat build/test-postgres.rc)" = 0 ]

lint: install $(SPA_LINT)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(PYTEST) tests/test_openapi.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

openapi: install
	$(BIN)/netzwerk openapi

## After changing dependencies in pyproject.toml: pin every installed version.
lock: install
	$(BIN)/pip freeze --exclude-editable | grep -v '^netzwerk' > constraints.txt

test-sqlite: install
	@echo "== backend tests on SQLite"
	$(PYTEST) --basetemp=build/pytest-sqlite

test-postgres: install
	@if $(BIN)/python -c "import asyncio, asyncpg; asyncio.run(asyncpg.connect('$(subst +asyncpg,,$(PG_TEST_URL))', timeout=5))" 2>/dev/null; then \
		echo "== backend tests on PostgreSQL"; \
		TEST_DATABASE_URL=$(PG_TEST_URL) $(PYTEST) --basetemp=build/pytest-postgres; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL is not reachable at $(PG_TEST_URL); CI needs it." >&2; exit 1; \
	else \
		echo "SKIPPED: the PostgreSQL run, because no server answers at $(PG_TEST_URL) (start one, or set PG_TEST_URL)."; \
	fi

## The load benchmark on PostgreSQL (see bench/RESULTS.md): S, L and XL at 1, 8 and 32 clients.
## Pass options through BENCH, e.g. `make bench BENCH="--sizes S --clients 32"`.
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run $(BENCH)
