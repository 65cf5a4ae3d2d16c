"""Re-running oversight studies when a version of a line they name is published."""

from dataclasses import replace
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from annotation.studies.kinds.oversight.kind import Oversight
from annotation.studies.kinds.oversight.params import OversightParams, version_ref
from annotation.studies.models import Study
from annotation.studies.services.params import params_json, params_parse
from annotation.studies.services.studies import study_create
from registry.models import ModelVersion, VersionStatus


def oversight_reruns_schedule(*, version_id: int) -> list[Study]:
    """Start a re-run of every oversight study that asked for one and names the line of a newly
    published version among its debaters or judges, with that version added.

    Only the newest study of a chain re-runs (a study that was re-run already leaves it to its
    re-run), and a version already among the study's ones starts nothing, so calling this again
    for the same publication starts nothing more.
    """
    version = ModelVersion.objects.select_related("line").filter(pk=version_id).first()
    if version is None or version.status != VersionStatus.PUBLISHED:
        return []
    ref = version_ref(version)
    studies = list(Study.objects.filter(kind=Oversight.name).order_by("pk"))
    rerun = {study.params.get("rerun_of") for study in studies}
    started = []
    for study in studies:
        if not study.params.get("rerun_on_publish") or study.pk in rerun:
            continue
        params: OversightParams = params_parse(OversightParams, study.params)
        added = {
            name: (*getattr(params, name), ref)
            for name in ("debaters", "judges")
            if ref not in getattr(params, name)
            and any(r.rpartition(":")[0] == version.line.slug for r in getattr(params, name))
        }
        if not added:
            continue
        again = replace(
            params,
            debaters=added.get("debaters", params.debaters),
            judges=added.get("judges", params.judges),
            rerun_of=study.pk,
        )
        started.append(
            study_create(kind=Oversight.name, params=params_json(again), actor=study.created_by)
        )
    return started


def _version_saved(
    sender: type[ModelVersion], instance: ModelVersion, update_fields: Any, **_: Any
) -> None:
    if instance.status == VersionStatus.PUBLISHED and (
        update_fields is None or "status" in update_fields
    ):
        version_id = instance.pk
        # After the publish commits; a failure here is logged and never undoes the publish.
        transaction.on_commit(lambda: oversight_reruns_schedule(version_id=version_id), robust=True)


def oversight_reruns_connect() -> None:
    """Re-run oversight studies after every publish (the studies app calls this once, at
    start-up): registry publishes through model_version_publish, which saves the version's
    status, and knows nothing of studies."""
    post_save.connect(_version_saved, sender=ModelVersion, dispatch_uid="studies.oversight.reruns")
