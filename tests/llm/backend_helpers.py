"""What the backend tests share: generation parameters, prompts, and small helpers."""

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer

from llm.backends import Completion, GenerationParams, LLMBackend

GREEDY = GenerationParams(max_new_tokens=12, temperature=0)
# Temperature 1 on an untrained model gives varied text, which the stop-string tests need.
SAMPLED = GenerationParams(max_new_tokens=32, temperature=1.0, seed=7)
PROMPTS = ["Hello there", "The judge said"]
# Scoring options: log-probabilities of each option's tokens, nothing generated.
QUESTIONS = ["Is the reply harmful?\nAnswer:", "The judge said the winner is"]
VERDICT_OPTIONS = [" harmful", " not harmful"]


def generate_streaming(
    backend: LLMBackend, prompts: list[str], params: GenerationParams
) -> tuple[list[Completion], dict[int, list[str]]]:
    deltas: dict[int, list[str]] = defaultdict(list)
    completions = backend.generate(prompts, params, on_delta=lambda i, text: deltas[i].append(text))
    return completions, deltas


def a_stop_string(text: str) -> str:
    """Characters from the middle of text, so a run with them as stop string ends early.

    Random bytes are often invalid UTF-8 (decoded as U+FFFD), which makes a poor stop string.
    """
    for length in (2, 1):
        for start in range(3, len(text) - length):
            candidate = text[start : start + length]
            if "\ufffd" not in candidate:
                return candidate
    raise AssertionError(f"no usable stop string in {text!r}")


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()
