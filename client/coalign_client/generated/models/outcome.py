from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outcome_debater import OutcomeDebater


T = TypeVar("T", bound="Outcome")


@_attrs_define
class Outcome:
    """
    Attributes:
        correct_index (int):
        probabilities (list[float]):
        rationale (str):
        correct (bool):
        score (float):
        debaters (list[OutcomeDebater]):
    """

    correct_index: int
    probabilities: list[float]
    rationale: str
    correct: bool
    score: float
    debaters: list[OutcomeDebater]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        correct_index = self.correct_index

        probabilities = self.probabilities

        rationale = self.rationale

        correct = self.correct

        score = self.score

        debaters = []
        for debaters_item_data in self.debaters:
            debaters_item = debaters_item_data.to_dict()
            debaters.append(debaters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "correct_index": correct_index,
                "probabilities": probabilities,
                "rationale": rationale,
                "correct": correct,
                "score": score,
                "debaters": debaters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcome_debater import OutcomeDebater  # noqa: PLC0415

        d = dict(src_dict)
        correct_index = d.pop("correct_index")

        probabilities = cast(list[float], d.pop("probabilities"))

        rationale = d.pop("rationale")

        correct = d.pop("correct")

        score = d.pop("score")

        debaters = []
        _debaters = d.pop("debaters")
        for debaters_item_data in _debaters:
            debaters_item = OutcomeDebater.from_dict(debaters_item_data)

            debaters.append(debaters_item)

        outcome = cls(
            correct_index=correct_index,
            probabilities=probabilities,
            rationale=rationale,
            correct=correct,
            score=score,
            debaters=debaters,
        )

        outcome.additional_properties = d
        return outcome

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
