"""A version's comparison with the version it replaces: the parent's figures on the same pairs
come from the cache after the first evaluation, so its model is not scored again."""

import shutil
from pathlib import Path
from typing import Any

import pytest

from loop.evaluation import LLMBAR_DIR
from loop.services.evaluation import version_evaluate
from registry.models import ModelLine
from registry.services import model_version_register
from training.evaluation import Scorer, llmbar_pairs, subsets_accuracy
from training.tiny import TINY_BASE, build_tiny_model, model_fingerprint

pytestmark = pytest.mark.django_db


def test_the_parent_is_scored_once_on_the_same_pairs(small_eval: list[Any], tmp_path: Path) -> None:
    line = ModelLine.objects.get(slug="debater")
    # Other weights than the child's (seed 0), so that the comparison is the parent's own.
    parent_dir = build_tiny_model(tmp_path / "parent", seed=1)
    parent = model_version_register(
        line=line, base=TINY_BASE, uri=str(parent_dir), artifact_hash=model_fingerprint(parent_dir)
    )
    child = model_version_register(
        line=line,
        base=TINY_BASE,
        uri=small_eval[0].uri,
        parent=parent,
        artifact_hash=small_eval[0].artifact_hash,
    )
    parent_llmbar = subsets_accuracy(
        Scorer(str(parent_dir), per_token=True), llmbar_pairs(LLMBAR_DIR, max_per_subset=2)
    )

    first = version_evaluate(version=child)
    # Without the cache, evaluating again would have to load the parent's model from here.
    shutil.rmtree(parent_dir)
    again = version_evaluate(version=child)

    assert first["comparison"]["llmbar_overall"] == parent_llmbar["overall"]
    assert again["comparison"] == first["comparison"]
    assert again["llmbar"] == first["llmbar"]
