"""What every LLM backend accepts and returns; no Django and no torch, so web code can import it."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

FinishReason = Literal["stop", "length"]

# (index of the prompt in the batch, text that arrived since the last call)
OnDelta = Callable[[int, str], None]

_MAX_SEED = 2**63 - 1


class BackendError(RuntimeError):
    """A backend cannot serve a request; the message is one sentence that says what to fix."""


@dataclass(frozen=True)
class GenerationParams:
    max_new_tokens: int = 128
    """Most tokens to generate per prompt, at least 1."""
    temperature: float = 0.7
    """0 means greedy decoding."""
    top_p: float = 1.0
    """Nucleus sampling mass, in (0, 1]."""
    stop: tuple[str, ...] = ()
    """Generation ends at the first of these strings, which is not part of the returned text."""
    seed: int | None = None
    """Same seed, prompt and model give the same text, whatever else is in the batch."""

    def __post_init__(self) -> None:
        if isinstance(self.max_new_tokens, bool) or not isinstance(self.max_new_tokens, int):
            raise ValueError(f"max_new_tokens must be an integer, got {self.max_new_tokens!r}.")
        if self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be at least 1, got {self.max_new_tokens}.")
        if not math.isfinite(self.temperature) or self.temperature < 0:
            raise ValueError(f"temperature must be 0 (greedy) or positive, got {self.temperature}.")
        if not math.isfinite(self.top_p) or not 0 < self.top_p <= 1:
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p}.")
        if not isinstance(self.stop, tuple):
            raise ValueError(f"stop must be a tuple of strings, got {type(self.stop).__name__}.")
        if not all(isinstance(s, str) and s for s in self.stop):
            raise ValueError(f"every stop string must be a non-empty string, got {self.stop!r}.")
        if self.seed is not None and (
            isinstance(self.seed, bool)
            or not isinstance(self.seed, int)
            or not 0 <= self.seed <= _MAX_SEED
        ):
            raise ValueError(
                f"seed must be None or an integer from 0 to 2**63 - 1, got {self.seed!r}."
            )


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int
    completion_tokens: int
    """Tokens generated, counting the one that ended generation (EOS or a stop string's end)."""
    finish_reason: FinishReason
    """Either "stop" (EOS or a stop string) or "length" (max_new_tokens ran out)."""


@dataclass(frozen=True)
class OptionScore:
    """How likely a model finds one option as the continuation of a prompt."""

    option: str
    logprob: float
    """Summed log-probability (nats) of the tokens that hold the option, given the prompt."""
    tokens: int
    """How many tokens hold the option (at least 1)."""

    @property
    def mean_logprob(self) -> float:
        """Log-probability per token: what options of different lengths are compared by."""
        return self.logprob / self.tokens


@dataclass(frozen=True)
class Verdict:
    """A model's choice among options: the softmax of their per-token log-probabilities.

    Comparing means instead of sums keeps a longer option ("not harmful") from losing for its
    length alone (lm-eval-harness's acc_norm normalises the same way, by characters).
    """

    scores: tuple[OptionScore, ...]

    @property
    def probabilities(self) -> list[float]:
        means = [s.mean_logprob for s in self.scores]
        top = max(means)
        weights = [math.exp(m - top) for m in means]
        total = sum(weights)
        return [w / total for w in weights]

    @property
    def best(self) -> int:
        """Index of the most probable option (the first of equals)."""
        probabilities = self.probabilities
        return probabilities.index(max(probabilities))

    def record(self) -> list[dict[str, object]]:
        """The scores as a signal payload stores them (signalpool's OptionScorePayload)."""
        return [
            {
                "option": s.option,
                "logprob": s.logprob,
                "mean_logprob": s.mean_logprob,
                "tokens": s.tokens,
                "probability": p,
            }
            for s, p in zip(self.scores, self.probabilities, strict=True)
        ]


def options_check(options: Sequence[str]) -> None:
    """At least two distinct, non-empty options; anything else is the caller's mistake."""
    if len(options) < 2:
        raise ValueError(f"give at least two options to choose from, got {list(options)!r}")
    if not all(isinstance(o, str) and o for o in options) or len(set(options)) != len(options):
        raise ValueError(f"options must be distinct non-empty strings, got {list(options)!r}")


def option_start(offsets: Sequence[int], prompt_chars: int) -> int:
    """Index of the first token that holds part of an option appended to the prompt.

    `offsets` are the character offsets at which the tokens of prompt + option begin (what
    OpenAI's echo returns as text_offset). A token that begins inside the prompt and runs into
    the option (a merge across the seam) counts as the option's; tokens of one character share
    its offset, so a multi-byte first character stays whole.
    """
    start = next((i for i, o in enumerate(offsets) if o >= prompt_chars), len(offsets))
    if start > 0 and (start == len(offsets) or offsets[start] > prompt_chars):
        start -= 1
    if start == 0:
        # The first token is predicted from nothing, so it has no log-probability.
        raise BackendError("the prompt is empty: options are scored as its continuations")
    return start


class LLMBackend(Protocol):
    name: str
    """One of "transformers", "openai" or "vllm"."""

    def score(self, prompts: Sequence[str], options: Sequence[str]) -> list[Verdict]:
        """Score every option as the continuation of every prompt; one Verdict per prompt.

        Nothing is generated: the model's log-probabilities of the options' own tokens decide,
        so any model, however small, gives a well-defined choice.
        """
        ...

    def generate(
        self,
        prompts: Sequence[str],
        params: GenerationParams,
        on_delta: OnDelta | None = None,
    ) -> list[Completion]:
        """Complete each prompt; one Completion per prompt, in order.

        on_delta, when given, is called in the caller's thread as text arrives; for each prompt
        the texts it receives concatenate to that prompt's Completion.text.
        """
        ...


@dataclass(frozen=True)
class ModelRef:
    uri: str
    """A local model folder, or a hub id where the network allows (transformers and vLLM)."""
    served_name: str
    """The model's name on an OpenAI-compatible server, e.g. "debater-v3"."""


@dataclass(frozen=True)
class BackendConfig:
    kind: str = "transformers"
    """One of "transformers", "openai" or "vllm"."""
    device: str = "auto"
    """One of "auto", "cpu", "cuda" or "cuda:N"; used by the transformers backend."""
    openai_base_url: str = ""
    """Base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8001/v1."""
    openai_api_key: str = ""
    timeout_s: float = 120.0
    """Seconds an OpenAI-compatible server may stay silent before the request fails."""
    hub_offline: bool = False
    """Whether the hub is out of reach (HF_HUB_OFFLINE): a hub id then fails at once."""


def locate_model(uri: str, *, hub_offline: bool) -> tuple[str, bool]:
    """Return (where to load the model from, whether it is a local folder).

    A uri that is not an existing folder is a hub id only when it looks like one ("org/name")
    and the hub is in reach (`hub_offline` off); anything else is a folder that is missing.
    """
    path = Path(uri).expanduser()
    if path.is_dir():
        return str(path), True
    if uri.count("/") != 1 or uri.startswith((".", "/", "~")):
        raise BackendError(
            f"model folder {uri} does not exist: build or download the model there, "
            "or fix the model version's uri"
        )
    if hub_offline:
        raise BackendError(
            f"model folder {uri} does not exist, and HF_HUB_OFFLINE is set, "
            "so it is not fetched from the hub"
        )
    return uri, False


def finish_reason_from(reason: object, *, source: str) -> FinishReason:
    """Map a server's or engine's finish_reason onto ours; any other value is an error."""
    if reason == "stop":
        return "stop"
    if reason == "length":
        return "length"
    raise BackendError(f"{source} ended a completion with finish_reason {reason!r}")
