# syntax=docker/dockerfile:1.7
# The web image: daphne (HTTP API, websockets, the built frontend), the Celery `default` worker,
# Celery beat and the migrate job. No torch: web code never imports it at module level.
# Build from the repository root: docker build -f deploy/docker/web.Dockerfile -t coalign-web .

FROM node:20.19-bookworm-slim AS frontend
WORKDIR /src/frontend
# The lock file alone decides the packages, so this layer is reused until it changes.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11.14-slim-bookworm AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# pyproject.toml pins every dependency exactly; installing the project installs only them.
COPY pyproject.toml ./
RUN python -m venv /opt/venv && /opt/venv/bin/pip install /src

FROM python:3.11.14-slim-bookworm
ARG CODE_VERSION=""
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app:/app/platform \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DATA_DIR=/data \
    HF_HUB_OFFLINE=1 \
    HF_DATASETS_OFFLINE=1 \
    CODE_VERSION=${CODE_VERSION}
RUN groupadd --system --gid 10001 coalign \
    && useradd --system --uid 10001 --gid coalign --create-home --home-dir /home/coalign \
        --shell /usr/sbin/nologin coalign \
    && mkdir -p /data \
    && chown coalign:coalign /data
COPY --from=python-deps /opt/venv /opt/venv
WORKDIR /app
COPY manage.py ./
COPY platform/ platform/
COPY annotation/ annotation/
COPY training/ training/
COPY data/ data/
COPY --from=frontend /src/frontend/dist frontend/dist
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000
# Readiness of this replica: database, Redis and migrations (see platform/ops); "localhost"
# must be in ALLOWED_HOSTS (compose.yaml and k8s/ add it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://localhost:8000/api/health/', timeout=4).status != 200)"]
# uvicorn worker processes, each on a socket of its own at the port (WEB_CONCURRENCY, default 2;
# see platform/ops/web_server.py). Client addresses from X-Forwarded-For: behind the ingress or
# proxy.
ENV WEB_CONCURRENCY=2
CMD ["python", "-m", "ops.web_server", "--host", "0.0.0.0", "--port", "8000", \
     "--proxy-headers", "--timeout-graceful-shutdown", "50"]
