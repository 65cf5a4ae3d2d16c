from typing import Any

from django.db.models import QuerySet

from llm.models import Generation


def generations_of(*, user: Any) -> QuerySet[Generation]:
    return (
        Generation.objects.select_related("model_version__line")
        .filter(requested_by=user)
        .order_by("-created_at")
    )


def generation_visible_to(user: Any, key: str) -> bool:
    return key.isdigit() and generations_of(user=user).filter(pk=int(key)).exists()
