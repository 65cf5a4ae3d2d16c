"""Production security settings: HTTPS and HSTS from the environment, a Content-Security-Policy
the built frontend runs under, and no demo accounts with their public passwords in production."""

import secrets

import pytest
from rest_framework.test import APIClient

from tests.test_startup import manage, one_sentence

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "coalign.example.org",
    "TRUSTED_PROXIES": "1",
    "SECURE_HSTS_PRELOAD": "true",
}


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_https_settings_come_from_the_environment() -> None:
    script = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )
    defaults = manage("shell", "-c", script, **PRODUCTION)
    assert defaults.stdout.splitlines()[-1] == "True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https')"
    relaxed = manage(
        "shell",
        "-c",
        script,
        **{
            **PRODUCTION,
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "TRUSTED_PROXIES": "0",
        },
    )
    # Without a proxy in front, a client's X-Forwarded-Proto is not believed.
    assert relaxed.stdout.splitlines()[-1] == "False 0 None"


def test_demo_accounts_are_refused_with_debug_off() -> None:
    result = manage("demo_load", **PRODUCTION)
    assert result.returncode == 1
    assert "demo accounts are refused with DEBUG off" in one_sentence(result)


@pytest.mark.django_db
def test_pages_and_the_api_carry_a_content_security_policy() -> None:
    for path in ("/", "/api/health/", "/api/docs/"):
        policy = APIClient().get(path)["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert directives["script-src"] == "'self'", path
        # Inline styles only on the docs page, whose Swagger UI sets them.
        assert ("unsafe-inline" in directives["style-src"]) == (path == "/api/docs/")
    # The docs page loads its start-up script instead of inlining it.
    docs = APIClient().get("/api/docs/").content.decode()
    assert "<script>" not in docs
