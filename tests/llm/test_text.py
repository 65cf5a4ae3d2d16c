import pytest

from llm.text import storable


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("be\x00fore", "before"),
        ("bell\x07 escape\x1b[0m del\x7f c1\x85", "bell escape[0m del c1"),
        ("lone \ud83d surrogate", "lone  surrogate"),
        ("lines\nand\ttabs\r\n kept ", "lines\nand\ttabs\r\n kept "),
        ("Héllo, 世界 🙂", "Héllo, 世界 🙂"),
    ],
)
def test_model_text_loses_what_cannot_be_stored_or_shown(raw: str, clean: str) -> None:
    assert storable(raw) == clean


def test_cleaning_deltas_one_by_one_adds_up_to_the_cleaned_whole() -> None:
    deltas = ["A\x00b", "\x01", "c\n\x7f", "d"]

    assert "".join(storable(d) for d in deltas) == storable("".join(deltas)) == "Abc\nd"
