"""What debaters and judges read: the transcript, its quotes marked, inside the versioned prompts.

The retraining loop rebuilds a debater's prompt from the same transcript (loop_inputs.py).
"""

from annotation.debates.models import Debate, Debater, Protocol, SpeakingOrder, TurnKind
from annotation.debates.prompts import (
    CURRENT_PROMPT_VERSION,
    PROMPT_VERSIONS,
    STRATEGIES,
    option_letter,
)


def transcript(debate: Debate, *, before_round: int | None) -> str:
    """The speeches a debater or judge sees, with each quote marked verified or not.

    before_round: only earlier rounds (simultaneous speaking: the opponent's speech of this
    round is not visible yet); None for everything written so far.
    """
    turns = debate.turns.filter(kind=TurnKind.SPEECH).select_related("debater")
    if before_round is not None:
        turns = turns.filter(round__lt=before_round)
    lines = []
    for turn in turns:
        assert turn.debater is not None
        text = turn.text
        for quote in turn.quotes:
            if quote["verified"] is None:
                continue  # no passage to check against: left as the debater wrote it
            mark = "verified" if quote["verified"] else "unverified"
            text = text.replace(
                f"<quote>{quote['text']}</quote>", f"<{mark}>{quote['text']}</{mark}>"
            )
        lines.append(f"Round {turn.round + 1}, Debater {turn.debater.slot}: {text}")
    return "\n\n".join(lines)


def debater_prompt(debate: Debate, debater: Debater, round_: int) -> str:
    prompts = PROMPT_VERSIONS[debate.prompt_version]
    question = debate.question
    my_answer = question.options[debater.answer_index]
    others = "; ".join(o for i, o in enumerate(question.options) if i != debater.answer_index)
    system = (
        prompts.debater_system if debate.protocol == Protocol.DEBATE else prompts.consultant_system
    ).format(slot=debater.slot, word_limit=debate.word_limit, strategy=STRATEGIES[debater.strategy])
    simultaneous = debate.speaking_order == SpeakingOrder.SIMULTANEOUS
    fields = {"question": question.text, "my_answer": my_answer, "other_answers": others}
    return prompts.debater_turn.format(
        system=system,
        passage=question.passage,
        confirm=prompts.confirm.format(**fields),
        transcript=transcript(debate, before_round=round_ if simultaneous else None),
        request=prompts.argument_request[min(round_, 1)].format(**fields),
        advice=prompts.thinking_advice[min(round_, 2)],
        **fields,
    )


def judge_prompt(debate: Debate) -> str:
    """What the AI judge reads; each answer's letter is scored as its continuation."""
    prompts = PROMPT_VERSIONS[CURRENT_PROMPT_VERSION]
    question = debate.question
    options = "\n".join(f"{option_letter(i)}: {o}" for i, o in enumerate(question.options))
    return prompts.judge.format(
        question=question.text,
        options=options,
        transcript=transcript(debate, before_round=None) or "(no arguments: answer alone)",
    )
