"""The platform-wide audit log: who may read it, its filters, and the actions that write it."""

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.hazards.services.taxonomy import taxonomy_create
from annotation.hazards.taxonomy_default import CATEGORIES, SEVERITY_SCALE
from annotation.principles.services.constitution import constitution_enact, constitution_seed
from annotation.principles.services.proposals import proposal_veto
from audit.models import AuditAction, AuditEntry
from audit.services import audit_record
from loop.services.publishing import PublishRefused, version_publish
from loop.services.snapshots import snapshot_build, snapshot_request
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from tests.factories import ModelVersionFactory, ProposalFactory, UserFactory, VotingRoundFactory

pytestmark = pytest.mark.django_db
POLIS = Path(__file__).resolve().parents[1] / "data" / "polis" / "15-per-hour-seattle"


def entries(action: AuditAction) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action))


def test_researchers_and_admins_read_the_log_raters_do_not(client_as) -> None:
    assert client_as(Role.RESEARCHER).get("/api/audit/").status_code == 200
    assert client_as(Role.ADMIN).get("/api/audit/").status_code == 200
    assert client_as(Role.RATER).get("/api/audit/").status_code == 403


def test_the_log_filters_by_action_actor_and_dates_and_pages(client_as, make_user) -> None:
    ada, bob = make_user(Role.ADMIN, username="ada"), make_user(Role.ADMIN, username="bob")
    for n in range(3):
        audit_record(
            action=AuditAction.POLICY_SET, actor=ada, object_type="x", summary=f"policy {n}"
        )
    veto = audit_record(
        action=AuditAction.PROPOSAL_VETO, actor=bob, object_type="x", summary="veto"
    )
    old = audit_record(action=AuditAction.TAXONOMY_EDIT, actor=None, object_type="x", summary="old")
    AuditEntry.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=10))
    client = client_as(Role.RESEARCHER)

    def summaries(**query: Any) -> list[str]:
        answer = client.get("/api/audit/", query)
        assert answer.status_code == 200, answer.json()
        return [e["summary"] for e in answer.json()["results"]]

    assert summaries(action="proposal.veto") == ["veto"]
    assert sorted(summaries(action=["proposal.veto", "taxonomy.edit"])) == ["old", "veto"]
    assert summaries(actor="bob") == ["veto"]
    today = timezone.localdate()
    assert "old" not in summaries(since=today.isoformat())
    assert summaries(until=(today - dt.timedelta(days=5)).isoformat()) == ["old"]
    first = client.get("/api/audit/", {"actor": "bob"}).json()["results"][0]
    assert (first["id"], first["actor"], first["action_label"]) == (
        veto.pk,
        "bob",
        "Proposal vetoed",
    )
    assert client.get("/api/audit/", {"action": "nonsense"}).status_code == 400
    bad_range = client.get("/api/audit/", {"since": "2026-02-02", "until": "2026-02-01"})
    assert bad_range.json()["fields"]["until"]
    assert summaries(actor="ada") == ["policy 2", "policy 1", "policy 0"]
    paged = client.get("/api/audit/", {"action": "policy.set", "page_size": 2}).json()
    assert (paged["count"], len(paged["results"]), paged["next"] is not None) == (3, 2, True)


def test_publish_decisions_name_the_version_by_line_and_number(make_user) -> None:
    version = ModelVersionFactory.create()
    researcher, admin = make_user(Role.RESEARCHER), make_user(Role.ADMIN)
    with pytest.raises(PublishRefused):
        version_publish(version=version, actor=researcher)
    version_publish(version=version, actor=admin, override_reason="Checked by hand.")
    (refused,) = entries(AuditAction.VERSION_REFUSED)
    (override,) = entries(AuditAction.VERSION_OVERRIDE)
    label = f"{version.line.slug} v{version.number}"
    assert refused.actor == researcher
    assert refused.summary.startswith(label)
    assert override.actor == admin
    assert override.details["reason"] == "Checked by hand."
    assert (override.object_type, override.object_id) == ("modelversion", str(version.pk))


def test_seeding_a_line_is_audited(published_lines) -> None:
    seeds = entries(AuditAction.VERSION_SEED)
    assert {e.details["line"] for e in seeds} == {v.line.slug for v in published_lines}


def test_vetoes_enactments_and_taxonomy_edits_are_audited(make_user) -> None:
    researcher = make_user(Role.RESEARCHER)
    proposal = ProposalFactory.create()
    proposal_veto(proposal=proposal, user=researcher, reason="Against a red line.")
    (veto,) = entries(AuditAction.PROPOSAL_VETO)
    assert veto.actor == researcher
    assert "Against a red line." in veto.summary

    current = constitution_seed()
    voting_round = VotingRoundFactory.create(base_version=current)
    enacted = constitution_enact(
        voting_round=voting_round, current=current, passing=[], user=researcher
    )
    (enactment,) = entries(AuditAction.CONSTITUTION_ENACT)
    assert enactment.object_id == str(enacted.number)
    assert f"v{enacted.number}" in enactment.summary

    taxonomy_create(categories=CATEGORIES, severity_scale=SEVERITY_SCALE, user=researcher)
    edits = entries(AuditAction.TAXONOMY_EDIT)
    assert [e.actor for e in edits] == [researcher]


