import functools
import logging
import subprocess
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from realtime.events import event_send
from registry.models import ModelLine, ModelVersion, VersionStatus

log = logging.getLogger(__name__)


def code_version() -> str:
    """The commit the code runs from (settings.CODE_VERSION in images, else git), for lineage."""
    if settings.CODE_VERSION:
        return settings.CODE_VERSION[:64]
    return _git_head()


@functools.cache
def _git_head() -> str:
    # Asked once per process: the code a process runs does not change under it, and callers
    # may hold row locks (a run registering its version), so git is not run again each time.
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()[:64]


def model_line_ensure(*, slug: str, name: str, description: str = "") -> ModelLine:
    line, _ = ModelLine.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )
    return line


def model_version_register(
    *,
    line: ModelLine,
    base: str,
    uri: str,
    parent: ModelVersion | None = None,
    status: str = VersionStatus.DRAFT,
    metrics: dict[str, Any] | None = None,
    training_run_ref: str = "",
    dataset_hash: str = "",
    artifact_hash: str = "",
) -> ModelVersion:
    if status == VersionStatus.PUBLISHED:
        raise ValueError("Register a version first, then publish it with loop's version_publish.")
    # May run git: asked before the transaction takes the line's lock, so it holds no one up.
    code = code_version()
    with transaction.atomic():
        # The line row is the lock that serialises version numbering.
        ModelLine.objects.select_for_update().get(pk=line.pk)
        last = ModelVersion.objects.filter(line=line).aggregate(n=Max("number"))["n"] or 0
        return ModelVersion.objects.create(
            line=line,
            number=last + 1,
            base=base,
            uri=uri,
            parent=parent,
            status=status,
            metrics=metrics or {},
            training_run_ref=training_run_ref,
            dataset_hash=dataset_hash,
            code_version=code,
            artifact_hash=artifact_hash,
        )


@transaction.atomic
def model_version_publish(*, version: ModelVersion) -> ModelVersion:
    """Make `version` its line's published version; the previous one is retired atomically.

    This is only the swap. Product code publishes through loop.services.publishing
    (`version_publish`, `version_rollback`) and loop.services.bootstrap (`models_bootstrap`),
    which apply the line's gates and write the audit row; a test keeps every other caller out
    (tests/test_publish_path.py).
    """
    ModelLine.objects.select_for_update().get(pk=version.line_id)
    version = ModelVersion.objects.select_related("line").get(pk=version.pk)
    if version.status == VersionStatus.PUBLISHED:
        return version
    ModelVersion.objects.filter(line_id=version.line_id, status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.RETIRED
    )
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    event_send(
        "registry",
        "registry.published",
        {"line": version.line.slug, "version": version.pk, "number": version.number},
    )
    return version
