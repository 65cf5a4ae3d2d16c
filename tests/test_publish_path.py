"""One publish path: every publish goes through the gates and leaves an audit row."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from accounts.roles import Role
from loop.gates import gate_failures
from loop.models import PublishAction, PublishDecision
from loop.services.publishing import PublishRefused, version_publish
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version
from registry.services import model_version_register

pytestmark = pytest.mark.django_db


def _draft() -> ModelVersion:
    line = ModelLine.objects.get(slug="judge")
    return model_version_register(line=line, base="b", uri="/m2")


def test_the_registry_no_longer_publishes_around_the_gates(published_lines, client_as) -> None:
    v2 = _draft()
    response = client_as(Role.ADMIN).post(f"/api/registry/versions/{v2.pk}/publish/")
    assert response.status_code == 404
    assert published_version(line="judge") == published_lines[1]


def test_an_unevaluated_version_is_refused_with_reasons_and_audited(
    published_lines, client_as
) -> None:
    v2 = _draft()
    response = client_as(Role.ADMIN).post(f"/api/loop/versions/{v2.pk}/publish/", {})
    assert response.status_code == 400
    fields = response.json()["fields"]
    assert fields["gates"] == ["preference_accuracy was not measured."]
    assert fields["override_reason"] == ["Give a reason to override."]
    assert published_version(line="judge") == published_lines[1]
    decision = PublishDecision.objects.get(version=v2)
    assert (decision.action, decision.gate_failures) == (
        PublishAction.REFUSED,
        ["preference_accuracy was not measured."],
    )


def test_an_admin_overrides_with_a_written_reason(published_lines, client_as) -> None:
    v2 = _draft()
    response = client_as(Role.ADMIN).post(
        f"/api/loop/versions/{v2.pk}/publish/", {"override_reason": " Hotfix for a demo. "}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == VersionStatus.PUBLISHED
    assert published_version(line="judge") == v2
    decision = PublishDecision.objects.get(version=v2)
    assert (decision.action, decision.reason, decision.replaced) == (
        PublishAction.OVERRIDE,
        "Hotfix for a demo.",
        published_lines[1],
    )


def test_a_researcher_cannot_override_the_gates(published_lines, client_as, make_user) -> None:
    v2 = _draft()
    response = client_as(Role.RESEARCHER).post(
        f"/api/loop/versions/{v2.pk}/publish/", {"override_reason": "Trust me."}
    )
    assert response.status_code == 403
    # Nor through the service, nor automatically (no actor): the refusal is audited.
    for actor in (make_user(Role.RESEARCHER), None):
        with pytest.raises(PublishRefused) as caught:
            version_publish(version=v2, actor=actor, override_reason="Trust me.")
        assert caught.value.override == "Only an admin can override failed gates."
    assert published_version(line="judge") == published_lines[1]
    assert list(PublishDecision.objects.filter(version=v2).values_list("action", flat=True)) == [
        PublishAction.REFUSED,
        PublishAction.REFUSED,
    ]


PRODUCT = ("platform", "annotation", "training")
# The swap itself, and the loop's two service modules allowed to call it (both audit it).
SWAP_CALLERS = {
    "platform/registry/services.py",
    "platform/loop/services/publishing.py",
    "platform/loop/services/bootstrap.py",
}


def test_nothing_else_in_the_product_sets_a_version_published() -> None:
    offenders = []
    for folder in PRODUCT:
        for path in (Path(settings.ROOT) / folder).rglob("*.py"):
            relative = str(path.relative_to(settings.ROOT))
            if "/migrations/" in relative:
                continue
            text = path.read_text()
            calls = re.search(r"model_version_publish\(", text)
            writes = re.search(
                r"\.status\s*=\s*VersionStatus\.PUBLISHED"
                r"|\.(update|create)\([^()]*status=(VersionStatus\.PUBLISHED|\"published\")",
                text,
            )
            if (calls or writes) and relative not in SWAP_CALLERS:
                offenders.append(relative)
    assert offenders == []


def test_a_preference_accuracy_on_too_few_held_out_pairs_fails_its_gate() -> None:
    gates: dict[str, float | None] = {"min_preference_accuracy": 0.9, "min_held_out_pairs": 8}

    def measured_on(pairs: int) -> dict[str, Any]:
        return {"preference_accuracy": 1.0, "evaluated_on": {"held_out_pairs": pairs}}

    assert gate_failures(measured_on(2), gates) == [
        "evaluated_on.held_out_pairs is 2.000, below the required 8."
    ]
    assert gate_failures(measured_on(8), gates) == []
