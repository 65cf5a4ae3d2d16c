"""The pluralistic study's parameters, and the constitution in force they may name principles of."""

from dataclasses import dataclass, field
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime

from annotation.principles.models import Audience, Principle, RoundStatus, VotingRound
from annotation.studies.kinds.knobs import (
    knob_errors,
    learning_rate_field,
    max_steps_field,
    seed_field,
)
from annotation.studies.services.work import versions_check
from loop.providers import conversion_for
from signalpool.kinds import SignalKind


@dataclass(frozen=True)
class PluralisticParams:
    groups_from: Literal["opinion_groups", "background"] = field(
        default="opinion_groups",
        metadata={
            "help": "opinion_groups: the groups a closed principles round found among its "
            "voters; background: raters sharing a value of a consented profile field."
        },
    )
    round: int | None = field(
        default=None, metadata={"help": "The closed principles round (its id), for opinion groups."}
    )
    background: Literal["region", "expertise", "age_band"] = field(
        default="region", metadata={"help": "The profile field that groups raters, for background."}
    )
    kinds: tuple[str, ...] = field(
        default=(SignalKind.PREFERENCE.value,),
        metadata={"help": "Signal kinds the preference snapshots read (each must feed pairs)."},
    )
    until: str = field(
        default="",
        metadata={
            "help": "End of the signals' window (ISO time); empty: when the study starts. Give a "
            "study's own to rebuild its snapshots."
        },
    )
    eval_fraction: float = field(
        default=0.5,
        metadata={"help": "Share of items held out of every snapshot, on which models compare."},
    )
    principles: tuple[str, ...] = field(
        default=(),
        metadata={
            "help": "Keys of the constitution's principles to compare the models under; empty: "
            "every principle in force that binds AI."
        },
    )
    version: str = field(
        default="judge:1",
        metadata={"help": "Base version of every reward model, as line:number (trained there)."},
    )
    max_steps: int = max_steps_field()
    learning_rate: float = learning_rate_field()
    seed: int = seed_field("Seeds the held-out split and training.")

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        if self.groups_from == "opinion_groups":
            closed = VotingRound.objects.filter(status=RoundStatus.CLOSED)
            if self.round is None or not closed.filter(pk=self.round).exists():
                errors["round"] = "Give the id of a closed principles round."
        elif self.round is not None:
            errors["round"] = "Background groups come from profiles, not from a round."
        feeds_pairs = [
            kind
            for kind in self.kinds
            if (conversion := conversion_for(kind)) is not None
            and "preference" in conversion.formats
        ]
        if not self.kinds or feeds_pairs != list(self.kinds):
            errors["kinds"] = "Name signal kinds that feed preference pairs (e.g. preference)."
        if self.until and parse_datetime(self.until) is None:
            errors["until"] = "Give an ISO 8601 date and time."
        if not 0 < self.eval_fraction < 1:
            errors["eval_fraction"] = (
                "Give a share between 0 and 1: models compare on held-out pairs."
            )
        unknown = sorted(set(self.principles) - set(ai_principles()))
        if unknown:
            errors["principles"] = f"No principle for AI in force has the key(s) {unknown}."
        errors |= knob_errors(self)
        if errors:
            raise ValidationError(errors)
        versions_check("version", [self.version])


def ai_principles() -> dict[str, str]:
    """The constitution in force: each principle that binds AI, key -> "title: text"."""
    principles = Principle.objects.filter(
        version__is_current=True, audience__in=[Audience.AI, Audience.SHARED]
    ).order_by("position", "key")
    return {p.key: f"{p.title}: {p.text}" for p in principles}
