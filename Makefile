# Pressroom: `make run` serves the demo site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PRESSROOM_DATA_DIR ?= $(CURDIR)/data
# The search tests and the tree-race drill run a second time on this
# PostgreSQL server; they skip when it is down.
TEST_POSTGRES ?= postgres://postgres@127.0.0.1:5432/test
# pytest runs in one process per core (pytest-xdist; TEST_WORKERS=0: all in one).
# `--dist load` hands each worker tests in pytest-django's order, transactional tests last:
# they empty the database, and a test after them on the same worker would miss the rows the
# migrations made (docs/decisions/0053-tests-in-parallel.md). Tests marked `alone` (load tests
# that allow no refusal) run after them, in one process.
TEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(TEST_WORKERS) --dist load

.PHONY: run install install-test test lint format check messages bench bench-servers bench-sqlite bench-search bench-contact bench-overload bench-writes soak bench-scale bench-import bench-export profile instructions clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What runs the site; records what was installed so reruns are instant.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# The test tools on top (pytest, ruff, the browser and PostgreSQL drivers...).
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Interface translations, compiled again only when a catalogue changed.
CATALOGUES := $(wildcard pressroom/locale/*/LC_MESSAGES/django.po pressroom/wagtail_locale/*/LC_MESSAGES/*.po)
$(CATALOGUES:.po=.mo) &: $(CATALOGUES) | $(VENV)/.installed
	$(BIN)/pressroom compiletranslations

install: $(VENV)/.installed $(CATALOGUES:.po=.mo)

install-test: $(VENV)/.installed-test $(CATALOGUES:.po=.mo)

# The login is PRESSROOM_ADMIN_USER / PRESSROOM_ADMIN_PASSWORD when set, else admin and a
# password made once and kept in data/admin-password. Absolute links (pages, sitemaps, feeds,
# mails) follow PORT on every run, unless PRESSROOM_BASE_URL names another address.
ADMIN_PASSWORD_FILE = $(PRESSROOM_DATA_DIR)/admin-password
run: export PRESSROOM_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(BIN)/pressroom init --password-file "$(ADMIN_PASSWORD_FILE)"
	$(BIN)/pressroom demo
	$(BIN)/pressroom serve --port=$(PORT) --show-login --password-file "$(ADMIN_PASSWORD_FILE)"

# axe-core and vnu-jar (package.json) for the browser tests' accessibility checks and the HTML
# validity test; those skip without them. --ignore-scripts: vnu-jar's own step fetches a Java.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi

test: install-test node_modules/.package-lock.json
	$(BIN)/python -m pressroom check --settings=tests.settings --fail-level WARNING
	$(BIN)/python -m pressroom makemigrations --check --dry-run --settings=tests.settings
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not alone"
	$(BIN)/pytest -m alone
	PRESSROOM_TEST_POSTGRES=$(TEST_POSTGRES) $(BIN)/pytest $(PYTEST_PARALLEL) -q tests/search \
		tests/news/test_neighbours.py \
		tests/faults/test_races.py::test_editors_adding_under_one_parent_at_once_on_postgresql

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract interface strings and apply the Chinese catalogue; write our Chinese of Wagtail's
# own strings (pressroom/wagtail_locale/, from scripts/zh_hans_wagtail.py).
messages: install
	cd pressroom && ../$(BIN)/pressroom makemessages -l zh_Hans -l en --no-obsolete
	$(BIN)/python scripts/zh_hans_catalog.py
	$(BIN)/pressroom compiletranslations

# Every benchmark, one after another in one run, each writing its
# report to bench/results/ (an hour or more: the 100,000-article sites are made on first use).
# `make bench-servers` alone is the quick one: the app servers, nginx, the mix of addresses.
bench: bench-servers bench-search bench-overload bench-writes bench-export bench-import bench-scale

bench-servers: install-test
	$(BIN)/python bench/run.py

# SQLite under ten minutes of contact posts, editors, the scheduler and an import (docs/security.md).
bench-sqlite: install-test
	$(BIN)/python bench/sqlite_contention.py

# Fifty addresses flood the contact form; a customer's message must still be stored (docs/contact.md).
bench-contact: install
	$(BIN)/python bench/contact_flood.py

# 256 connections of uncached pages: fast 503s, while cached pages and /healthz still answer
# (docs/operations.md, "Overload"); with and without admission control, side by side.
bench-overload: install-test
	$(BIN)/python bench/overload.py

# 10,000 WordPress posts imported into a fresh site, and a 1,000-page crawl bounded by its rate
# limit (docs/importing.md): wall time, items/s, memory along the way.
bench-import: install-test
	$(BIN)/python bench/import_bench.py

# Site search on SQLite and PostgreSQL (docs/search.md): p50/p95 per query kind. The sites are
# made once under bench/.data-search-N and in pressroom_search_bench_N; SEARCH_ARTICLES=100000
# for the issue's figure (the first build takes about half an hour).
SEARCH_ARTICLES ?= 10000
bench-search: install-test
	$(BIN)/python bench/search_bench.py --articles $(SEARCH_ARTICLES) \
		--out bench/results/search-$$(date -u +%Y%m%d-%H%M).md

# SQLite's write path at its ceiling: contact posts and editors publishing at once (docs/operations.md).
bench-writes: install-test
	$(BIN)/python bench/writes.py

# An hour of mixed traffic against `pressroom serve`: errors and memory growth per worker
# (docs/operations.md). `make soak MINUTES=10` runs it short.
MINUTES ?= 60
soak: install-test
	$(BIN)/python bench/soak.py --minutes $(MINUTES)

# Render times and queries with 100,000 articles (the site is made once, under bench/.data-100k).
# Memory per worker is measured with a production install (`make install`'s packages only: the
# test tools and the PostgreSQL driver, which Django REST framework imports when it is there,
# add about 25 MB to every process), made once under bench/.venv-prod.
bench/.venv-prod/.installed: pyproject.toml
	$(PYTHON) -m venv bench/.venv-prod
	bench/.venv-prod/bin/pip install --quiet -e .
	touch $@

bench-scale: install-test bench/.venv-prod/.installed
	$(BIN)/python bench/scale.py --serve --serve-python bench/.venv-prod/bin/python \
		--out bench/results/scale-$$(date -u +%Y%m%d-%H%M).md

# `pressroom export` of the demo site (pages/s, one process and one per CPU) and --changed after
# one edit; BIG=DATA_DIR adds a 100,000-article site (copied first; takes many minutes).
bench-export: install-test
	$(BIN)/python bench/export_bench.py $(if $(BIG),--big $(BIG)) --out bench/results/export-$$(date -u +%Y%m%d-%H%M).md

# CPU and queries of uncached renders (article, home, news list), in-process.
profile: install-test
	$(BIN)/python bench/profile_render.py

# Instructions of one uncached render (valgrind's callgrind: the same count run after run).
instructions: install-test
	$(BIN)/python bench/instructions.py

clean:
	rm -rf $(VENV) build *.egg-info
