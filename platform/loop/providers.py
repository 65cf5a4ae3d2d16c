"""What the loop asks of the activities, and the platform's own signal kinds' conversions.

Each installed activity (activities.interface.Activity, listed in settings.ACTIVITIES) may give:
- conversions: one per signal kind, saying which dataset formats the kind feeds and turning the
  kind's signals into example material (only the activity knows what its items hold); the loop
  ships the conversions of preference pairs, comments and AI outputs (`CONVERSIONS`, given by
  loop.activity); the README's signal-to-example table lists them all;
- item verdicts: an activity's aggregated judgement of items (hazards: is this response
  harmful, from Dawid-Skene over the raters' labels with adjudications overriding), which
  keeps harmful text out of every SFT target;
- rater quality: what an activity measured of its raters (hazards: gold accuracy, else the
  Dawid-Skene estimate), used to drop or weight their examples;
- the red-team prompt set used for the hazard-rate gate (hazards);
- the current constitution's principles used for the agreement gate (principles).
"""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC

from activities.installed import activities_installed, contributions_merged
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from training.snapshot import Candidate, Format


@dataclass(frozen=True)
class ItemVerdict:
    """An activity's aggregated decision on one item, over every signal up to the window's end."""

    harmful: bool
    needless_refusal: bool
    # Probabilities of the classes (0 or 1 where a researcher adjudicated harm).
    p_harmful: float
    p_needless_refusal: float
    categories: tuple[str, ...] = ()
    # Per category named by any rater: probability the item belongs to it.
    category_p: dict[str, float] = field(default_factory=dict)
    # The text that was judged (a model's reply), kept out of SFT targets when harmful.
    text: str = ""


# (window end, equal_raters) -> verdicts; window end -> qualities; see BuildContext.
VerdictProvider = Callable[[str | None, bool], dict[str, ItemVerdict]]
RaterQualityProvider = Callable[[str | None], dict[str, float]]


class BuildContext:
    """What a conversion may ask of the loop while one snapshot is built.

    `until` is the recipe's closed window end: verdicts and qualities count only signals before
    it, so rebuilding the recipe later gives the same rows.
    """

    def __init__(
        self,
        *,
        until: str | None,
        groups: Callable[[Signal], dict[str, str]],
        equal_raters: bool = False,
    ) -> None:
        self.until = until
        self.groups = groups
        # The recipe's ablation: verdicts by plain majority, no rater measured.
        self.equal_raters = equal_raters
        self._verdicts: dict[str, ItemVerdict] | None = None
        self._quality: dict[str, float] | None = None

    def verdicts(self) -> dict[str, ItemVerdict]:
        """Item key ("type:id") -> verdict, from every installed activity, computed once."""
        if self._verdicts is None:
            self._verdicts = {}
            for activity in activities_installed():
                provider = activity.verdict_provider()
                if provider is not None:
                    self._verdicts.update(provider(self.until, self.equal_raters))
        return self._verdicts

    def rater_quality(self) -> dict[str, float]:
        """Rater key (Signal.rater) -> measured quality in [0, 1], computed once."""
        if self._quality is None:
            self._quality = {}
            for activity in () if self.equal_raters else activities_installed():
                provider = activity.rater_quality_provider()
                if provider is not None:
                    self._quality.update(provider(self.until))
        return self._quality

    def harmful_texts(self) -> set[str]:
        """The judged texts of items whose verdict is harmful, whitespace-normalised."""
        return {_normalised(v.text) for v in self.verdicts().values() if v.harmful and v.text}


def _normalised(text: str) -> str:
    return " ".join(text.split())


def sft_target_is_harmful(candidate: Candidate, harmful_texts: set[str]) -> bool:
    """Whether the text an SFT row would teach (completion, else chosen) was judged harmful."""
    return _normalised(candidate.completion or candidate.chosen) in harmful_texts


ConversionBuild = Callable[[Sequence[Signal], BuildContext], list[Candidate]]


@dataclass(frozen=True)
class Conversion:
    """How one signal kind becomes training examples.

    `formats` are the dataset formats its candidates make sense in; `context` says, for people,
    what the prompt of its examples holds. `build` gets the kind's signals in the recipe's
    window, oldest first. A kind that is not a training signal has no formats and no build,
    and its `context` says why (a recipe naming it is refused with that sentence).
    """

    kind: str
    formats: tuple[Format, ...]
    context: str
    build: ConversionBuild | None = None


