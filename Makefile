# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of them.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# platform/ is a source folder (not a package) on the import path; see the README.
export PYTHONPATH := $(CURDIR):$(CURDIR)/platform
# Nothing is downloaded at run time: hub look-ups fail at once instead of hanging.
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: bench-signals bench-snapshot bench-loop bench-serving bench-write-path bench-events bench-analytics bench-gpu bench-fidelity soak run test setup frontend-build lint typecheck schema schema-check client client-check web worker-default worker-gpu beat serving clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev,train]'
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed frontend/node_modules/.installed

frontend-build: setup
	cd frontend && npm run build

## make run: the whole platform on this machine (embedded PostgreSQL/Redis unless URLs are set).
run: frontend-build
	DEBUG=$${DEBUG:-true} $(PY) manage.py platform_run --port $(PORT)

## The processes `make run` starts, one by one, for deployments (set DATABASE_URL/REDIS_URL).
## web: uvicorn worker processes, each on a socket of its own at the port (ops/web_server.py),
## WEB_CONCURRENCY of them (default: one per core); the same command as platform_run's
## (ops/supervisor.py web_command).
WEB_CONCURRENCY ?= $(shell nproc)
web: setup
	$(PY) -m ops.web_server --host 0.0.0.0 --port $(PORT) --workers $(WEB_CONCURRENCY) \
		--timeout-graceful-shutdown 10
worker-default: setup
	$(VENV)/bin/celery -A config worker -Q default -n default@%h -l INFO
worker-gpu: setup
	$(VENV)/bin/celery -A config worker -Q gpu -n gpu@%h -c 1 -l INFO
beat: setup
	$(VENV)/bin/celery -A config beat -l INFO
serving: setup
	$(PY) manage.py serving_agent

# Type checking and schema generation import settings but talk to no server.
OFFLINE_ENV := DEBUG=true DATABASE_URL=$${DATABASE_URL:-postgres://unused@localhost/unused} \
	REDIS_URL=$${REDIS_URL:-redis://localhost:1/0}

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup
	$(OFFLINE_ENV) $(VENV)/bin/mypy .

## Regenerate the committed OpenAPI schema and the typed clients from it (frontend, Python).
schema: setup
	$(OFFLINE_ENV) $(PY) manage.py spectacular --validate --file frontend/openapi.yaml
	cd frontend && npm run gen:api
	$(PY) client/generate.py

schema-check: setup
	$(OFFLINE_ENV) $(PY) manage.py spectacular --validate --file $(VENV)/openapi.yaml
	@diff -u frontend/openapi.yaml $(VENV)/openapi.yaml >/dev/null || \
		{ echo "frontend/openapi.yaml is out of date: run 'make schema' and commit it."; exit 1; }
	cd frontend && npm run check:api

## The Python client's typed layer (client/coalign_client/generated) from frontend/openapi.yaml.
client: setup
	$(PY) client/generate.py

client-check: setup
	$(PY) client/generate.py --check

## make test: lint, types, migrations and schema drift, frontend lint and checks, then pytest
## (real PostgreSQL, Redis, Celery worker and Chromium when found).
test: lint typecheck schema-check client-check
	$(OFFLINE_ENV) $(PY) manage.py makemigrations --check --dry-run
	cd frontend && npm run lint && npm run typecheck && npm test && npm run build
	DEBUG=true $(PY) -m pytest

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist

## Benchmarks print figures (they are not tests); see bench/.
bench-signals: setup
	$(PY) bench/signal_pool.py
bench-loop: setup
	$(PY) bench/loop_run.py
bench-serving: setup
	$(PY) bench/serving_switch.py
bench-write-path: setup
	$(PY) bench/write_path.py
bench-events: setup
	$(PY) bench/events.py
## Bradley-Terry, opinion groups and Dawid-Skene at 100k signals next to choix, scikit-learn
## and crowd-kit (no database).
bench-analytics: setup
	$(PY) bench/analytics.py
## Training and generation speed of the recipes (tiny on a CPU; on a GPU host pass
## ARGS="--shape qwen2-0.5b --steps 30 --runs dpo,dpo-fill,dpo-before,sft,reward").
bench-gpu: setup
	$(PY) bench/gpu_train.py $(ARGS)
## What raters say through the activities changes what the model does (issue 11's study).
bench-fidelity: setup
	$(PY) bench/signal_fidelity.py
## A DPO snapshot built from 100,000 and 1,000,000 preference signals next to a raw COPY of
## the same rows, in a scratch database (ARGS="--rows 100000" for one size).
bench-snapshot: setup
	$(PY) bench/snapshot.py $(ARGS)

## Not part of `make test` (a few minutes): kill -9 of web, workers and Redis under submission
## load, then acknowledged / stored / duplicated / lost counts; see bench/README.md.
soak: setup
	$(PY) bench/soak.py
