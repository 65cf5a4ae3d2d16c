from django.contrib.auth.models import User

from accounts.work import WorkItem
from annotation.debates.models import Assignment, AssignmentStatus
from annotation.debates.selectors import debates_open_to


def debate_work(user: User) -> list[WorkItem]:
    if not user.has_perm("accounts.take_rating_work"):
        return []
    open_now = Assignment.objects.filter(judge=user, status=AssignmentStatus.OPEN).count()
    return [
        WorkItem(
            kind="debate",
            title="Judge debates",
            description=(
                "Read two sides arguing over a question about a story you cannot see, then say "
                "how likely each answer is. You learn the truth and your score after you commit."
            ),
            url="/debates/judge",
            count=open_now + debates_open_to(user=user).count(),
        )
    ]
