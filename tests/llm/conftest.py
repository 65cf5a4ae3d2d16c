"""The tiny model, run by the transformers backend and served by the platform's own
OpenAI-compatible server (llm.openai_server), which stands in for vLLM."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from llm.backends import BackendConfig, ModelRef
from llm.backends.local import TransformersBackend
from llm.backends.openai_compat import OpenAIBackend
from llm.openai_server import CompletionServer
from tests.llm.backend_helpers import serving
from training.tiny import build_tiny_model


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny", seed=0)


@pytest.fixture(scope="module")
def local(tiny_model: Path) -> TransformersBackend:
    config = BackendConfig(device="cpu")
    return TransformersBackend(ModelRef(uri=str(tiny_model), served_name="tiny"), config)


@pytest.fixture(scope="module")
def server_url(local: TransformersBackend) -> Iterator[str]:
    """The platform's own OpenAI-compatible server (llm.openai_server), vLLM's stand-in."""
    with serving(CompletionServer(("127.0.0.1", 0), local, "tiny")) as url:
        yield url


@pytest.fixture
def remote(server_url: str) -> OpenAIBackend:
    config = BackendConfig(kind="openai", openai_base_url=server_url, timeout_s=30)
    return OpenAIBackend(ModelRef(uri="unused", served_name="tiny"), config)
