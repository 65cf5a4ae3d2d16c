"""Publishing through the line's gates, overrides by admins, rollback; every outcome audited."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from loop.gates import gate_failures
from loop.models import PublishAction, PublishDecision
from loop.selectors import line_policy
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version
from registry.services import model_version_publish

OVERRIDE_PERMISSION = "registry.publish_modelversion"


class PublishRefused(ValidationError):
    """The gates refused the version; `override` says what an override would need.

    A ValidationError, so that the API answers it as any invalid input: 400 with the failed
    gates under `gates` and what is missing under `override_reason`.
    """

    def __init__(self, failures: list[str], override: str) -> None:
        super().__init__({"gates": failures, "override_reason": [override]})
        self.failures = failures
        self.override = override


def _may_override(actor: User | None) -> bool:
    # Only admins hold the publish permission; automatic publishing (no actor) never overrides.
    return actor is not None and actor.has_perm(OVERRIDE_PERMISSION)


def version_publish(
    *, version: ModelVersion, actor: User | None, override_reason: str = ""
) -> ModelVersion:
    """Publish a version that passes its line's gates, or, by an admin, any evaluated one
    with a written reason. This is the one way a version becomes published (rollback and the
    first install of a line, loop.services.bootstrap, are the other two audited actions).

    Every outcome is audited; a refusal is recorded (and committed) before PublishRefused is
    raised.
    """
    with transaction.atomic():
        ModelLine.objects.select_for_update().get(pk=version.line_id)
        version = ModelVersion.objects.select_related("line").get(pk=version.pk)
        if version.status == VersionStatus.PUBLISHED:
            return version
        if version.status == VersionStatus.EVALUATING:
            raise ValidationError({"version": "The version is still being evaluated."})
        replaced = published_version(line=version.line.slug)
        failures = gate_failures(version.metrics, line_policy(version.line).gates)
        override_reason = override_reason.strip()
        overridden = bool(failures) and bool(override_reason) and _may_override(actor)
        refused = bool(failures) and not overridden
        action = (
            PublishAction.REFUSED
            if refused
            else PublishAction.OVERRIDE
            if failures
            else PublishAction.PUBLISH
        )
        PublishDecision.objects.create(
            version=version,
            replaced=replaced,
            action=action,
            actor=actor,
            gate_failures=failures,
            reason=override_reason,
        )
        if not refused:
            return model_version_publish(version=version)
    override = (
        "Only an admin can override failed gates."
        if override_reason and not _may_override(actor)
        else "Give a reason to override."
    )
    raise PublishRefused(failures, override)


@transaction.atomic
def version_rollback(*, version: ModelVersion, actor: User, reason: str = "") -> ModelVersion:
    """Make an earlier, once-published version the published one again, in one step."""
    ModelLine.objects.select_for_update().get(pk=version.line_id)
    version = ModelVersion.objects.select_related("line").get(pk=version.pk)
    if version.status == VersionStatus.PUBLISHED:
        return version
    if version.published_at is None:
        raise ValidationError(
            {"version": "Only a version that was published before can be rolled back to."}
        )
    PublishDecision.objects.create(
        version=version,
        replaced=published_version(line=version.line.slug),
        action=PublishAction.ROLLBACK,
        actor=actor,
        reason=reason.strip(),
    )
    return model_version_publish(version=version)
