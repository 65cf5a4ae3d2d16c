# syntax=docker/dockerfile:1.7
# The GPU image: the Celery `gpu` worker (generation, training through accelerate) and the
# serving agent with its vLLM servers, both from the `train` and `gpu` extras pinned in
# pyproject.toml.
# Build from the repository root: docker build -f deploy/docker/gpu.Dockerfile -t coalign-gpu .

FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04 AS base
# Ubuntu 24.04's Python is 3.12, inside pyproject's requires-python (>=3.11,<3.13). The base
# image's tag fixes the distribution release, so its packages are not pinned one by one. The C
# compiler stays in the image: Triton (torch.compile, vLLM) builds kernel launchers at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv python3-dev build-essential \
    && rm -rf /var/lib/apt/lists/*

FROM base AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml ./
RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install "/src[train,gpu]"

FROM base
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
# TRAIN_ACCELERATE_CONFIG's default: the launch configuration of runs over several GPUs.
COPY deploy/accelerate/ deploy/accelerate/
USER 10001:10001
VOLUME ["/data"]
# A worker is healthy while it answers Celery's ping under its own node name (gpu@<hostname>).
# The serving agent runs from this image too, without this check (see compose.yaml and k8s/).
HEALTHCHECK --interval=60s --timeout=20s --start-period=60s --retries=3 \
    CMD ["sh", "-c", "celery -A config inspect ping --timeout 10 --destination gpu@$(hostname)"]
# One task at a time per GPU: prefetch is 1 on the gpu queue.
CMD ["celery", "-A", "config", "worker", "-Q", "gpu", "-n", "gpu@%h", "-c", "1", "-l", "INFO"]
