# Policy Timeline: `make run` (the product on its embedded default) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export DJANGO_SETTINGS_MODULE ?= config.settings

.PHONY: run setup setup-test test test-sqlite test-postgres lint format seeds worker beat web check-deploy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

seeds: setup
	@for file in seeds/*; do $(BIN)/python manage.py import_events "$$file" || exit 1; done

run: seeds
	$(BIN)/python manage.py create_local_admin
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Browser tests need Chromium (Debian package) and the npm tools (vnu-jar, axe-core).
setup-test: $(VENV)/.installed-dev
	@if [ -f package-lock.json ] && command -v npm >/dev/null; then npm ci --silent --no-audit --no-fund; fi
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) \
		|| echo "Chromium could not be installed: browser tests will be skipped (or fail under CI=true)"; fi
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

test: setup-test test-sqlite test-postgres

test-sqlite:
	$(BIN)/python -m pytest

# The same suite on the machine's PostgreSQL; skipped when it is unreachable, unless CI=true.
# Browser tests, the Celery worker tests and the live-server tests (which always run on PostgreSQL
# and Redis) ran in the first pass already.
test-postgres:
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1)" 2>/dev/null; then \
		DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest -m "not chromium and not redis and not live" -p no:cacheprovider; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL on 127.0.0.1:5432 is required when CI=true"; exit 1; \
	else echo "SKIPPED: the PostgreSQL pass (nothing listens on 127.0.0.1:5432)"; fi

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Production-style processes (see the README): set DATABASE_URL, CELERY_BROKER_URL, REDIS_URL first.
web: setup
	$(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} --threads $${WEB_THREADS:-4}

worker: $(VENV)/.installed
	$(BIN)/celery -A config worker --loglevel INFO --concurrency $${WORKER_CONCURRENCY:-2}

# Exactly one per deployment: it sends the import sweep every IMPORT_SWEEP_SECONDS.
beat: $(VENV)/.installed
	$(BIN)/celery -A config beat --loglevel INFO --schedule $${TMPDIR:-/tmp}/policy-timeline-beat-schedule

check-deploy: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=config.production SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))")} \
		ALLOWED_HOSTS=$${ALLOWED_HOSTS:-timeline.example.org} $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var staticfiles .pytest_cache