def test_role_changes_are_audited() -> None:
    user = UserFactory.create()
    researchers = Group.objects.get(name=Role.RESEARCHER.value)
    user.groups.add(researchers)
    user.groups.remove(researchers)
    assert [e.summary for e in entries(AuditAction.ROLE_CHANGE)] == [
        f"{user.username}: role researcher removed",
        f"{user.username}: role researcher added",
    ]


def test_policy_changes_are_audited_and_an_unset_policy_reads_as_the_defaults(
    client_as, make_user
) -> None:
    version = ModelVersionFactory.create()
    slug = version.line.slug
    defaults = client_as(Role.RESEARCHER).get(f"/api/loop/policies/{slug}/")
    assert defaults.status_code == 200
    assert defaults.json()["gates"]
    ada = make_user(Role.ADMIN, username="ada")
    admin = APIClient()
    admin.force_authenticate(ada)
    answer = admin.put(
        f"/api/loop/policies/{slug}/", {"gates": {"max_regression": 0.1}}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    (entry,) = entries(AuditAction.POLICY_SET)
    assert entry.actor == ada
    assert entry.details["changed"] == {"gates": {"max_regression": 0.1}}
    # Setting the same values again changes nothing and logs nothing.
    admin.put(f"/api/loop/policies/{slug}/", {"gates": {"max_regression": 0.1}}, format="json")
    assert len(entries(AuditAction.POLICY_SET)) == 1


def test_a_snapshot_export_downloads_as_a_zip_and_is_audited(
    client_as, make_user, tmp_path: Path
) -> None:
    rater = make_user(Role.RATER)
    for i in range(12):
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type="test.item",
            item_id=i,
            payload={"prompt": f"Question {i}?\n", "chosen": "Gladly.", "rejected": "No."},
            idempotency_key=f"pref-{i}",
            source_user=rater,
        )
    with override_settings(DATASETS_DIR=tmp_path / "datasets"):
        snapshot, _ = snapshot_request(recipe={"kinds": ["preference"]})
        snapshot_build(snapshot_id=snapshot.pk)
        snapshot.refresh_from_db()
        answer = client_as(Role.RESEARCHER).get(
            f"/api/loop/snapshots/{snapshot.pk}/export/archive/"
        )
        assert answer.status_code == 200
        assert answer["Content-Type"] == "application/zip"
        archive = zipfile.ZipFile(io.BytesIO(b"".join(answer.streaming_content)))
    prefix = f"{snapshot.content_hash[:12]}-hf/"
    assert f"{prefix}README.md" in archive.namelist()
    assert snapshot.content_hash in archive.read(f"{prefix}README.md").decode()
    (entry,) = entries(AuditAction.SNAPSHOT_EXPORT)
    assert entry.object_id == str(snapshot.pk)


def _polis_files(**overrides: Any) -> dict[str, Any]:
    files = {
        "comments": io.BytesIO((POLIS / "comments.csv").read_bytes()),
        "votes": io.BytesIO((POLIS / "votes.csv").read_bytes()),
        "participants_votes": io.BytesIO((POLIS / "participants-votes.csv").read_bytes()),
        "summary": io.BytesIO((POLIS / "summary.csv").read_bytes()),
    }
    for stream in files.values():
        stream.name = "upload.csv"
    return {**files, **overrides}


def test_researchers_import_a_polis_conversation_by_upload(
    client_as: Callable[..., APIClient],
) -> None:
    researcher = client_as(Role.RESEARCHER)
    assert researcher.get("/api/principles/polis/").json() == []
    answer = researcher.post(
        "/api/principles/polis/", {"slug": "seattle", **_polis_files()}, format="multipart"
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["slug"] == "seattle"
    assert body["comments"] > 0
    assert body["participants"] > 0
    assert [c["slug"] for c in researcher.get("/api/principles/polis/").json()] == ["seattle"]
    (entry,) = entries(AuditAction.POLIS_IMPORT)
    assert entry.object_id == "seattle"
    for role in (Role.ADMIN, Role.RATER):
        assert client_as(role).get("/api/principles/polis/").status_code == 403


def test_an_unreadable_polis_upload_is_refused_by_field(client_as) -> None:
    broken = io.BytesIO(b"nothing,useful\n1,2\n")
    broken.name = "votes.csv"
    answer = client_as(Role.RESEARCHER).post(
        "/api/principles/polis/",
        {"slug": "broken", **_polis_files(votes=broken)},
        format="multipart",
    )
    assert answer.status_code == 400
    assert "uploaded files" in answer.json()["fields"]["files"][0]
    assert not entries(AuditAction.POLIS_IMPORT)
