"""Generation and option scoring through an OpenAI-compatible /completions endpoint, which is how
vLLM is served."""

import json
import queue
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx

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
    finish_reason_from,
    option_start,
    options_check,
)
from llm.text import storable

# Requests in flight at once; the server batches them (vLLM's continuous batching).
_MAX_CONCURRENT_REQUESTS = 16


class OpenAIBackend:
    """Sends one request per prompt, all at once, so each completion gets its own token usage."""

    name = "openai"

    def __init__(self, model: ModelRef, config: BackendConfig) -> None:
        if not config.openai_base_url:
            raise BackendError(
                "openai_base_url is empty: set it to the server's /v1 address, "
                "e.g. http://127.0.0.1:8001/v1"
            )
        # "{served_name}" in the base URL is the version's served name (e.g. debater-v3), so
        # each served version can have a server of its own and old and new run side by side.
        base_url = config.openai_base_url.replace("{served_name}", model.served_name)
        self._url = base_url.rstrip("/") + "/completions"
        self._served_name = model.served_name
        self._timeout = config.timeout_s
        self._headers = (
            {"Authorization": f"Bearer {config.openai_api_key}"} if config.openai_api_key else {}
        )

    def generate(
        self,
        prompts: Sequence[str],
        params: GenerationParams,
        on_delta: OnDelta | None = None,
    ) -> list[Completion]:
        if not prompts:
            return []
        # Workers put (index, delta) here, and None when they end; on_delta runs in this thread
        # only, so callers need not be thread-safe (Django connections are per thread).
        events: queue.Queue[tuple[int, str] | None] = queue.Queue()

        def complete(client: httpx.Client, index: int) -> Completion:
            try:
                if on_delta is None:
                    return self._complete(client, prompts[index], params)
                return self._stream(
                    client, prompts[index], params, lambda delta: events.put((index, delta))
                )
            finally:
                events.put(None)

        workers = min(len(prompts), _MAX_CONCURRENT_REQUESTS)
        with (
            httpx.Client(headers=self._headers, timeout=self._timeout) as client,
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="openai") as pool,
        ):
            futures = [pool.submit(complete, client, index) for index in range(len(prompts))]
            if on_delta is not None:
                running = len(prompts)
                while running:
                    event = events.get()
                    if event is None:
                        running -= 1
                    else:
                        on_delta(*event)
            return [future.result() for future in futures]

    def score(self, prompts: Sequence[str], options: Sequence[str]) -> list[Verdict]:
        options_check(options)
        rows = [(prompt, option) for prompt in prompts for option in options]
        if not rows:
            return []
        workers = min(len(rows), _MAX_CONCURRENT_REQUESTS)
        with (
            httpx.Client(headers=self._headers, timeout=self._timeout) as client,
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="openai") as pool,
        ):
            scores = list(pool.map(lambda row: self._score(client, *row), rows))
        n = len(options)
        return [Verdict(tuple(scores[i : i + n])) for i in range(0, len(scores), n)]

    def _score(self, client: httpx.Client, prompt: str, option: str) -> OptionScore:
        """The option's log-probability, read from the server's echo of prompt + option.

        vLLM returns the prompt's token log-probabilities with echo and logprobs (the legacy
        completions fields that lm-eval-harness scores with) and wants max_tokens of at least 1;
        the one token it generates begins at the end of the text and is left out.
        """
        text = prompt + option
        body = {
            "model": self._served_name,
            "prompt": text,
            "max_tokens": 1,
            "temperature": 0.0,
            "echo": True,
            "logprobs": 1,
        }
        with self._post(client, body) as response:
            response.read()
            choice = self._only_choice(self._json(response.text))
        logprobs = choice.get("logprobs") or {}
        values, offsets = logprobs.get("token_logprobs"), logprobs.get("text_offset")
        ends = len([o for o in offsets or [] if isinstance(o, int) and o < len(text)])
        if (
            not isinstance(values, list)
            or not isinstance(offsets, list)
            or len(values) != len(offsets)
            or not ends
            or not str(choice.get("text", "")).startswith(text)
        ):
            raise BackendError(
                f"{self._url} returned no log-probabilities for the prompt (echo with logprobs), "
                "so it cannot score options: serve the model with vLLM or llm.openai_server"
            )
        start = option_start(offsets[:ends], len(prompt))
        chosen = values[start:ends]
        if not all(isinstance(v, int | float) for v in chosen):
            raise BackendError(f"{self._url} returned a token log-probability that is not a number")
        return OptionScore(option=option, logprob=float(sum(chosen)), tokens=len(chosen))

    def _body(self, prompt: str, params: GenerationParams, *, stream: bool) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self._served_name,
            "prompt": prompt,
            "max_tokens": params.max_new_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": stream,
        }
        if params.stop:
            body["stop"] = list(params.stop)
        if params.seed is not None:
            body["seed"] = params.seed
        if stream:
            body["stream_options"] = {"include_usage": True}
        return body

    def _complete(self, client: httpx.Client, prompt: str, params: GenerationParams) -> Completion:
        with self._post(client, self._body(prompt, params, stream=False)) as response:
            response.read()
            payload = self._json(response.text)
        choice = self._only_choice(payload)
        usage = payload.get("usage") or {}
        return Completion(
            text=storable(choice.get("text") or ""),
            prompt_tokens=usage.get("prompt_tokens") or 0,
            completion_tokens=usage.get("completion_tokens") or 0,
            finish_reason=finish_reason_from(choice.get("finish_reason"), source=self._url),
        )

    def _stream(
        self,
        client: httpx.Client,
        prompt: str,
        params: GenerationParams,
        on_delta: Callable[[str], None],
    ) -> Completion:
        pieces: list[str] = []
        finish: FinishReason | None = None
        usage: dict[str, int] = {}
        with self._post(client, self._body(prompt, params, stream=True)) as response:
            for payload in self._events(response):
                # With include_usage the last chunk carries usage and no choices.
                usage = payload.get("usage") or usage
                if not payload.get("choices"):
                    continue
                choice = self._only_choice(payload)
                if text := storable(choice.get("text") or ""):
                    pieces.append(text)
                    on_delta(text)
                if choice.get("finish_reason") is not None:
                    finish = finish_reason_from(choice["finish_reason"], source=self._url)
        if finish is None:
            raise BackendError(f"the stream from {self._url} ended before the completion finished")
        return Completion(
            text="".join(pieces),
            prompt_tokens=usage.get("prompt_tokens") or 0,
            completion_tokens=usage.get("completion_tokens") or 0,
            finish_reason=finish,
        )

    @contextmanager
    def _post(self, client: httpx.Client, body: dict[str, Any]) -> Iterator[httpx.Response]:
        """POST body, turning transport errors (also those while reading) into BackendError."""
        try:
            with client.stream("POST", self._url, json=body) as response:
                if response.is_error:
                    response.read()
                    raise BackendError(
                        f"{self._url} answered HTTP {response.status_code}: {response.text[:300]}"
                    )
                yield response
        except httpx.TimeoutException as exc:
            raise BackendError(
                f"the server at {self._url} sent nothing for {self._timeout} s (timeout_s)"
            ) from exc
        except httpx.ConnectError as exc:
            raise BackendError(
                f"cannot reach the OpenAI-compatible server at {self._url}: {exc}"
            ) from exc
        except httpx.TransportError as exc:
            raise BackendError(f"the connection to {self._url} failed: {exc}") from exc

    def _events(self, response: httpx.Response) -> Iterator[dict[str, Any]]:
        """Yield the JSON payload of each server-sent "data:" line until "data: [DONE]"."""
        for line in response.iter_lines():
            if not line.startswith("data:"):
                continue
            data = line.removeprefix("data:").strip()
            if data == "[DONE]":
                return
            yield self._json(data)

    def _json(self, text: str) -> dict[str, Any]:
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BackendError(f"{self._url} answered with invalid JSON: {text[:200]!r}") from exc
        if not isinstance(payload, dict):
            raise BackendError(f"{self._url} answered with JSON that is not an object")
        return payload

    def _only_choice(self, payload: dict[str, Any]) -> dict[str, Any]:
        choices = payload.get("choices")
        if not isinstance(choices, list) or len(choices) != 1 or not isinstance(choices[0], dict):
            raise BackendError(f"{self._url} answered without exactly one choice: {payload!r:.200}")
        return choices[0]
