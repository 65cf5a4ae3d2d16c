"""What the hazard work gives the retraining loop (registered in HazardsConfig.ready()).

- A safe rewrite becomes a pair: the rewrite is chosen over the response it replaces, for the
  conformity step's DPO, and its completion for SFT (prompt, safe rewrite).
- The red-team prompt set the loop's hazard-rate gate asks each new version.
"""

from annotation.hazards.models import Prompt, PromptSource, Response
from signalpool.models import Signal
from training.snapshot import Candidate

# Enough prompts for the gate to compare versions; the loop samples from them.
REDTEAM_PROMPTS_MAX = 200


def rewrite_candidates(signal: Signal, groups: dict[str, str]) -> list[Candidate]:
    from loop.providers import candidate_of

    response = Response.objects.select_related("prompt").filter(pk=signal.item_id).first()
    rewrite = signal.payload.get("text", "")
    if response is None or not rewrite:
        return []
    return [
        candidate_of(
            signal,
            groups,
            prompt=response.prompt.text,
            chosen=rewrite,
            rejected=response.text,
            completion=rewrite,
        )
    ]


def redteam_prompt_set() -> list[str]:
    """Attack prompts, newest first, without repeats; XSTest's safe prompts test over-refusal,
    not hazards, so imported XSTest prompts are left out."""
    texts = (
        Prompt.objects.exclude(source=PromptSource.XSTEST)
        .order_by("-id")
        .values_list("text", flat=True)
    )
    seen: dict[str, None] = {}
    for text in texts.iterator():
        seen.setdefault(text, None)
        if len(seen) == REDTEAM_PROMPTS_MAX:
            break
    return list(seen)
