"""AI participants: the published `proposer` drafts amendments from signal-pool evidence, and
the published `judge` votes.

Both run on the gpu queue (tasks.py); generation happens outside any transaction.
"""

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.principles.models import Proposal, ProposalAction, RoundStatus, Vote, VotingRound
from annotation.principles.services.proposals import PROPOSAL_ITEM, proposal_submit
from annotation.principles.services.votes import vote_cast
from llm.backends.base import BackendError, GenerationParams
from llm.services import backend_for_version, options_score
from llm.serving import serving_version
from llm.text import storable
from signalpool.kinds import SignalKind
from signalpool.models import Signal


def principle_contested(*, keys: list[str]) -> tuple[str, str]:
    """The principle people disagree about most in past votes, and the evidence as a sentence.

    Reads the latest vote signal of each voter (corrected ones are skipped) on proposals about
    each principle; disagreement is min(agree, disagree) / (agree + disagree).
    """
    proposal_keys = dict(
        Proposal.objects.filter(principle_key__in=keys).values_list("pk", "principle_key")
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    latest = Signal.objects.filter(
        kind=SignalKind.VOTE,
        item_type=PROPOSAL_ITEM,
        item_id__in=[str(pk) for pk in proposal_keys],
        corrections__isnull=True,
    ).values_list("item_id", "payload")
    for item_id, payload in latest:
        counts[proposal_keys[int(item_id)]][payload["choice"]] += 1

    def split(key: str) -> float:
        agree, disagree = counts[key]["agree"], counts[key]["disagree"]
        return min(agree, disagree) / (agree + disagree) if agree + disagree else -1.0

    key = max(keys, key=split)
    if split(key) < 0:
        return key, "No votes on this principle yet."
    c = counts[key]
    return key, (
        f"Past votes on this principle split {c['agree']} agree, {c['disagree']} disagree, "
        f"{c['pass']} pass."
    )


def proposal_draft(*, round_id: int, max_new_tokens: int = 64) -> Proposal | None:
    """Draft one AI-authored amendment for an open round (at most one per model and round)."""
    voting_round = VotingRound.objects.select_related("base_version").filter(pk=round_id).first()
    version = serving_version(line="proposer")
    if voting_round is None or version is None or voting_round.status != RoundStatus.OPEN:
        return None
    existing = Proposal.objects.filter(round=voting_round, author_model=version).first()
    if existing is not None:
        return existing
    principles = {p.key: p for p in voting_round.base_version.principles.all()}
    if not principles:
        return None
    key, evidence = principle_contested(keys=sorted(principles))
    principle = principles[key]
    prompt = (
        "You help humans and AI amend a shared constitution.\n"
        f"Principle: {principle.title}. {principle.text}\n"
        f"Evidence: {evidence}\n"
        "Rewrite the principle so that more people could agree with it:"
    )
    try:
        [completion] = backend_for_version(version).generate(
            [prompt], GenerationParams(max_new_tokens=max_new_tokens, temperature=0.7)
        )
    except BackendError:
        return None
    text = storable(completion.text).strip()
    if not text:
        return None
    with transaction.atomic():
        # A redelivered task may have drafted already while this one generated.
        VotingRound.objects.select_for_update().get(pk=round_id)
        existing = Proposal.objects.filter(round=voting_round, author_model=version).first()
        if existing is not None:
            return existing
        return proposal_submit(
            voting_round=voting_round,
            action=ProposalAction.AMEND,
            principle_key=key,
            title=principle.title,
            text=text[:10000],
            audience=principle.audience,
            rationale=f"Drafted by {version.served_name} from the signal pool. {evidence}",
            author_model=version,
        )


VOTE_OPTIONS = (" agree", " disagree", " pass")


def ai_votes_cast(*, round_id: int) -> list[Vote]:
    """The published judge model votes on each proposal it has not voted on yet.

    It chooses by scoring " agree", " disagree" and " pass" as the continuation of the question
    (llm.services.options_score), so every vote is the model's own choice and its signal keeps
    the scores. Its votes are stored and shown apart from human votes and never count toward
    enactment.
    """
    voting_round = VotingRound.objects.filter(pk=round_id).first()
    version = serving_version(line="judge")
    if voting_round is None or version is None or voting_round.status != RoundStatus.OPEN:
        return []
    pending = list(
        voting_round.proposals.filter(vetoed_by__isnull=True)
        .exclude(votes__voter_model=version)
        .order_by("pk")
    )
    if not pending:
        return []
    prompts = [
        "Should this change to a shared human-AI constitution be made?\n"
        f"{p.get_action_display()} '{p.principle_key}': {p.text or p.rationale}\n"
        "Answer with one word, agree, disagree or pass.\nAnswer:"
        for p in pending
    ]
    try:
        verdicts = options_score(version=version, prompts=prompts, options=VOTE_OPTIONS)
    except BackendError:
        return []
    cast = []
    for proposal, verdict in zip(pending, verdicts, strict=True):
        try:
            cast.append(
                vote_cast(
                    proposal=proposal,
                    model=version,
                    choice=VOTE_OPTIONS[verdict.best].strip(),
                    option_scores=verdict.record(),
                )
            )
        except ValidationError:
            # The round closed while the model was answering.
            break
    return cast
