from enum import StrEnum


class PlatformAuditActionEnum(StrEnum):
    CONSTITUTION_ENACT = "constitution.enact"
    GOLD_CLEAR = "gold.clear"
    GOLD_SET = "gold.set"
    POLICY_SET = "policy.set"
    POLIS_IMPORT = "polis.import"
    PROPOSAL_VETO = "proposal.veto"
    ROLE_CHANGE = "role.change"
    RUN_CANCEL = "run.cancel"
    SNAPSHOT_EXPORT = "snapshot.export"
    TAXONOMY_EDIT = "taxonomy.edit"
    VERSION_OVERRIDE = "version.override"
    VERSION_PUBLISH = "version.publish"
    VERSION_REFUSED = "version.refused"
    VERSION_ROLLBACK = "version.rollback"
    VERSION_SEED = "version.seed"

    def __str__(self) -> str:
        return str(self.value)
