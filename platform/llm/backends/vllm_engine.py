"""Generation with vLLM's offline engine inside this process (CUDA machines with the gpu extra)."""

import threading
from collections.abc import Sequence
from typing import Any

from llm.backends.base import (
    BackendConfig,
    BackendError,
    Completion,
    GenerationParams,
    ModelRef,
    OnDelta,
    OptionScore,
    Verdict,
    finish_reason_from,
    locate_model,
    option_start,
    options_check,
)
from llm.text import storable

# An engine claims most of the GPU's memory when it starts, so each uri gets one per process.
_engines: dict[str, Any] = {}
_engines_lock = threading.Lock()


class VLLMBackend:
    """Batches all prompts through one vllm.LLM; the offline engine does not stream.

    vLLM picks its GPUs itself (CUDA_VISIBLE_DEVICES), so config.device only rules out the CPU.
    """

    name = "vllm"

    def __init__(self, model: ModelRef, config: BackendConfig) -> None:
        try:
            import vllm
        except ImportError as exc:
            raise BackendError(
                "vLLM is not installed: install the 'gpu' extra on a CUDA machine"
            ) from exc
        if config.device == "cpu":
            raise BackendError("vLLM needs a CUDA device: use the transformers backend on a CPU")
        self._sampling_params = vllm.SamplingParams
        self._tokens_prompt = vllm.TokensPrompt
        location, _ = locate_model(model.uri, hub_offline=config.hub_offline)
        with _engines_lock:
            if model.uri not in _engines:
                try:
                    _engines[model.uri] = vllm.LLM(model=location)
                except (OSError, ValueError, RuntimeError) as exc:
                    raise BackendError(f"vLLM cannot load the model at {model.uri}: {exc}") from exc
            self._engine = _engines[model.uri]

    def generate(
        self,
        prompts: Sequence[str],
        params: GenerationParams,
        on_delta: OnDelta | None = None,
    ) -> list[Completion]:
        if not prompts:
            return []
        sampling = self._sampling_params(
            max_tokens=params.max_new_tokens,
            temperature=params.temperature,
            top_p=params.top_p,
            stop=list(params.stop),
            seed=params.seed,
        )
        outputs = self._engine.generate(list(prompts), sampling, use_tqdm=False)
        completions = []
        for index, output in enumerate(outputs):
            [sample] = output.outputs
            completion = Completion(
                text=storable(sample.text),
                prompt_tokens=len(output.prompt_token_ids or ()),
                completion_tokens=len(sample.token_ids),
                finish_reason=finish_reason_from(sample.finish_reason, source="vLLM"),
            )
            if on_delta is not None and completion.text:
                on_delta(index, completion.text)
            completions.append(completion)
        return completions

    def score(self, prompts: Sequence[str], options: Sequence[str]) -> list[Verdict]:
        """Prompt log-probabilities (vLLM's prompt_logprobs) of each prompt + option, read from
        the option's first token on; the engine's tokenizer gives the tokens' offsets."""
        options_check(options)
        rows = [(prompt, option) for prompt in prompts for option in options]
        if not rows:
            return []
        tokenizer = self._engine.get_tokenizer()
        encoded = [tokenizer(p + o, return_offsets_mapping=True) for p, o in rows]
        starts = [
            option_start([begin for begin, _ in e["offset_mapping"]], len(p))
            for e, (p, _) in zip(encoded, rows, strict=True)
        ]
        # One generated token is the least the engine accepts; only the prompt's are read.
        sampling = self._sampling_params(max_tokens=1, temperature=0.0, prompt_logprobs=1)
        outputs = self._engine.generate(
            [self._tokens_prompt(prompt_token_ids=e["input_ids"]) for e in encoded],
            sampling,
            use_tqdm=False,
        )
        scores = []
        for (_, option), e, start, output in zip(rows, encoded, starts, outputs, strict=True):
            ids = e["input_ids"]
            # prompt_logprobs[t]: {token id: Logprob} for position t, holding ids[t] itself.
            chosen = [output.prompt_logprobs[t][ids[t]].logprob for t in range(start, len(ids))]
            scores.append(
                OptionScore(option=option, logprob=float(sum(chosen)), tokens=len(chosen))
            )
        n = len(options)
        return [Verdict(tuple(scores[i : i + n])) for i in range(0, len(scores), n)]
