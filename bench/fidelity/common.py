"""What every signal-fidelity scenario shares: sizes, accounts, the API client, the outcome."""

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from django.contrib.auth.models import Group, User
from django.utils import timezone

from accounts.roles import Role

# Throwaway accounts of a scratch database.
PASSWORD = "fidelity-study-password"


def progress(line: str) -> None:
    """What the study is doing, on stderr (the table and the JSON go to stdout)."""
    print(line, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sizes:
    items: int = field(default=48, metadata={"help": "Responses to label (half comply)."})
    gold: int = field(default=8, metadata={"help": "Gold items (half comply)."})
    held_out: int = field(default=24, metadata={"help": "Unseen prompts for the truth measure."})
    raters: int = field(default=4, metadata={"help": "Rater accounts per scenario."})
    debates: int = field(default=48, metadata={"help": "Debates to argue and judge."})
    steps: int = field(default=60, metadata={"help": "DPO steps of the loop iteration."})
    learning_rate: float = field(default=1e-3, metadata={"help": "DPO learning rate."})


SMALLEST = Sizes(items=16, gold=4, held_out=8, raters=4, debates=40, steps=16)


def account_create(username: str, *roles: Role) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=[r.value for r in roles]))
    return user


def study_admin() -> User:
    return account_create(
        f"fidelity-admin-{timezone.now():%Y%m%d%H%M%S%f}", Role.ADMIN, Role.RESEARCHER
    )


def api_client(base_url: str, username: str) -> httpx.Client:
    token = httpx.post(
        f"{base_url}/api/auth/token/",
        json={"username": username, "password": PASSWORD},
        timeout=30,
    )
    token.raise_for_status()
    return httpx.Client(
        base_url=f"{base_url}/api",
        headers={"Authorization": f"Token {token.json()['token']}"},
        timeout=60,
    )


def succeeded(response: httpx.Response) -> httpx.Response:
    if response.is_error:
        raise RuntimeError(f"{response.request.method} {response.request.url}: {response.text}")
    return response


@dataclass
class Outcome:
    name: str
    before: float | None
    after: float | None
    published: bool
    # The scenario's own held-out measure (name, parent, new version).
    measure: str
    measure_before: float
    measure_after: float
    labels: int
    counts: dict[str, int]
    decisions: list[dict[str, Any]]
    seconds: dict[str, float]
    extra: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        key = self.measure.replace(" ", "_")
        return {
            "before": self.before,
            "after": self.after,
            "published": self.published,
            f"{key}_before": round(self.measure_before, 4),
            f"{key}_after": round(self.measure_after, 4),
            **self.extra,
        }


def table(outcomes: list[Outcome]) -> Iterator[str]:
    yield (
        f"{'scenario':<24} {'signals':>7} {'train':>5} {'eval':>4} {'acc before':>10} "
        f"{'acc after':>9} {'published':>9}  held-out measure (parent -> new)"
    )
    for o in outcomes:
        before = "-" if o.before is None else f"{o.before:.3f}"
        after = "-" if o.after is None else f"{o.after:.3f}"
        extra = ""
        if "refusal_accuracy_before" in o.extra:
            extra = (
                f"; refusal accuracy {o.extra['refusal_accuracy_before']:.2f} -> "
                f"{o.extra['refusal_accuracy_after']:.2f}"
            )
        yield (
            f"{o.name:<24} {o.labels:>7} {o.counts.get('train', 0):>5} "
            f"{o.counts.get('eval', 0):>4} {before:>10} {after:>9} "
            f"{'yes' if o.published else 'no':>9}  {o.measure} "
            f"{o.measure_before:+.3f} -> {o.measure_after:+.3f}{extra}"
        )
