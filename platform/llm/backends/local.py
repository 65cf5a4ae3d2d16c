"""Generation with Hugging Face transformers inside this process, on the CPU or a CUDA device."""

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    GenerationConfig,
    PreTrainedModel,
    PreTrainedTokenizerBase,
    StoppingCriteria,
    StoppingCriteriaList,
)

from llm.backends.base import (
    BackendConfig,
    BackendError,
    Completion,
    FinishReason,
    GenerationParams,
    ModelRef,
    OnDelta,
    locate_model,
    storable,
)

_Loaded = tuple[PreTrainedModel, PreTrainedTokenizerBase]

# Two entries: a worker usually alternates between at most a policy and a reference model.
_CACHE_SIZE = 2
_cache: OrderedDict[tuple[str, str], _Loaded] = OrderedDict()
_cache_lock = threading.Lock()

# Held for every generate call: torch's RNG is process-wide, so a seeded run must not interleave
# with another run's draws, and a Rust tokenizer must not pad from two threads at once.
_generate_lock = threading.Lock()


class TransformersBackend:
    """Loads the model once per (uri, device) per process and generates with model.generate."""

    name = "transformers"

    def __init__(self, model: ModelRef, config: BackendConfig) -> None:
        self._device = _resolve_device(config.device)
        self._model, self._tokenizer = _load(model.uri, self._device)
        eos = self._model.generation_config.eos_token_id
        if eos is None:
            eos = self._tokenizer.eos_token_id
        self._eos_ids: frozenset[int] = frozenset(
            [] if eos is None else [eos] if isinstance(eos, int) else eos
        )

    def generate(
        self,
        prompts: Sequence[str],
        params: GenerationParams,
        on_delta: OnDelta | None = None,
    ) -> list[Completion]:
        indices = list(range(len(prompts)))
        if params.seed is not None and params.temperature > 0:
            # A batch draws its samples from one RNG stream, so a prompt's text would depend on
            # its neighbours; one prompt per run keeps "same seed, same prompt, same text".
            groups = [[i] for i in indices]
        else:
            groups = [indices] if indices else []
        completions: list[Completion] = []
        with _generate_lock:
            for group in groups:
                if params.seed is not None:
                    torch.manual_seed(params.seed)
                completions += self._generate_group(group, prompts, params, on_delta)
        return completions

    def _generate_group(
        self,
        indices: list[int],
        prompts: Sequence[str],
        params: GenerationParams,
        on_delta: OnDelta | None,
    ) -> list[Completion]:
        # input_ids, attention_mask: (batch, prompt_width), left-padded so new tokens line up.
        batch = self._tokenizer([prompts[i] for i in indices], return_tensors="pt", padding=True)
        prompt_tokens: list[int] = batch["attention_mask"].sum(dim=1).tolist()
        for index, count in zip(indices, prompt_tokens, strict=True):
            if count == 0:
                raise BackendError(f"prompt {index} is empty: give the model some text to continue")
        progress = _Progress(
            tokenizer=self._tokenizer,
            indices=indices,
            prompt_width=batch["input_ids"].shape[1],
            eos_ids=self._eos_ids,
            stop=params.stop,
            on_delta=on_delta,
        )
        sampling: dict[str, Any] = {"do_sample": False}
        if params.temperature > 0:
            # top_k=0 turns off transformers' default top-k of 50, which OpenAI servers lack.
            sampling = {"do_sample": True, "top_k": 0}
            sampling |= {"temperature": params.temperature, "top_p": params.top_p}
        generation_config = GenerationConfig(
            max_new_tokens=params.max_new_tokens,
            pad_token_id=self._tokenizer.pad_token_id,
            eos_token_id=sorted(self._eos_ids) or None,
            **sampling,
        )
        # PreTrainedModel does not declare generate (causal LMs get it from GenerationMixin), and
        # transformers 5.17's own annotation of it does not type-check either.
        self._model.generate(  # type: ignore[operator]
            **batch.to(self._device),
            generation_config=generation_config,
            stopping_criteria=StoppingCriteriaList([progress]),
        )
        return progress.finish(prompt_tokens)


@dataclass
class _Row:
    index: int
    ids: list[int] = field(default_factory=list)
    """Generated ids so far, without the EOS that ended the row."""
    token_count: int = 0
    text: str = ""
    emitted: str = ""
    finish: FinishReason | None = None


