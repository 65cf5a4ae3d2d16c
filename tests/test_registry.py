import pytest
from django.db import IntegrityError, transaction

from loop.models import PublishAction, PublishDecision
from loop.services.bootstrap import models_bootstrap
from registry.lines import DEFAULT_LINES
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version
from registry.services import model_version_publish, model_version_register

pytestmark = pytest.mark.django_db


def test_bootstrap_publishes_the_tiny_model_on_every_line_once(tiny_models_dir) -> None:
    first = models_bootstrap(models_dir=tiny_models_dir)
    again = models_bootstrap(models_dir=tiny_models_dir)
    assert [v.pk for v in first] == [v.pk for v in again]
    assert ModelVersion.objects.count() == len(DEFAULT_LINES)
    version = published_version(line="debater")
    assert version is not None
    assert (version.number, version.base) == (1, "co-align/tiny-llama")
    assert len(version.artifact_hash) == 64
    # Even the seed publish is audited, once per line.
    seeds = PublishDecision.objects.filter(action=PublishAction.SEED)
    assert sorted(seeds.values_list("version__line__slug", flat=True)) == sorted(
        slug for slug, _, _ in DEFAULT_LINES
    )


def test_versions_are_numbered_per_line(published_lines) -> None:
    line = ModelLine.objects.get(slug="judge")
    v2 = model_version_register(line=line, base="b", uri="/m2", parent=published_lines[1])
    v3 = model_version_register(line=line, base="b", uri="/m3", parent=v2)
    assert (v2.number, v3.number, v3.parent) == (2, 3, v2)


def test_publishing_swaps_atomically_and_rollback_is_publishing_again(published_lines) -> None:
    line = ModelLine.objects.get(slug="debater")
    v1 = published_lines[0]
    v2 = model_version_register(line=line, base="b", uri="/m2", parent=v1)
    model_version_publish(version=v2)
    assert published_version(line="debater") == v2
    assert ModelVersion.objects.get(pk=v1.pk).status == VersionStatus.RETIRED

    model_version_publish(version=v1)
    assert published_version(line="debater") == v1
    assert ModelVersion.objects.get(pk=v2.pk).status == VersionStatus.RETIRED


def test_the_database_allows_one_published_version_per_line(published_lines) -> None:
    line = ModelLine.objects.get(slug="debater")
    v2 = model_version_register(line=line, base="b", uri="/m2")
    with pytest.raises(IntegrityError), transaction.atomic():
        ModelVersion.objects.filter(pk=v2.pk).update(status=VersionStatus.PUBLISHED)


def test_the_code_version_comes_from_settings(published_lines, settings, monkeypatch) -> None:
    monkeypatch.setenv("CODE_VERSION", "read-elsewhere")
    settings.CODE_VERSION = "abc123"
    line = ModelLine.objects.get(slug="judge")
    assert model_version_register(line=line, base="b", uri="/m2").code_version == "abc123"


def test_the_code_version_is_asked_before_the_line_is_locked(published_lines, monkeypatch) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from registry import services

    def locked() -> bool:
        return any("FOR UPDATE" in query["sql"] for query in queries.captured_queries)

    asked_under_the_lock = []

    def code_version() -> str:
        asked_under_the_lock.append(locked())
        return "abc123"

    monkeypatch.setattr(services, "code_version", code_version)
    with CaptureQueriesContext(connection) as queries:
        version = model_version_register(
            line=ModelLine.objects.get(slug="judge"), base="b", uri="/m2"
        )
    assert (asked_under_the_lock, locked(), version.code_version) == ([False], True, "abc123")
