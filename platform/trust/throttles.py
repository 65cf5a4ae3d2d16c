"""Per-person limits on submissions, one per kind (settings.RATER_SUBMISSION_RATES), counted in
the Redis cache. Beyond its limit a submission answers 429 in the one error shape, with a
Retry-After header and `retry_after` in the body (config/api.py).

Each activity's submission view names its kind's class in `throttle_classes`; reads of the same
view (a GET on the comments list) are not counted.
"""

from typing import Any

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class SubmissionThrottle(SimpleRateThrottle):
    # The submission's signal kind, a key of RATER_SUBMISSION_RATES.
    kind = ""

    def get_rate(self) -> str | None:
        # Read per request, not at import as DRF's DEFAULT_THROTTLE_RATES are, so that a
        # changed setting (tests' `settings` fixture) applies at once.
        rate: str | None = settings.RATER_SUBMISSION_RATES.get(self.kind)
        return rate

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user.is_authenticated:
            return None  # refused by the view's permissions anyway
        return self.cache_format % {"scope": f"submission:{self.kind}", "ident": request.user.pk}


class JudgementThrottle(SubmissionThrottle):
    kind = "judgement"


class HazardLabelThrottle(SubmissionThrottle):
    kind = "hazard_label"


class VoteThrottle(SubmissionThrottle):
    kind = "vote"


class CommentThrottle(SubmissionThrottle):
    kind = "comment"
