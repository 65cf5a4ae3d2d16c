"""Publishing through the line's gates, overrides by admins, rollback; every outcome audited."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from audit.models import AuditAction
from audit.services import audit_record
from loop.gates import gate_failures
from loop.models import PublishAction, PublishDecision
from loop.selectors import line_policy
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version
from registry.services import model_version_publish
from webhooks.models import EventType
from webhooks.services.emit import webhook_emit_on_commit

OVERRIDE_PERMISSION = "registry.publish_modelversion"
# Each publish decision is also an entry of the platform-wide audit log.
AUDIT_ACTIONS = {
    PublishAction.PUBLISH: AuditAction.VERSION_PUBLISH,
    PublishAction.OVERRIDE: AuditAction.VERSION_OVERRIDE,
    PublishAction.REFUSED: AuditAction.VERSION_REFUSED,
    PublishAction.ROLLBACK: AuditAction.VERSION_ROLLBACK,
    PublishAction.SEED: AuditAction.VERSION_SEED,
}


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
        decision = PublishDecision.objects.create(
            version=version,
            replaced=replaced,
            action=action,
            actor=actor,
            gate_failures=failures,
            reason=override_reason,
        )
        publish_decision_audit(decision)
        if not refused:
            _decision_webhook_emit(decision)
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
    decision = PublishDecision.objects.create(
        version=version,
        replaced=published_version(line=version.line.slug),
        action=PublishAction.ROLLBACK,
        actor=actor,
        reason=reason.strip(),
    )
    publish_decision_audit(decision)
    _decision_webhook_emit(decision)
    return model_version_publish(version=version)


def publish_decision_audit(decision: PublishDecision) -> None:
    """The decision as an audit-log entry, in the decision's transaction."""
    version, replaced = decision.version, decision.replaced
    summary = f"{version.line.slug} v{version.number}: {decision.get_action_display()}"
    if replaced is not None:
        summary += f" (replacing v{replaced.number})"
    audit_record(
        action=AUDIT_ACTIONS[PublishAction(decision.action)],
        actor=decision.actor,
        target=version,
        summary=summary,
        details={
            "line": version.line.slug,
            "number": version.number,
            "replaced": replaced.number if replaced is not None else None,
            "gate_failures": decision.gate_failures,
            "reason": decision.reason,
        },
    )


def _decision_webhook_emit(decision: PublishDecision) -> None:
    """version.published or version.rolled_back for webhook endpoints, after the commit."""
    version, replaced = decision.version, decision.replaced
    rollback = decision.action == PublishAction.ROLLBACK
    webhook_emit_on_commit(
        event_type=EventType.VERSION_ROLLED_BACK if rollback else EventType.VERSION_PUBLISHED,
        payload={
            "version": version.pk,
            "line": version.line.slug,
            "number": version.number,
            "replaced": replaced.number if replaced is not None else None,
            "action": decision.action,
        },
        key=f"loop.publish-decision:{decision.pk}",
    )
