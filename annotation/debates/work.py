from django.contrib.auth.models import User

from accounts.work import WorkItem
from annotation.debates.models import Assignment, AssignmentStatus, DebateStatus
from annotation.debates.selectors import debates_open_to, open_cutoff, seats_of
from diversity.quotas import quota_routing


def debate_work(user: User) -> list[WorkItem]:
    # Anyone seated as a debater argues, whatever their role: seats are given by researchers.
    arguing = [
        WorkItem(
            kind="debate-argue",
            title="Argue in debates",
            description=(
                "Defend the answer you were given with arguments and quotes from the story; "
                "a judge who cannot read the story decides."
            ),
            url="/debates/argue",
            count=seats_of(user=user).filter(debate__status=DebateStatus.RUNNING).count(),
        )
    ]
    if not user.has_perm("accounts.take_rating_work"):
        return arguing
    open_now = Assignment.objects.filter(
        judge=user, status=AssignmentStatus.OPEN, created_at__gte=open_cutoff()
    ).count()
    # Question sets whose quota for one of the judge's groups is met give them nothing
    # (services.assignments.assignment_next), so their debates are not counted.
    full = quota_routing(activity="debates", user=user).blocked
    judgeable = debates_open_to(user=user).exclude(question__question_set_id__in=full)
    return [
        WorkItem(
            kind="debate",
            title="Judge debates",
            description=(
                "Read two sides arguing over a question about a story you cannot see, then say "
                "how likely each answer is. You learn the truth and your score after you commit."
            ),
            url="/debates/judge",
            count=open_now + judgeable.count(),
        ),
        *arguing,
    ]
