"""Who may use the principle endpoints: readers of the constitution, proposers, voters, and the
researchers who manage rounds."""

from accounts.permissions import permission_required

can_view = permission_required("principles.view_constitutionversion")
can_propose = permission_required("principles.add_proposal")
can_vote = permission_required("principles.add_vote")
can_manage = permission_required("principles.manage_votinground")
