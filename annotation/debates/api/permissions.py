"""Who may use the debate endpoints: judges (rating work), researchers who run debates, and
those who read the analytics."""

from accounts.permissions import permission_required

can_judge = permission_required("accounts.take_rating_work")
can_run = permission_required("debates.run_debate")
can_analyse = permission_required("debates.view_debate_analytics")
