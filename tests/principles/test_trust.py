"""Rater trust in principle voting: a voter's dwell is stored with the vote's signal, their
agreement is with the other voters' majority, and comments beyond the rate answer 429."""

import pytest
from django.core.cache import cache

from accounts.roles import Role
from annotation.principles.services.votes import vote_cast
from annotation.principles.trust import voter_trust_components
from trust.models import SubmissionTiming
from trust.throttles import CommentThrottle

pytestmark = pytest.mark.django_db


def test_votes_store_their_dwell_and_agree_with_the_others_majority(
    open_round, propose, client_as, make_user, settings
) -> None:
    settings.RATER_MIN_DWELL_MS = {**settings.RATER_MIN_DWELL_MS, "vote": 2000}
    proposal = propose(open_round())
    voter = client_as(Role.RATER)
    answer = voter.post(
        f"/api/principles/proposals/{proposal.pk}/vote/", {"choice": "agree", "dwell_ms": 500}
    )
    assert answer.status_code == 200, answer.content
    others = [make_user(Role.RATER) for _ in range(3)]
    for other, choice in zip(others, ["agree", "agree", "disagree"], strict=True):
        vote_cast(proposal=proposal, user=other, choice=choice, dwell_ms=5000)

    timings = {t.user.username: (t.too_fast, t.floor_ms) for t in SubmissionTiming.objects.all()}
    assert sorted(timings.values()) == [(False, 2000)] * 3 + [(True, 2000)]
    components = voter_trust_components()
    agreements = sorted((c.agreement_items, c.agreement_sum) for c in components.values())
    # Three agree and one disagrees: each agreeing voter matches the others' majority.
    assert agreements == [(1, 0.0), (1, 1.0), (1, 1.0), (1, 1.0)]
    assert all(c.gold_items == 0 for c in components.values())


def test_comments_beyond_the_rate_answer_429(open_round, propose, client_as, settings) -> None:
    settings.RATER_SUBMISSION_RATES = {**settings.RATER_SUBMISSION_RATES, "comment": "1/h"}
    proposal = propose(open_round())
    voter = client_as(Role.RATER)
    user_id = voter.get("/api/auth/me/").json()["id"]
    cache.delete(CommentThrottle.cache_format % {"scope": "submission:comment", "ident": user_id})
    url = f"/api/principles/proposals/{proposal.pk}/comments/"

    first = voter.post(url, {"text": "Clearer, thanks.", "dwell_ms": 8000})
    second = voter.post(url, {"text": "Also this."})

    assert first.status_code == 201, first.content
    assert second.status_code == 429
    assert second.json()["retry_after"] > 3000
    assert int(second["Retry-After"]) == second.json()["retry_after"]
    # Reading the comments is not a submission.
    assert voter.get(url).status_code == 200
