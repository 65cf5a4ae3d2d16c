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
    OptionScore,
    Verdict,
    locate_model,
    option_start,
    options_check,
)
from llm.text import storable

_Loaded = tuple[PreTrainedModel, PreTrainedTokenizerBase]

# Two entries: a worker usually alternates between at most a policy and a reference model.
_CACHE_SIZE = 2
_cache: OrderedDict[tuple[str, str], _Loaded] = OrderedDict()
_cache_lock = threading.Lock()

# Held for every generate call: torch's RNG is process-wide, so a seeded run must not interleave
# with another run's draws, and a Rust tokenizer must not pad from two threads at once.
_generate_lock = threading.Lock()

# Rows per forward pass when scoring; a row is a prompt with one option.
_SCORE_BATCH = 8


@dataclass(frozen=True)
class Echo:
    """A text read back token by token, as OpenAI's completions return it with echo and logprobs."""

    tokens: list[str]
    logprobs: list[float | None]
    """log p(token | the tokens before it); None for the first token, which has no context."""
    offsets: list[int]
    """Character offset in the text at which each token begins."""


class TransformersBackend:
    """Loads the model once per (uri, device) per process and generates with model.generate."""

    name = "transformers"

    def __init__(self, model: ModelRef, config: BackendConfig) -> None:
        self._device = _resolve_device(config.device)
        self._model, self._tokenizer = _load(model.uri, self._device, config.hub_offline)
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

    def score(self, prompts: Sequence[str], options: Sequence[str]) -> list[Verdict]:
        options_check(options)
        texts = [prompt + option for prompt in prompts for option in options]
        with _generate_lock:
            encoded = [self._encode(text) for text in texts]
        starts = [
            option_start(offsets, len(prompt))
            for (_, offsets), prompt in zip(
                encoded, [p for p in prompts for _ in options], strict=True
            )
        ]
        logprobs = self._logprobs([ids for ids, _ in encoded], starts)
        scores = [
            OptionScore(option=option, logprob=sum(row), tokens=len(row))
            for row, option in zip(logprobs, list(options) * len(prompts), strict=True)
        ]
        n = len(options)
        return [Verdict(tuple(scores[i : i + n])) for i in range(0, len(scores), n)]

    def echo(self, texts: Sequence[str]) -> list[Echo]:
        """Each text's tokens with their log-probabilities (what llm.openai_server echoes)."""
        with _generate_lock:
            encoded = [self._encode(text) for text in texts]
            pieces = [[str(self._tokenizer.decode([i])) for i in ids] for ids, _ in encoded]
        for index, (ids, _) in enumerate(encoded):
            if not ids:
                raise BackendError(f"text {index} is empty: there is nothing to read back")
        logprobs = self._logprobs([ids for ids, _ in encoded], [1] * len(encoded))
        return [
            Echo(tokens=tokens, logprobs=[None, *row], offsets=offsets)
            for tokens, row, (_, offsets) in zip(pieces, logprobs, encoded, strict=True)
        ]

    def _encode(self, text: str) -> tuple[list[int], list[int]]:
        """Token ids of text, special tokens included as generate adds them, and where each
        token begins in the text (called under _generate_lock: see there)."""
        if not self._tokenizer.is_fast:
            raise BackendError(
                "the model's tokenizer is not a fast tokenizer, which scoring needs for the "
                "tokens' character offsets"
            )
        encoding = self._tokenizer(text, return_offsets_mapping=True)
        return encoding["input_ids"], [start for start, _ in encoding["offset_mapping"]]

    def _logprobs(self, rows: list[list[int]], starts: list[int]) -> list[list[float]]:
        """log p(row[t] | row[:t]) for t from starts[i] (at least 1) to the end of each row."""
        out: list[list[float]] = []
        pad = self._tokenizer.pad_token_id
        for first in range(0, len(rows), _SCORE_BATCH):
            batch = rows[first : first + _SCORE_BATCH]
            batch_starts = starts[first : first + _SCORE_BATCH]
            width = max(map(len, batch))
            # Right padding: a causal model's real tokens never see the padding after them, and
            # their positions stay 0, 1, ... as in an unpadded run.
            ids = torch.full((len(batch), width), pad, dtype=torch.long)  # (batch, width)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for i, row in enumerate(batch):
                ids[i, : len(row)] = torch.tensor(row)
                mask[i, : len(row)] = 1
            # Only the logits that predict scored tokens: positions from min(start) - 1 on,
            # which for options after a long shared prompt is a few rows of (vocab,) each.
            keep = width - (min(batch_starts) - 1)
            with torch.inference_mode():
                logits = self._model(  # (batch, keep, vocab)
                    input_ids=ids.to(self._device),
                    attention_mask=mask.to(self._device),
                    logits_to_keep=keep,
                ).logits
            offset = width - keep  # logits[:, j] predicts token offset + j + 1
            for i, (row, start) in enumerate(zip(batch, batch_starts, strict=True)):
                predicting = logits[i, start - 1 - offset : len(row) - 1 - offset].float()
                targets = torch.tensor(row[start:], device=predicting.device)
                chosen = torch.log_softmax(predicting, dim=-1).gather(-1, targets.unsqueeze(-1))
                out.append(chosen.squeeze(-1).tolist())
        return out


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


def _load(uri: str, device: torch.device, hub_offline: bool) -> _Loaded:
    key = (uri, str(device))
    # Loading under the lock makes a second thread wait for the model instead of loading it again.
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        location, local = locate_model(uri, hub_offline=hub_offline)
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
