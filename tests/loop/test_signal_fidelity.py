"""The signal-fidelity study at its smallest (bench/signal_fidelity.py runs all of it).

Raters label through the HTTP API, one loop iteration runs on the real worker per scenario:
consistent raters move the model towards refusing unsafe requests and the gates publish it;
raters who answer at random move nothing the gates accept.
"""

from pathlib import Path
from typing import Any

import pytest

from bench.fidelity import common, hazards
from training.tiny import build_tiny_model

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


# Two loop iterations on the tiny model: about three minutes on 2 idle cores; the limit leaves
# room for a machine busy with other suites.
@pytest.mark.timeout(1200)
def test_consistent_raters_teach_refusals_and_random_ones_do_not(
    celery_worker: str, server: str, tiny_models_dir: Path
) -> None:
    tiny = build_tiny_model(tiny_models_dir / "tiny-llama-seed0", seed=0)
    admin = common.study_admin()
    outcomes: dict[str, Any] = {}
    for name in ("consistent", "random"):
        outcomes[name] = hazards.hazard_scenario_run(
            scenario=hazards.HAZARD_SCENARIOS[name],
            base_url=server,
            admin=admin,
            sizes=common.SMALLEST,
            seed=0,
            tiny_model=tiny,
        )
    consistent, random_ = outcomes["consistent"], outcomes["random"]

    assert consistent.after >= 0.9, consistent
    assert consistent.published, consistent.decisions
    assert consistent.measure_after > consistent.measure_before + 0.1, consistent

    # Random raters keep few rewrites: their held-out accuracy is noise on a handful of pairs
    # (1.0 on two pairs was seen), so what is asserted is that the gates refuse the version,
    # on its accuracy or on how few pairs measured it.
    assert not random_.published, random_.decisions
    assert [d["action"] for d in random_.decisions] == ["refused"]
    # Random raters' refusal margin is noise at this size (seen from +0.03 to +0.48 while the
    # consistent one rose to +0.55-0.61), so only the gates' verdict on it is asserted.
