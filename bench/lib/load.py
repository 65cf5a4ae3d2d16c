"""Rater submissions driven at a server: each client sends its share, one after another."""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx


@dataclass
class Level:
    system: str
    clients: int
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    stored: int = 0

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


Request = tuple[str, dict[str, str], dict | None]  # url, headers, JSON body (None: a GET)


async def drive(level: Level, work: Sequence[Sequence[Request]]) -> None:
    """Each client sends its submissions one after another on its own keep-alive connection."""

    async def client(items: Sequence[Request]) -> None:
        async with httpx.AsyncClient(timeout=60) as http:
            for url, headers, body in items:
                start = time.perf_counter()
                try:
                    if body is None:
                        answer = await http.get(url, headers=headers)
                    else:
                        answer = await http.post(url, headers=headers, json=body)
                    outcome = str(answer.status_code)
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                level.latencies_ms.append((time.perf_counter() - start) * 1000)
                if outcome.startswith("2"):
                    level.ok += 1
                else:
                    level.errors[outcome] = level.errors.get(outcome, 0) + 1

    start = time.perf_counter()
    await asyncio.gather(*(client(items) for items in work))
    level.seconds = time.perf_counter() - start


def split(items: list, clients: int) -> list[list]:
    return [items[i::clients] for i in range(clients)]
