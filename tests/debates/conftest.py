from pathlib import Path

import pytest

from annotation.debates.models import Question
from tests.conftest import ROOT
from tests.factories import QuestionFactory, QuestionSetFactory

NYU_DIR = ROOT / "data" / "nyu_debate"

STORY = (
    "The storm broke the radio mast on Tuesday. Mara could have taken the supply boat back, "
    "but the lamp needed winding every four hours, and no one else knew how."
)


@pytest.fixture
def nyu_dir() -> Path:
    return NYU_DIR


@pytest.fixture
def questions(db: None) -> list[Question]:
    """Three two-option questions over STORY in one set, option 0 right."""
    question_set = QuestionSetFactory.create(name="t", source="test")
    return [
        QuestionFactory.create(
            question_set=question_set,
            key=f"q{i}",
            text=f"Why did Mara stay ({i})?",
            passage=STORY,
            options=["Nobody else could wind the lamp", "She feared boats"],
            correct_index=0,
        )
        for i in range(3)
    ]
