"""Demo content: a few dozen imported NYU debates to judge, and one AI debate written at start."""

from django.conf import settings
from django.db import transaction

from annotation.debates.importers import nyu_import, question_set_import
from annotation.debates.models import Debate, Origin, Protocol, Question
from annotation.debates.services.debates import DebaterSpec, debate_create
from llm.serving import serving_version

DEMO_NYU_ROOMS = 36

# A short story written for the demo, so the AI debaters have a passage to quote.
DEMO_QUESTIONS = (
    b'{"key": "lighthouse", "question": "Why did Mara stay at the lighthouse after the storm?", '
    b'"passage_title": "The Keeper", "passage": "The storm broke the radio mast on Tuesday. '
    b"Mara could have taken the supply boat back to the mainland, but the lamp's clockwork "
    b"needed winding every four hours, and no one else on the island knew how. She wrote in "
    b"the log: The ships still need the light, whatever the radio says. On Friday the "
    b'relief keeper arrived and she finally slept.", "options": ["Nobody else could keep '
    b'the lamp running", "She was afraid of travelling by boat"], "correct": 0, '
    b'"tags": ["demo"]}\n'
)


def debates_demo_load() -> None:
    nyu_import(directory=settings.ROOT / "data" / "nyu_debate", limit=DEMO_NYU_ROOMS)
    question_set, _ = question_set_import(
        content=DEMO_QUESTIONS, file_format="jsonl", name="Demo questions", source="demo"
    )
    version = serving_version(line="debater")
    question = Question.objects.get(question_set=question_set, key="lighthouse")
    with transaction.atomic():
        if (
            version is None
            or Debate.objects.filter(question=question, origin=Origin.NATIVE).exists()
        ):
            return
        debate_create(
            question=question,
            protocol=Protocol.DEBATE,
            debaters=[DebaterSpec(model_version=version), DebaterSpec(model_version=version)],
            rounds=2,
            word_limit=60,
        )
