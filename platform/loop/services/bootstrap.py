"""A new installation's first versions: every default line gets a published tiny model."""

import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction

from loop.models import PublishAction, PublishDecision
from loop.services.publishing import publish_decision_audit
from registry.lines import DEFAULT_LINES
from registry.models import ModelLine, ModelVersion
from registry.services import model_line_ensure, model_version_publish, model_version_register

log = logging.getLogger(__name__)

SEED_REASON = "The line's first version, built from the tiny model at installation."


def models_bootstrap(*, models_dir: Path | None = None) -> list[ModelVersion]:
    """Give every default line a published version 1 built from the tiny model (idempotent).

    There is nothing to gate a line's first version against; its publishing is audited as a
    seed. Nothing is downloaded: the tiny model is built from a config with a local byte
    tokenizer.
    """
    from training.tiny import TINY_BASE, build_tiny_model, model_fingerprint

    path = build_tiny_model((models_dir or settings.MODELS_DIR) / "tiny-llama-seed0", seed=0)
    fingerprint = model_fingerprint(path)
    published = []
    for slug, name, description in DEFAULT_LINES:
        with transaction.atomic():
            line = model_line_ensure(slug=slug, name=name, description=description)
            ModelLine.objects.select_for_update().get(pk=line.pk)
            current = ModelVersion.objects.filter(line=line).order_by("number").first()
            if current is None:
                current = model_version_register(
                    line=line, base=TINY_BASE, uri=str(path), artifact_hash=fingerprint
                )
                decision = PublishDecision.objects.create(
                    version=current, action=PublishAction.SEED, reason=SEED_REASON
                )
                publish_decision_audit(decision)
                current = model_version_publish(version=current)
                log.info("registered %s from the tiny model at %s", current, path)
        published.append(current)
    return published
