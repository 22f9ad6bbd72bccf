# Frontend targets, included by the root Makefile (`include frontend/frontend.mk`).
# Paths are relative to the repository root.

FRONTEND_DIR := frontend
FRONTEND_NPM ?= npm
FRONTEND_STAMP := $(FRONTEND_DIR)/node_modules/.install-stamp

.PHONY: frontend-install frontend-types frontend-build frontend-lint frontend-unit frontend-e2e test-frontend dev

# npm ci only when node_modules is missing or older than the lock file.
$(FRONTEND_STAMP): $(FRONTEND_DIR)/package-lock.json $(FRONTEND_DIR)/package.json
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) ci --no-audit --no-fund
	@touch $@

frontend-install: $(FRONTEND_STAMP)

## Regenerate src/lib/api/schema.gen.ts from ../openapi.yaml (openapi-typescript).
frontend-types: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent gen:types

## Strict type check, then the production build into frontend/dist.
frontend-build: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent build

## Fast checks: type check and generated-types drift against openapi.yaml.
frontend-lint: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent typecheck && $(FRONTEND_NPM) run --silent check:types-drift

frontend-unit: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent test

## Browser tests against the real backend (needs /usr/bin/chromium and .venv; builds nothing itself).
frontend-e2e: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent test:e2e

## Drift check, unit tests, build (prints the bundle sizes), end-to-end tests.
test-frontend: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent check:types-drift
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent test
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent build
	cd $(FRONTEND_DIR) && node scripts/bundle-size.mjs
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent test:e2e

## Vite dev server on http://127.0.0.1:5173, proxying /api to the API on http://127.0.0.1:8000.
dev: frontend-install
	cd $(FRONTEND_DIR) && $(FRONTEND_NPM) run --silent dev
