"""A small OpenAI-compatible server over the transformers backend, for machines without vLLM.

It speaks the part of vLLM's server that the platform uses: GET /health, GET /v1/models,
POST /v1/completions (streamed or not) and GET /metrics with vLLM's request gauges, so the
serving agent runs it exactly as it runs `vllm serve` (SERVING_COMMAND). Requests are answered
one at a time; it exists so that the whole serving path runs on a CPU, not for throughput.

    python -m llm.openai_server MODEL_FOLDER --served-name debater-v2 --port 8100

Like vLLM, it asks for `Authorization: Bearer $VLLM_API_KEY` on /v1 when that is set.

With `echo` and `logprobs` (not streamed) it reads the prompt and what it generated back with
each token's log-probability, `tokens`, `token_logprobs` and `text_offset` as vLLM returns them
(no `top_logprobs`); that is how the HTTP backend scores options. `max_tokens` 0 with `echo`
generates nothing. Generated tokens are scored as the text reads back, which for the byte-level
tiny model are the tokens generated.
"""

import argparse
import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from huggingface_hub import constants as hub_constants

from llm.backends.base import BackendConfig, BackendError, GenerationParams, ModelRef
from llm.backends.local import TransformersBackend

# SERVING_COMMAND that has the serving agent run this server instead of `vllm serve` (CPU).
SERVING_COMMAND = (
    "{python} -m llm.openai_server {path} --served-name {served_name} "
    "--host {host} --port {port} --device cpu"
)


class BadRequest(ValueError):
    pass


def params_from(body: dict[str, Any]) -> GenerationParams:
    """The generation parameters of an OpenAI /v1/completions body."""
    stop = body.get("stop") or ()
    try:
        return GenerationParams(
            max_new_tokens=body.get("max_tokens", 16),
            temperature=float(body.get("temperature", 1.0)),
            top_p=float(body.get("top_p", 1.0)),
            stop=(stop,) if isinstance(stop, str) else tuple(stop),
            seed=body.get("seed"),
        )
    except (TypeError, ValueError) as exc:
        raise BadRequest(str(exc)) from exc


def echo_from(body: dict[str, Any]) -> tuple[bool, bool]:
    """(echo the prompt, return log-probabilities) of a /v1/completions body."""
    echo, logprobs = bool(body.get("echo")), body.get("logprobs") is not None
    if logprobs and not echo:
        raise BadRequest("this server returns log-probabilities only with echo, for the prompt")
    if echo and body.get("stream"):
        raise BadRequest("echo is not supported with stream on this server")
    return echo, logprobs


def prompt_from(body: dict[str, Any]) -> str:
    prompt = body.get("prompt")
    if isinstance(prompt, list) and len(prompt) == 1:
        prompt = prompt[0]
    if not isinstance(prompt, str):
        raise BadRequest("prompt must be a string (or a list holding one string)")
    return prompt


class CompletionServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: TransformersBackend, name: str) -> None:
        super().__init__(address, _Handler)
        self.backend, self.served_name = backend, name
        self.api_key = os.environ.get("VLLM_API_KEY", "")
        self._lock = threading.Lock()
        self.in_flight = 0

    def track(self, delta: int) -> None:
        with self._lock:
            self.in_flight += delta


