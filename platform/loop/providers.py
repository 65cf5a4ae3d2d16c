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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC
from typing import NamedTuple

from activities.installed import activities_installed, contributions_merged
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from training.snapshot import Candidate, Format, normalised, text_digest


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
        return {normalised(v.text) for v in self.verdicts().values() if v.harmful and v.text}


def sft_target_is_harmful(candidate: Candidate, harmful_texts: set[str]) -> bool:
    """Whether the text an SFT row would teach (completion, else chosen) was judged harmful."""
    return normalised(candidate.completion or candidate.chosen) in harmful_texts


class SignalRow(NamedTuple):
    """One signal as a streamed conversion reads it: plain values, no model instance."""

    id: int
    item_type: str
    item_id: str
    rater: str  # Signal.rater
    groups: dict[str, str]  # BuildContext.groups of the signal (shared by its source's rows)
    created_at: str  # UTC, ISO 8601 with microseconds: the spelling of recipe windows
    fields: tuple[str, ...]  # the payload's values named by Conversion.fields, as text ("": none)


ConversionBuild = Callable[[Sequence[Signal], BuildContext], list[Candidate]]
ConversionStream = Callable[[Iterable[SignalRow], BuildContext], Iterator[Candidate]]


@dataclass(frozen=True)
class Conversion:
    """How one signal kind becomes training examples.

    `formats` are the dataset formats its candidates make sense in; `context` says, for people,
    what the prompt of its examples holds. `build` gets the kind's signals in the recipe's
    window, oldest first. A kind that comes in volume (a million preference pairs) gives
    `stream` instead: it gets the same signals as plain rows, one at a time, read from a
    server-side cursor, with the payload's text values named in `fields`, and yields its
    candidates as it goes, so a snapshot never holds the kind's model instances. A kind that is
    not a training signal has no formats, build or stream, and its `context` says why (a recipe
    naming it is refused with that sentence).
    """

    kind: str
    formats: tuple[Format, ...]
    context: str
    build: ConversionBuild | None = None
    stream: ConversionStream | None = None
    fields: tuple[str, ...] = ()


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
    return text_digest(text).hex()[:16]


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


def preference_candidates(rows: Iterable[SignalRow], context: BuildContext) -> Iterator[Candidate]:
    """A direct pair: raters agree when they prefer the same one of the same two texts."""
    for row in rows:
        if row.item_type in _SUPERSEDED_ITEM_TYPES:
            continue
        prompt, chosen, rejected = row.fields
        choice = text_key(chosen)
        pair = "|".join(sorted((choice, text_key(rejected))))
        yield _row_candidate(
            row,
            context,
            prompt=prompt,
            chosen=chosen,
            rejected=rejected,
            question=f"{text_key(prompt)}:{pair}",
            choice=choice,
        )


def ai_output_candidates(rows: Iterable[SignalRow], context: BuildContext) -> Iterator[Candidate]:
    """A model's own output as a demonstration (the loop drops it when raters' aggregated label
    calls it harmful, as it does every SFT target: loop.services.snapshots._candidates)."""
    for row in rows:
        prompt, completion = row.fields
        if prompt and completion:
            yield _row_candidate(row, context, prompt=prompt, completion=completion)


def _row_candidate(
    row: SignalRow,
    context: BuildContext,
    *,
    prompt: str,
    chosen: str = "",
    rejected: str = "",
    completion: str = "",
    question: str = "",
    choice: str = "",
) -> Candidate:
    """candidate_of for a streamed row: its provenance, the rater's measured quality."""
    return Candidate(
        signal_id=row.id,
        item=f"{row.item_type}:{row.item_id}",
        rater=row.rater,
        groups=row.groups,
        created_at=row.created_at,
        prompt=prompt,
        chosen=chosen,
        rejected=rejected,
        completion=completion,
        question=question,
        choice=choice,
        weight=context.rater_quality().get(row.rater),
    )


CONVERSIONS = (
    Conversion(
        kind=SignalKind.PREFERENCE,
        formats=("preference", "sft", "binary_qa"),
        context="The pair's own prompt; sft takes the chosen text as the completion.",
        stream=preference_candidates,
        fields=("prompt", "chosen", "rejected"),
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
        stream=ai_output_candidates,
        fields=("prompt", "completion"),
    ),
)
