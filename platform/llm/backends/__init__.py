"""Text generation and option scoring behind one interface: transformers in-process, an
OpenAI-compatible server, or vLLM's engine. Importing this package is cheap; each backend
imports its heavy libraries itself.
"""

from llm.backends.base import (
    BackendConfig,
    BackendError,
    Completion,
    FinishReason,
    GenerationParams,
    LLMBackend,
    ModelRef,
    OnDelta,
    OptionScore,
    Verdict,
)
from llm.backends.factory import BACKEND_KINDS, backend_for

__all__ = [
    "BACKEND_KINDS",
    "BackendConfig",
    "BackendError",
    "Completion",
    "FinishReason",
    "GenerationParams",
    "LLMBackend",
    "ModelRef",
    "OnDelta",
    "OptionScore",
    "Verdict",
    "backend_for",
]
