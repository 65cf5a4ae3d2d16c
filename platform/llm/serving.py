"""Which version answers a served line, where its server is, and when the line's traffic moves.

Lines in LLM_OPENAI_LINES are served by OpenAI-compatible servers (vLLM), one per version,
that the serving agent (llm.serving_agent) starts and stops. Publishing a version does not
move those lines at once: their route keeps naming the previous version until the new
version's server answers, and only then does new work go to it. This module is what web and
worker code reads; the agent writes the rows.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from llm.backends.base import BackendError
from llm.models import EndpointState, ServingEndpoint, ServingRoute
from realtime.events import event_send
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version

ANSWERING = (EndpointState.READY, EndpointState.DRAINING)


def serving_managed(line: str) -> bool:
    """Whether `line` is served by per-version servers that the serving agent looks after."""
    return line in settings.LLM_OPENAI_LINES


def serving_version(*, line: str) -> ModelVersion | None:
    """The version that a line's new work runs on now.

    That is the published version, except on served lines while the newly published version's
    server is still loading: then it is the version the line's traffic still goes to.
    """
    if serving_managed(line):
        route = ServingRoute.objects.select_related("version__line").filter(line__slug=line).first()
        if route is not None:
            return route.version
    return published_version(line=line)


def endpoint_url(version: ModelVersion, *, wait_s: float | None = None) -> str:
    """The /v1 base URL of a server answering for `version`, waiting for one if none answers yet.

    Asking for a version that is not its line's current one (a debate that started on it, a
    campaign aimed at it) keeps its server up, or has it started again, for SERVING_IDLE_S.
    """
    wait_s = settings.SERVING_WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    off_route = not ServingRoute.objects.filter(line_id=version.line_id, version=version).exists()
    while True:
        endpoint = _endpoint_touch(version, demand=off_route)
        if endpoint.state in ANSWERING and endpoint.base_url:
            return endpoint.base_url
        if time.monotonic() >= deadline:
            reason = f" (last error: {endpoint.error})" if endpoint.error else ""
            raise BackendError(
                f"no server for {version.served_name} became ready within {wait_s:g} s"
                f"{reason}: check that a serving agent runs (manage.py serving_agent) "
                "and its log, or raise SERVING_WAIT_S"
            )
        time.sleep(0.5)


def _endpoint_touch(version: ModelVersion, *, demand: bool) -> ServingEndpoint:
    """The version's endpoint row (created if missing), its demand time set when `demand`."""
    now = timezone.now()
    if demand:
        ServingEndpoint.objects.filter(version=version).update(requested_at=now)
    endpoint, _ = ServingEndpoint.objects.get_or_create(
        version=version, defaults={"requested_at": now if demand else None}
    )
    return endpoint


def versions_wanted() -> set[int]:
    """Ids of the versions that need a server: every served line's published version and the
    version its traffic goes to, and versions asked for within SERVING_IDLE_S."""
    wanted: set[int] = set()
    lines = list(settings.LLM_OPENAI_LINES)
    wanted.update(
        ModelVersion.objects.filter(
            line__slug__in=lines, status=VersionStatus.PUBLISHED
        ).values_list("pk", flat=True)
    )
    wanted.update(
        ServingRoute.objects.filter(line__slug__in=lines).values_list("version_id", flat=True)
    )
    recent = timezone.now() - timedelta(seconds=settings.SERVING_IDLE_S)
    wanted.update(
        ServingEndpoint.objects.filter(
            version__line__slug__in=lines, requested_at__gte=recent
        ).values_list("version_id", flat=True)
    )
    return wanted


def route_advance(*, line: str) -> ServingRoute | None:
    """Move the line's traffic to its published version if that version's server is ready.

    Until then the route stays where it is, so no request goes to a server that is not up.
    """
    with transaction.atomic():
        model_line = ModelLine.objects.select_for_update().filter(slug=line).first()
        if model_line is None:
            return None
        route = ServingRoute.objects.filter(line=model_line).first()
        published = published_version(line=line)
        if published is None or (route is not None and route.version_id == published.pk):
            return route
        if not ServingEndpoint.objects.filter(
            version=published, state=EndpointState.READY
        ).exists():
            return route
        previous = route.version if route is not None else None
        route, _ = ServingRoute.objects.update_or_create(
            line=model_line, defaults={"version": published, "switched_at": timezone.now()}
        )
        event_send(
            "registry",
            "serving.switched",
            {
                "line": line,
                "version": published.pk,
                "number": published.number,
                "previous": previous.pk if previous is not None else None,
            },
        )
        return route


def endpoints_list() -> list[ServingEndpoint]:
    return list(
        ServingEndpoint.objects.select_related("version__line").order_by(
            "version__line__slug", "-version__number"
        )
    )


def routes_list() -> list[ServingRoute]:
    return list(ServingRoute.objects.select_related("line", "version").order_by("line__slug"))
