import json
from pathlib import Path

import pytest

from annotation.debates.importers import question_set_import
from annotation.debates.models import Question
from tests.conftest import ROOT

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
    """Three two-option questions with a passage, imported through the JSONL importer."""
    lines = [
        json.dumps(
            {
                "key": f"q{i}",
                "question": f"Why did Mara stay ({i})?",
                "passage": STORY,
                "options": ["Nobody else could wind the lamp", "She feared boats"],
                "correct": 0,
            }
        )
        for i in range(3)
    ]
    question_set, _ = question_set_import(
        content="\n".join(lines).encode(), file_format="jsonl", name="t", source="test"
    )
    return list(question_set.questions.order_by("key"))
