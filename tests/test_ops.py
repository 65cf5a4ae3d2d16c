"""Health checks for load balancers and the idempotent demo content of `make run`."""

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from rest_framework.test import APIClient

from accounts.roles import Role, roles_of
from ops.demo import DEMO_LOGINS
from registry.models import ModelVersion, VersionStatus


def test_health_is_public_and_names_each_check(db) -> None:
    response = APIClient().get("/api/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "redis": True,
        "migrations": True,
    }


def test_health_is_503_while_a_migration_is_not_applied(db) -> None:
    MigrationRecorder(connection).record_unapplied("ops", "0001_initial")
    response = APIClient().get("/api/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"]["ok"] is False


def test_demo_content_loads_twice_without_adding_anything(db, settings, tmp_path, capsys) -> None:
    settings.DEBUG = True  # demo accounts are refused otherwise
    settings.MODELS_DIR = tmp_path
    call_command("demo_load")
    first = capsys.readouterr().out
    counts = (User.objects.count(), ModelVersion.objects.count())
    call_command("demo_load")
    assert (User.objects.count(), ModelVersion.objects.count()) == counts

    for login in DEMO_LOGINS:
        user = User.objects.get(username=login.username)
        assert user.check_password(login.password)
        assert set(roles_of(user)) >= set(login.roles)
        assert login.username in first
    published = ModelVersion.objects.filter(status=VersionStatus.PUBLISHED)
    assert published.count() == ModelVersion.objects.count() == counts[1] > 0
    assert all(User.objects.get(username="admin").has_perm(p) for p in _admin_perms())


def _admin_perms() -> list[str]:
    from accounts.roles import ROLE_PERMISSIONS

    return sorted(ROLE_PERMISSIONS[Role.ADMIN])


def test_platform_run_listens_where_the_settings_say(settings) -> None:
    from ops.management.commands.platform_run import Command

    settings.HOST, settings.PORT, settings.WEB_CONCURRENCY = "0.0.0.0", 8123, 3
    options = Command().create_parser("manage.py", "platform_run").parse_args([])

    assert (options.host, options.port, options.web_workers) == ("0.0.0.0", 8123, 3)
