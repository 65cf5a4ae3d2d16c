from typing import Any

from django.db.models import QuerySet

from annotation.studies.models import Study

RUN_STUDY = "studies.run_study"


def studies_list() -> QuerySet[Study]:
    return Study.objects.select_related("created_by")


def study_watchable(user: Any, key: str) -> bool:
    """`study:<id>`: the live progress of one study, for those who may run studies."""
    return bool(
        key.isdigit() and user.has_perm(RUN_STUDY) and Study.objects.filter(pk=int(key)).exists()
    )


def studies_watchable(user: Any, key: str) -> bool:
    """`studies`: every study's progress, for the list page."""
    return not key and bool(user.has_perm(RUN_STUDY))