class _Progress(StoppingCriteria):
    """Follows each row's text as tokens arrive: ends rows at EOS or a stop string, streams deltas.

    A stopping criterion sees every row's ids after every decoding step, which both jobs need;
    transformers' own streamers handle only a batch of one.
    """

    def __init__(
        self,
        *,
        tokenizer: PreTrainedTokenizerBase,
        indices: list[int],
        prompt_width: int,
        eos_ids: frozenset[int],
        stop: tuple[str, ...],
        on_delta: OnDelta | None,
    ) -> None:
        self._tokenizer = tokenizer
        self._rows = [_Row(index) for index in indices]
        self._prompt_width = prompt_width
        self._eos_ids = eos_ids
        self._stop = stop
        self._on_delta = on_delta

    def __call__(self, input_ids: torch.Tensor, scores: Any, **kwargs: Any) -> torch.Tensor:
        # input_ids: (batch, prompt_width + steps); finished rows are padded from here on.
        active = []
        for row, ids in zip(self._rows, input_ids[:, self._prompt_width :].tolist(), strict=True):
            if row.finish is None:
                self._append(row, ids[row.token_count :])
                active.append(row)
        # Decoding everything again is simple and exact; byte-level and SentencePiece decoders
        # only ever change the end of the text as tokens are appended.
        texts = self._tokenizer.batch_decode(
            [row.ids for row in active],
            skip_special_tokens=True,
            clean_up_tokenization_spaces=False,
        )
        for row, text in zip(active, texts, strict=True):
            cut = min((p for s in self._stop if (p := text.find(s)) >= 0), default=None)
            if cut is not None:
                row.finish = "stop"
            row.text = storable(text[:cut])
            self._emit(row)
        return torch.tensor([row.finish is not None for row in self._rows], device=input_ids.device)

    def finish(self, prompt_tokens: list[int]) -> list[Completion]:
        completions = []
        for row, count in zip(self._rows, prompt_tokens, strict=True):
            if row.finish is None:
                row.finish = "length"
                self._emit(row)
            completions.append(
                Completion(
                    text=row.text,
                    prompt_tokens=count,
                    completion_tokens=row.token_count,
                    finish_reason=row.finish,
                )
            )
        return completions

    def _append(self, row: _Row, new_ids: list[int]) -> None:
        for token in new_ids:
            row.token_count += 1
            if token in self._eos_ids:
                row.finish = "stop"
                return
            row.ids.append(token)

    def _emit(self, row: _Row) -> None:
        if self._on_delta is None:
            return
        settled = row.text if row.finish is not None else self._settled(row.text)
        if len(settled) > len(row.emitted) and settled.startswith(row.emitted):
            delta = settled[len(row.emitted) :]
            row.emitted = settled
            self._on_delta(row.index, delta)

    def _settled(self, text: str) -> str:
        """The part of an unfinished text that later tokens cannot change or cut away."""
        # U+FFFD at the end stands for the first bytes of a character still being generated.
        text = text.rstrip("\ufffd")
        # A tail that begins a stop string may turn out to be the stop string.
        for start in range(max(0, len(text) - max(map(len, self._stop), default=0)), len(text)):
            if any(s.startswith(text[start:]) for s in self._stop):
                return text[:start]
        return text


def _resolve_device(device: str) -> torch.device:
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    valid = "use auto, cpu, cuda or cuda:N"
    try:
        resolved = torch.device(device)
    except RuntimeError as exc:
        raise BackendError(f"device {device!r} is not valid: {valid}") from exc
    if resolved.type == "cpu":
        return resolved
    if resolved.type != "cuda":
        raise BackendError(f"device {device!r} is not supported: {valid}")
    if not torch.cuda.is_available():
        raise BackendError(f"device {device} was asked for but torch sees no CUDA device")
    if (resolved.index or 0) >= torch.cuda.device_count():
        raise BackendError(
            f"device {device} does not exist: torch sees {torch.cuda.device_count()} CUDA devices"
        )
    return resolved


def _load(uri: str, device: torch.device) -> _Loaded:
    key = (uri, str(device))
    # Loading under the lock makes a second thread wait for the model instead of loading it again.
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        location, local = locate_model(uri)
        dtype = torch.bfloat16 if device.type == "cuda" else torch.float32
        try:
            tokenizer = AutoTokenizer.from_pretrained(location, local_files_only=local)
            model = AutoModelForCausalLM.from_pretrained(
                location, local_files_only=local, dtype=dtype, device_map=device
            )
        except (OSError, ValueError) as exc:
            raise BackendError(f"cannot load a causal language model from {uri}: {exc}") from exc
        tokenizer.padding_side = "left"
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        _cache[key] = (model, tokenizer)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
        return model, tokenizer
