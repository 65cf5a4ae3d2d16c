"""What debate judging gives the retraining loop (given through its activity.py).

A judgement of a two-sided debate says which side's arguments convinced the judge: the side
whose answer got more probability. Each round then yields a pair for the debater line: the
winner's speech chosen over the loser's, after a prompt that holds what the winner argued
from, namely the story (debaters read it), the question and options, the side the winner was
assigned, and the rounds before. Training on it teaches "argue this assigned answer the way
that convinced judges", not "argue whatever the judge believed". Judges agree when they pick
the same winning side of the same debate, one vote per judge however many rounds it had.
Consultancies and judge-alone baselines have no opposing speech, so no pair.
"""

from collections.abc import Sequence

from annotation.debates.models import Debate, Debater, Protocol, TurnKind
from annotation.debates.prompts import option_letter
from annotation.debates.transcripts import transcript
from loop.providers import BuildContext, Conversion, candidate_of
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from training.snapshot import Candidate

ITEM_TYPE = "debates.debate"


def debater_context(debate: Debate, debater: Debater, round_: int) -> str:
    """The prompt of the debater's speech in a round, as the pair's shared prompt."""
    question = debate.question
    options = "\n".join(f"{option_letter(i)}: {o}" for i, o in enumerate(question.options))
    parts = []
    if question.passage:
        parts.append(f"Story:\n<story>{question.passage}</story>")
    parts.append(f"Question: {question.text}\n{options}")
    letter = option_letter(debater.answer_index)
    parts.append(
        f"You are Debater {debater.slot}, assigned to argue that the answer is "
        f"{letter}: {question.options[debater.answer_index]}"
    )
    earlier = transcript(debate, before_round=round_)
    if earlier:
        parts.append(f"Transcript so far:\n<transcript>{earlier}</transcript>")
    parts.append(f"Round {round_ + 1}. Your argument:")
    return "\n\n".join(parts)


def judgement_candidates(signals: Sequence[Signal], context: BuildContext) -> list[Candidate]:
    ids = {int(s.item_id) for s in signals if s.item_type == ITEM_TYPE}
    debates = (
        Debate.objects.filter(pk__in=ids, protocol=Protocol.DEBATE)
        .select_related("question")
        .prefetch_related("debaters")
        .in_bulk()
    )
    out = []
    for signal in signals:
        debate = debates.get(int(signal.item_id)) if signal.item_type == ITEM_TYPE else None
        if debate is None:
            continue
        sides = {d.slot: d for d in debate.debaters.all()}
        if set(sides) != {"A", "B"}:
            continue
        probabilities = signal.payload["probabilities"]
        p_a = probabilities[sides["A"].answer_index]
        p_b = probabilities[sides["B"].answer_index]
        if p_a == p_b:
            continue
        winner, loser = (sides["A"], sides["B"]) if p_a > p_b else (sides["B"], sides["A"])
        # Only the speeches the judge had read: an interactive debate may grow after a verdict.
        seen = debate.turns.filter(kind=TurnKind.SPEECH, created_at__lte=signal.created_at)
        speeches = {(t.round, t.debater_id): t.text for t in seen}
        for round_ in sorted({r for r, _ in speeches}):
            chosen = speeches.get((round_, winner.pk))
            rejected = speeches.get((round_, loser.pk))
            if not chosen or not rejected:
                continue
            out.append(
                candidate_of(
                    signal,
                    context,
                    prompt=debater_context(debate, winner, round_),
                    chosen=chosen,
                    rejected=rejected,
                    completion=chosen,
                    choice=f"answer:{winner.answer_index}",
                )
            )
    return out


CONVERSIONS = (
    Conversion(
        kind=SignalKind.JUDGEMENT,
        formats=("preference", "sft", "binary_qa"),
        context="Per round of a two-sided debate: the story (debaters read it), question, "
        "options, the winner's assigned answer and the earlier rounds; the winner's speech is "
        "chosen over the loser's.",
        build=judgement_candidates,
    ),
    Conversion(
        kind=SignalKind.DEBATE_TURN,
        formats=(),
        context="A speech alone says nothing of its quality; judgements of the debate turn "
        "its speeches into pairs.",
    ),
)
