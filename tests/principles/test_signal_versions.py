"""Every signal records the constitution version in force, whichever activity records it."""

from accounts.roles import Role
from annotation.principles.models import ConstitutionVersion
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


def comment(user, key: str = "c1"):
    return signal_record(
        kind=SignalKind.COMMENT,
        item_type="test.item",
        item_id=1,
        payload={"text": "a comment"},
        idempotency_key=key,
        source_user=user,
    )


def test_without_a_constitution_no_version_is_recorded(db, make_user) -> None:
    signal, _ = comment(make_user(Role.RATER))
    assert signal.constitution_version is None


def test_signals_record_the_version_in_force_and_retries_keep_theirs(seeded, make_user) -> None:
    user = make_user(Role.RATER)
    first, _ = comment(user)
    assert first.constitution_version == seeded.number == 1

    ConstitutionVersion.objects.filter(pk=seeded.pk).update(is_current=False)
    ConstitutionVersion.objects.create(number=2, is_current=True)
    retried, created = comment(user)
    later, _ = comment(user, key="c2")

    assert (retried.pk, created, retried.constitution_version) == (first.pk, False, 1)
    assert later.constitution_version == 2


def test_the_loop_judges_against_the_principles_that_bind_ai(seeded) -> None:
    from annotation.principles.models import Audience
    from loop.providers import constitution_principles

    in_force = constitution_principles()
    binding = seeded.principles.exclude(audience=Audience.HUMANS)
    assert len(in_force) == binding.count() > 0
    assert all(f"{p.title}: {p.text}" in in_force for p in binding)
    humans_only = seeded.principles.filter(audience=Audience.HUMANS).first()
    assert humans_only is not None
    assert f"{humans_only.title}: {humans_only.text}" not in in_force
