from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from accounts.roles import Role
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path) -> Any:
    with override_settings(DATASETS_DIR=tmp_path / "datasets", MODELS_DIR=tmp_path / "models"):
        yield


def pair(n: int) -> dict[str, str]:
    """A courteous answer preferred to a curt one: learnable by the tiny model in a few steps."""
    return {
        "prompt": f"Question {n}: can you help me?\n",
        "chosen": "Gladly, here is how.",
        "rejected": "No.",
    }


@pytest.fixture
def record_preferences(make_user: Callable[..., Any]) -> Callable[..., list[Any]]:
    """Store n preference signals on items item-0..n-1 from one rater (or a given source)."""

    def record(n: int, *, start: int = 0, user: Any = None, model: Any = None) -> list[Any]:
        if user is None and model is None:
            user = make_user(Role.RATER)
        signals = []
        for i in range(start, start + n):
            signal, _ = signal_record(
                kind=SignalKind.PREFERENCE,
                item_type="test.item",
                item_id=i,
                payload=pair(i),
                idempotency_key=f"pref-{i}",
                source_user=user,
                source_model=model,
            )
            signals.append(signal)
        return signals

    return record


@pytest.fixture
def small_eval(published_lines: list[Any]) -> list[Any]:
    """The published lines, each evaluated on two LLMBar pairs per subset to keep tests short."""
    from loop.services.policies import line_policy_set

    for version in published_lines:
        line_policy_set(line=version.line, eval_llmbar_per_subset=2)
    return published_lines
