"""The rater home's list of available work, gathered from every activity that offers some.

Each installed activity may give a work provider (activities.interface.Activity.work_provider):
debates, hazards and principles offer their work, accounts the profile invitation.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import User

from activities.installed import activities_installed


@dataclass(frozen=True)
class WorkItem:
    kind: str
    title: str
    description: str
    url: str  # the frontend route where the work is done
    count: int


WorkProvider = Callable[[User], list[WorkItem]]


def work_available(*, user: User) -> list[WorkItem]:
    items: list[WorkItem] = []
    for activity in activities_installed():
        provider = activity.work_provider()
        if provider is not None:
            items.extend(item for item in provider(user) if item.count > 0)
    return items


def profile_work(user: User) -> list[WorkItem]:
    from accounts.models import RaterProfile

    # Opening the profile page once creates the row: the invitation is then answered.
    seen = RaterProfile.objects.filter(user=user).exists()
    if seen or not user.has_perm("accounts.take_rating_work"):
        return []
    return [
        WorkItem(
            kind="profile",
            title="Tell us about your background (optional)",
            description=(
                "Languages, region, expertise and perspective help spread work across "
                "backgrounds and report how diverse the raters are. Sharing is optional."
            ),
            url="/profile",
            count=1,
        )
    ]
