from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from annotation.studies.models import FINISHED_STUDY_STATUSES, Study
from annotation.studies.services.steps import study_step_execute
from loop.models import DatasetSnapshot, RunStatus, SnapshotStatus, TrainingRun
from loop.services.policies import line_policy_set
from loop.services.runs import training_run_execute
from loop.tasks import snapshot_build_task


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path) -> Iterator[None]:
    with override_settings(DATASETS_DIR=tmp_path / "datasets", MODELS_DIR=tmp_path / "models"):
        yield


@pytest.fixture(autouse=True)
def one_torch_thread() -> Iterator[None]:
    """Studies train and score the tiny model in this process. Its matrices are too small to
    share out: on a busy 2-core machine two threads wait on each other, ten times slower."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture
def study_lines(published_lines: list[Any]) -> list[Any]:
    """The published lines; the loop evaluates each new version on one LLMBar pair per subset,
    to keep the tests short (the studies measure what they report themselves)."""
    for version in published_lines:
        line_policy_set(line=version.line, eval_llmbar_per_subset=1)
    return published_lines


def study_drive(study: Study, *, limit: int = 200) -> Study:
    """Run a study in this process as the workers would: the snapshot builds and training runs
    it waits for, then its current step, until it ends. (In a test transaction nothing queued
    after a commit is ever sent, so nothing runs twice.)"""
    for _ in range(limit):
        study.refresh_from_db()
        if study.status in FINISHED_STUDY_STATUSES:
            return study
        for snapshot_id in DatasetSnapshot.objects.filter(
            status=SnapshotStatus.BUILDING
        ).values_list("pk", flat=True):
            snapshot_build_task(snapshot_id)
        for run_id in TrainingRun.objects.filter(status=RunStatus.QUEUED).values_list(
            "pk", flat=True
        ):
            training_run_execute(run_id=run_id)
        study_step_execute(study_id=study.pk, dispatch=study.dispatch)
    pytest.fail(f"study #{study.pk} did not end within {limit} steps: {study.message}")
