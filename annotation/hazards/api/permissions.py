"""Who may do what with hazard campaigns."""

from accounts.permissions import permission_required

RATER = permission_required("accounts.take_rating_work")
VIEW = permission_required("hazards.view_campaign")
RUN = permission_required("hazards.run_campaign")
