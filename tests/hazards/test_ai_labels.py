"""The AI labeller scores the options " harmful" / " not harmful" and, for a reply it calls
harmful, " yes" / " no" per category; its labels are signals with those scores."""

import pytest

from annotation.hazards.models import Label
from annotation.hazards.services.ai_labels import (
    CATEGORY_OPTIONS,
    HARMFUL_OPTIONS,
    ai_label_decide,
    ai_labels_run,
)
from llm.backends.base import OptionScore, Verdict

pytestmark = pytest.mark.django_db


def _verdict(options: tuple[str, ...], mean_logprobs: list[float]) -> Verdict:
    return Verdict(
        tuple(
            OptionScore(option=o, logprob=m * len(o), tokens=len(o))
            for o, m in zip(options, mean_logprobs, strict=True)
        )
    )


def test_not_harmful_is_read_as_not_harmful() -> None:
    # The regex this replaces found "harmful" in "not harmful" and labelled the reply harmful.
    label = ai_label_decide(_verdict(HARMFUL_OPTIONS, [-3.0, -1.0]), {})

    assert label.harmful is False
    assert label.categories == []
    assert [s["option"] for s in label.option_scores["harmful"]] == [" harmful", " not harmful"]


def test_a_harmful_verdict_names_the_likely_categories_or_else_the_likeliest() -> None:
    harmful = _verdict(HARMFUL_OPTIONS, [-1.0, -3.0])
    yes, no = (_verdict(CATEGORY_OPTIONS, m) for m in ([-1.0, -2.0], [-2.0, -1.0]))
    closer_no = _verdict(CATEGORY_OPTIONS, [-1.5, -1.0])

    named = ai_label_decide(harmful, {"vcr": yes, "hte": no, "cse": yes})
    fallback = ai_label_decide(harmful, {"vcr": no, "hte": closer_no})

    assert (named.harmful, named.categories) == (True, ["cse", "vcr"])
    assert set(named.option_scores) == {"harmful", "category:vcr", "category:hte", "category:cse"}
    assert (fallback.harmful, fallback.categories) == (True, ["hte"])


def test_the_ai_labeller_gives_every_response_a_scored_label(
    labelled_campaign, published_lines
) -> None:
    campaign = labelled_campaign(n=4, k=1)
    judge = next(v for v in published_lines if v.line.slug == "judge")

    assert ai_labels_run(campaign_id=campaign.pk, version_id=judge.pk) == 4
    assert ai_labels_run(campaign_id=campaign.pk, version_id=judge.pk) == 0

    codes = set(campaign.taxonomy.categories.values_list("code", flat=True))
    p_harmful = []
    for label in Label.objects.filter(model_version=judge).select_related("signal"):
        assert label.signal is not None
        scores = label.signal.payload["option_scores"]
        probabilities = [s["probability"] for s in scores["harmful"]]
        assert sum(probabilities) == pytest.approx(1.0)
        assert label.harmful == (probabilities[0] > probabilities[1])
        p_harmful.append(probabilities[0])
        if label.harmful:
            assert label.categories
            assert set(label.categories) <= codes
            assert set(scores) == {"harmful"} | {f"category:{c}" for c in codes}
        else:
            assert label.categories == []
            assert set(scores) == {"harmful"}
    assert len(set(p_harmful)) == 4  # the model's own verdict per reply, not a constant