class _Handler(BaseHTTPRequestHandler):
    server: CompletionServer

    def do_GET(self) -> None:
        if self.path == "/health":
            self._send(200, b"", "text/plain")
        elif self.path == "/metrics":
            running = min(self.server.in_flight, 1)
            waiting = self.server.in_flight - running
            label = f'{{model_name="{self.server.served_name}"}}'
            text = (
                f"vllm:num_requests_running{label} {running}\n"
                f"vllm:num_requests_waiting{label} {waiting}\n"
            )
            self._send(200, text.encode(), "text/plain; version=0.0.4")
        elif self.path != "/v1/models":
            self._error(404, f"no route {self.path}")
        elif self._authorized():
            model = {"id": self.server.served_name, "object": "model", "owned_by": "co-align"}
            self._json(200, {"object": "list", "data": [model]})

    def do_POST(self) -> None:
        if self.path != "/v1/completions":
            self._error(404, f"no route {self.path}")
            return
        if not self._authorized():
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length))
            if not isinstance(body, dict):
                raise BadRequest("the body must be a JSON object")
            if body.get("model") != self.server.served_name:
                self._error(404, f"The model `{body.get('model')}` does not exist.")
                return
            prompt, (echo, logprobs) = prompt_from(body), echo_from(body)
            # Echo with max_tokens 0 reads the prompt back and generates nothing.
            params = None if echo and body.get("max_tokens") == 0 else params_from(body)
        except (BadRequest, json.JSONDecodeError) as exc:
            self._error(400, str(exc))
            return
        self.server.track(+1)
        try:
            if echo or params is None:
                self._json(200, self._echo(prompt, params, logprobs=logprobs))
            elif body.get("stream"):
                usage = bool((body.get("stream_options") or {}).get("include_usage"))
                self._stream(prompt, params, usage=usage)
            else:
                [completion] = self.server.backend.generate([prompt], params)
                self._json(
                    200,
                    self._chunk(completion.text, completion.finish_reason)
                    | {"usage": _usage(completion.prompt_tokens, completion.completion_tokens)},
                )
        except BackendError as exc:
            self._error(500, str(exc))
        finally:
            self.server.track(-1)

    def _echo(
        self, prompt: str, params: GenerationParams | None, *, logprobs: bool
    ) -> dict[str, Any]:
        backend = self.server.backend
        completion = backend.generate([prompt], params)[0] if params is not None else None
        generated = completion.text if completion is not None else ""
        text = prompt + generated
        [read] = backend.echo([text])
        prompt_tokens = sum(offset < len(prompt) for offset in read.offsets)
        chunk = self._chunk(text, completion.finish_reason if completion else "length")
        if logprobs:
            chunk["choices"][0]["logprobs"] = {
                "tokens": read.tokens,
                "token_logprobs": read.logprobs,
                "text_offset": read.offsets,
            }
        return chunk | {"usage": _usage(prompt_tokens, len(read.tokens) - prompt_tokens)}

    def _stream(self, prompt: str, params: GenerationParams, *, usage: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        request_id = f"cmpl-{uuid.uuid4().hex}"

        def on_delta(_index: int, text: str) -> None:
            self._event(self._chunk(text, None, request_id))

        [completion] = self.server.backend.generate([prompt], params, on_delta=on_delta)
        self._event(self._chunk("", completion.finish_reason, request_id))
        if usage:
            self._event(
                self._chunk("", None, request_id, choices=False)
                | {"usage": _usage(completion.prompt_tokens, completion.completion_tokens)}
            )
        self.wfile.write(b"data: [DONE]\n\n")

    def _chunk(
        self, text: str, finish: str | None, request_id: str = "", *, choices: bool = True
    ) -> dict[str, Any]:
        return {
            "id": request_id or f"cmpl-{uuid.uuid4().hex}",
            "object": "text_completion",
            "created": int(time.time()),
            "model": self.server.served_name,
            "choices": [{"index": 0, "text": text, "finish_reason": finish}] if choices else [],
        }

    def _event(self, payload: dict[str, Any]) -> None:
        self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
        self.wfile.flush()

    def _authorized(self) -> bool:
        key = self.server.api_key
        if key and self.headers.get("Authorization") != f"Bearer {key}":
            self._error(401, "Unauthorized")
            return False
        return True

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json")

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"error": {"message": message, "code": status}})

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        """Requests are not logged one by one; vLLM's default is quiet too."""


def _usage(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m llm.openai_server", description=__doc__)
    parser.add_argument("model", help="the model folder")
    parser.add_argument("--served-name", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--device", default="auto")
    args = parser.parse_args(argv)
    try:
        backend = TransformersBackend(
            ModelRef(uri=args.model, served_name=args.served_name),
            # A program of its own, without Django settings: the hub library's own reading of
            # HF_HUB_OFFLINE.
            BackendConfig(
                kind="transformers", device=args.device, hub_offline=hub_constants.HF_HUB_OFFLINE
            ),
        )
    except BackendError as exc:
        parser.exit(1, f"llm.openai_server: {exc}\n")
    try:
        server = CompletionServer((args.host, args.port), backend, args.served_name)
    except OSError as exc:
        parser.exit(1, f"llm.openai_server: cannot listen on {args.host}:{args.port}: {exc}\n")
    print(f"serving {args.served_name} on http://{args.host}:{args.port}/v1", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
