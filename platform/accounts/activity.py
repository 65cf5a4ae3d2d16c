"""What accounts contributes to the platform's extension points (activities.interface)."""

from accounts.work import WorkProvider, profile_work
from activities.interface import Activity


class AccountsActivity(Activity):
    name = "accounts"

    def work_provider(self) -> WorkProvider:
        # Invites a rater to fill in their background once.
        return profile_work
