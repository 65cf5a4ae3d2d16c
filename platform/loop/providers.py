"""What activities plug into the loop, each registered in its AppConfig.ready().

- candidate builders turn a signal of their kind into example material (only the activity
  knows what its items hold); the loop ships builders for preference pairs and AI outputs;
- the red-team prompt set used for the hazard-rate gate (hazards);
- the current constitution's principles used for the agreement gate (principles).
"""

from collections.abc import Callable
from datetime import UTC

from signalpool.kinds import SignalKind
from signalpool.models import Signal
from training.snapshot import Candidate

CandidateBuilder = Callable[[Signal, dict[str, str]], list[Candidate]]
PromptSetProvider = Callable[[], list[str]]
ConstitutionProvider = Callable[[], list[str]]

_builders: dict[str, CandidateBuilder] = {}
_redteam: list[PromptSetProvider] = []
_constitution: list[ConstitutionProvider] = []


def candidate_builder_register(kind: str, builder: CandidateBuilder) -> None:
    _builders[kind] = builder


def candidate_builder(kind: str) -> CandidateBuilder | None:
    return _builders.get(kind)


def redteam_prompts_provider_register(provider: PromptSetProvider) -> None:
    if provider not in _redteam:
        _redteam.append(provider)


def redteam_prompts_provider_unregister(provider: PromptSetProvider) -> None:
    if provider in _redteam:
        _redteam.remove(provider)


def redteam_prompts() -> list[str]:
    return [prompt for provider in _redteam for prompt in provider()]


def constitution_provider_register(provider: ConstitutionProvider) -> None:
    if provider not in _constitution:
        _constitution.append(provider)


def constitution_provider_unregister(provider: ConstitutionProvider) -> None:
    if provider in _constitution:
        _constitution.remove(provider)


def constitution_principles() -> list[str]:
    return [text for provider in _constitution for text in provider()]


def candidate_of(
    signal: Signal,
    groups: dict[str, str],
    *,
    prompt: str,
    chosen: str = "",
    rejected: str = "",
    completion: str = "",
) -> Candidate:
    """A candidate carrying the signal's provenance (item, rater, groups, time) and material."""
    rater = (
        f"user:{signal.source_user_id}"
        if signal.source_user_id
        else (f"model:{signal.source_model_id}")
    )
    return Candidate(
        signal_id=signal.pk,
        item=f"{signal.item_type}:{signal.item_id}",
        rater=rater,
        groups=groups,
        # UTC with microseconds, the spelling recipe windows use (see services.iso_utc).
        created_at=signal.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        prompt=prompt,
        chosen=chosen,
        rejected=rejected,
        completion=completion,
    )


def preference_candidates(signal: Signal, groups: dict[str, str]) -> list[Candidate]:
    p = signal.payload
    return [
        candidate_of(signal, groups, prompt=p["prompt"], chosen=p["chosen"], rejected=p["rejected"])
    ]


def ai_output_candidates(signal: Signal, groups: dict[str, str]) -> list[Candidate]:
    p = signal.payload
    if not p.get("prompt") or not p.get("completion"):
        return []
    return [candidate_of(signal, groups, prompt=p["prompt"], completion=p["completion"])]


candidate_builder_register(SignalKind.PREFERENCE, preference_candidates)
candidate_builder_register(SignalKind.AI_OUTPUT, ai_output_candidates)
