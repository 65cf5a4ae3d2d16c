"""deploy/accelerate/multi-gpu.yaml is a launch configuration that accelerate itself accepts."""

from pathlib import Path

import pytest
import yaml
from accelerate.commands.config.config_args import ClusterConfig
from accelerate.utils import DistributedType

from tests.conftest import ROOT

CONFIG = ROOT / "deploy" / "accelerate" / "multi-gpu.yaml"


def test_the_multi_gpu_launch_configuration_loads_in_accelerate() -> None:
    config = ClusterConfig.from_yaml_file(str(CONFIG))

    assert config.distributed_type == DistributedType.MULTI_GPU
    assert config.num_machines == 1
    assert config.num_processes > 1
    assert config.mixed_precision == "bf16"


def test_accelerate_refuses_a_configuration_with_an_unknown_setting(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump({**yaml.safe_load(CONFIG.read_text()), "num_gpus": 4}))

    with pytest.raises(ValueError, match="num_gpus"):
        ClusterConfig.from_yaml_file(str(broken))
