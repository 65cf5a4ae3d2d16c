"""Pick the backend that the configuration names."""

from llm.backends.base import BackendConfig, BackendError, LLMBackend, ModelRef

BACKEND_KINDS = ("transformers", "openai", "vllm")


def backend_for(model: ModelRef, config: BackendConfig) -> LLMBackend:
    """Return a backend of config.kind serving model; raises BackendError if it cannot."""
    # Imported here so that web processes never import torch, transformers or vllm.
    if config.kind == "transformers":
        from llm.backends.local import TransformersBackend

        return TransformersBackend(model, config)
    if config.kind == "openai":
        from llm.backends.openai_compat import OpenAIBackend

        return OpenAIBackend(model, config)
    if config.kind == "vllm":
        from llm.backends.vllm_engine import VLLMBackend

        return VLLMBackend(model, config)
    raise BackendError(
        f"unknown LLM backend kind {config.kind!r}: use one of {', '.join(BACKEND_KINDS)}"
    )
