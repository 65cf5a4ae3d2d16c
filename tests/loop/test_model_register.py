"""Real weights replace the untrained demo model through `manage.py model_register`."""

import pytest
from django.core.management import CommandError, call_command

from accounts.roles import Role
from loop.models import PublishAction, PublishDecision
from registry.models import ModelVersion
from registry.selectors import published_version


def _published() -> ModelVersion:
    version = published_version(line="redteam-target")
    assert version is not None
    return version


def test_registered_weights_are_published_by_an_admin_and_no_longer_marked(
    published_lines, make_user, tmp_path
) -> None:
    weights = tmp_path / "mistral-7b-instruct"
    weights.mkdir()
    admin = make_user(Role.ADMIN)
    assert _published().untrained_demo

    call_command("model_register", "redteam-target", str(weights), "--base", "mistralai/Mistral")
    assert _published().untrained_demo  # registered, not published
    with pytest.raises(CommandError, match="stays unpublished"):
        call_command(
            "model_register", "redteam-target", str(weights), "--publish-as", admin.username
        )

    call_command(
        "model_register",
        "redteam-target",
        str(weights),
        "--base",
        "mistralai/Mistral",
        "--publish-as",
        admin.username,
        "--reason",
        "Real weights for the demo.",
    )
    version = _published()
    assert (version.uri, version.untrained_demo) == (str(weights), False)
    decision = PublishDecision.objects.get(version=version)
    assert decision.action in (PublishAction.PUBLISH, PublishAction.OVERRIDE)
    with pytest.raises(CommandError, match="not a folder"):
        call_command("model_register", "redteam-target", str(tmp_path / "missing"))
