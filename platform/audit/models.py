from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    """Every action the platform-wide log records; activities name theirs here too, so that
    the log's filter lists them and grep finds every writer by its constant."""

    VERSION_PUBLISH = "version.publish", "Version published (gates passed)"
    VERSION_OVERRIDE = "version.override", "Version published over failed gates"
    VERSION_REFUSED = "version.refused", "Publish refused by the gates"
    VERSION_ROLLBACK = "version.rollback", "Version rolled back to"
    VERSION_SEED = "version.seed", "Line's first version installed"
    RUN_CANCEL = "run.cancel", "Training run cancelled"
    POLICY_SET = "policy.set", "Line policy or gates changed"
    SNAPSHOT_EXPORT = "snapshot.export", "Snapshot exported (Hugging Face)"
    CONSTITUTION_ENACT = "constitution.enact", "Constitution version enacted"
    PROPOSAL_VETO = "proposal.veto", "Proposal vetoed"
    TAXONOMY_EDIT = "taxonomy.edit", "Hazard taxonomy version added"
    ROLE_CHANGE = "role.change", "Roles changed"
    POLIS_IMPORT = "polis.import", "Polis conversation imported"
    GOLD_SET = "gold.set", "Item marked gold (known answer)"
    GOLD_CLEAR = "gold.clear", "Item's gold mark removed"


class AuditEntry(models.Model):
    """One consequential action, written in the transaction of the action itself; never edited.

    The object is named by type and id as text (a slug or a number), so the log points at rows
    of any app without a foreign key to each; the summary names versions by line and number.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # None: the platform itself (a periodic trigger, an installation step, a shell).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    action = models.CharField(max_length=32, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(max_length=500)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"
