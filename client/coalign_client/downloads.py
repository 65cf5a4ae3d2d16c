"""Downloading a file the API answers, streamed, so a large one never sits in memory."""

from pathlib import Path
from typing import Any

import httpx

from coalign_client.errors import ApiError


def download(client: httpx.Client, request: dict[str, Any], path: Path) -> int:
    """Stream the answer to path.part and rename it, so path is whole or absent."""
    staging = path.with_name(path.name + ".part")
    written = 0
    try:
        with client.stream(**request) as answer:
            if not answer.is_success:
                raise ApiError.from_answer(answer.status_code, answer.read())
            with staging.open("wb") as handle:
                for chunk in answer.iter_bytes():
                    written += handle.write(chunk)
        staging.replace(path)
    finally:
        staging.unlink(missing_ok=True)
    return written
