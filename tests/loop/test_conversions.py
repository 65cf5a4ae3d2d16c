"""Every signal kind declares its one conversion, and the README's table lists them all;
imported human data keeps its annotators as raters."""

import re

import pytest
from django.core.exceptions import ValidationError

from loop.providers import conversion_for, conversions
from loop.services.snapshots import dataset_recipe_parse
from signalpool.kinds import SignalKind
from signalpool.services import ImportSource, signal_record
from tests.conftest import ROOT
from tests.loop.builds import snapshot_create


def test_every_kind_has_a_conversion_listed_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("### From signals to training examples", 1)[1].split("\n\n**", 1)[0]
    listed = set(re.findall(r"^\| [^|]*", table, flags=re.MULTILINE))
    named = {kind for cell in listed for kind in re.findall(r"`([a-z_]+)`", cell)}
    assert {c.kind for c in conversions()} == set(SignalKind.values)
    assert named == set(SignalKind.values)
    for conversion in conversions():
        formats = conversion.formats
        builds = conversion.build is not None or conversion.stream is not None
        assert builds == bool(formats), conversion.kind
        row = next(line for line in table.splitlines() if f"`{conversion.kind}`" in line)
        assert all(f in row for f in formats)
        assert ("not a training" in row) == (not formats)


@pytest.mark.parametrize(
    ("recipe", "message"),
    [
        ({"kinds": ["vote"]}, "'vote' is not a training signal: A vote"),
        ({"kinds": ["ai_output"], "format": "preference"}, "'ai_output' feeds sft, not preference"),
        ({"kinds": ["nonsense"]}, "No dataset conversion for signal kind 'nonsense'"),
    ],
)
def test_a_recipe_a_kind_cannot_feed_is_refused_with_the_reason(recipe, message) -> None:
    with pytest.raises(ValidationError) as caught:
        dataset_recipe_parse(recipe)
    assert message in caught.value.message_dict["kinds"][0]
    assert conversion_for("vote") is not None


@pytest.mark.django_db
def test_imported_annotators_are_raters_of_their_own_source(settings, tmp_path) -> None:
    settings.DATASETS_DIR = tmp_path
    for annotator, chosen in (("a1", "yes"), ("a2", "yes"), ("a3", "no")):
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type="xstest.completion",
            item_id=1,
            payload={
                "prompt": "p",
                "chosen": chosen,
                "rejected": "no" if chosen == "yes" else "yes",
            },
            idempotency_key="pair",
            source_import=ImportSource(dataset="xstest", annotator=annotator),
        )

    snapshot, _ = snapshot_create(
        recipe={"kinds": ["preference"], "min_reliability": 0.5, "dedupe": False}
    )

    assert snapshot.mix == {"imported": 1.0}
    assert snapshot.counts["low_agreement_or_reliability"] == 1