PromptSetProvider = Callable[[], list[str]]
ConstitutionProvider = Callable[[], list[str]]


def _conversions() -> dict[str, Conversion]:
    return contributions_merged(
        "Signal kind", lambda activity: {c.kind: c for c in activity.conversions()}
    )


def conversion_for(kind: str) -> Conversion | None:
    return _conversions().get(kind)


def conversions() -> list[Conversion]:
    return sorted(_conversions().values(), key=lambda c: c.kind)


def redteam_prompts() -> list[str]:
    providers = (activity.redteam_prompt_set() for activity in activities_installed())
    return [prompt for provider in providers if provider is not None for prompt in provider()]


def constitution_principles() -> list[str]:
    providers = (activity.constitution_principles_provider() for activity in activities_installed())
    return [text for provider in providers if provider is not None for text in provider()]


def item_key(signal: Signal) -> str:
    return f"{signal.item_type}:{signal.item_id}"


def text_key(text: str) -> str:
    """A short, whitespace-blind key of a text, for choice keys that name an answer."""
    return hashlib.sha256(_normalised(text).encode()).hexdigest()[:16]


def candidate_of(
    signal: Signal,
    context: BuildContext,
    *,
    prompt: str,
    chosen: str = "",
    rejected: str = "",
    completion: str = "",
    question: str = "",
    choice: str = "",
    agreement: float | None = None,
    weight: float | None = None,
) -> Candidate:
    """A candidate carrying the signal's provenance (item, rater, groups, time) and material.

    Without a weight of its own, the rater's quality as an activity measured it is used.
    """
    rater = signal.rater
    return Candidate(
        signal_id=signal.pk,
        item=item_key(signal),
        rater=rater,
        groups=context.groups(signal),
        # UTC with microseconds, the spelling recipe windows use (snapshots.iso_utc).
        created_at=signal.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        prompt=prompt,
        chosen=chosen,
        rejected=rejected,
        completion=completion,
        question=question,
        choice=choice,
        agreement=agreement,
        weight=weight if weight is not None else context.rater_quality().get(rater),
    )


# Pairs that debates derived from judgements before the judgement conversion existed: their
# prompt lacks the passage and the assigned side, and the judgement conversion now builds them.
_SUPERSEDED_ITEM_TYPES = frozenset({"debates.debate"})


def preference_candidates(signals: Sequence[Signal], context: BuildContext) -> list[Candidate]:
    """A direct pair: raters agree when they prefer the same one of the same two texts."""
    out = []
    for signal in signals:
        if signal.item_type in _SUPERSEDED_ITEM_TYPES:
            continue
        p = signal.payload
        pair = "|".join(sorted((text_key(p["chosen"]), text_key(p["rejected"]))))
        out.append(
            candidate_of(
                signal,
                context,
                prompt=p["prompt"],
                chosen=p["chosen"],
                rejected=p["rejected"],
                question=f"{text_key(p['prompt'])}:{pair}",
                choice=text_key(p["chosen"]),
            )
        )
    return out


def ai_output_candidates(signals: Sequence[Signal], context: BuildContext) -> list[Candidate]:
    """A model's own output as a demonstration (the loop drops it when raters' aggregated label
    calls it harmful, as it does every SFT target: loop.services.snapshots._candidates)."""
    out = []
    for signal in signals:
        p = signal.payload
        if p.get("prompt") and p.get("completion"):
            out.append(
                candidate_of(signal, context, prompt=p["prompt"], completion=p["completion"])
            )
    return out


CONVERSIONS = (
    Conversion(
        kind=SignalKind.PREFERENCE,
        formats=("preference", "sft", "binary_qa"),
        context="The pair's own prompt; sft takes the chosen text as the completion.",
        build=preference_candidates,
    ),
    Conversion(
        kind=SignalKind.COMMENT,
        formats=(),
        context="A comment is free text about an item, with no reply to prefer or imitate.",
    ),
    Conversion(
        kind=SignalKind.AI_OUTPUT,
        formats=("sft",),
        context="The prompt the model was given; outputs whose aggregated label is harmful "
        "are left out.",
        build=ai_output_candidates,
    ),
)
