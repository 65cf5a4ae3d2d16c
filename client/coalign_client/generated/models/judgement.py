from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.judgement_kind_enum import JudgementKindEnum

T = TypeVar("T", bound="Judgement")


@_attrs_define
class Judgement:
    """
    Attributes:
        id (int):
        kind (JudgementKindEnum): * `human` - Human
            * `ai` - AI
        judge (str):
        live (bool):
        probabilities (list[float]):
        correct (bool): Probability on the correct answer above 0.5.
        score (float): Log score: log2 of the probability on the truth.
    """

    id: int
    kind: JudgementKindEnum
    judge: str
    live: bool
    probabilities: list[float]
    correct: bool
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        judge = self.judge

        live = self.live

        probabilities = self.probabilities

        correct = self.correct

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "judge": judge,
                "live": live,
                "probabilities": probabilities,
                "correct": correct,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = JudgementKindEnum(d.pop("kind"))

        judge = d.pop("judge")

        live = d.pop("live")

        probabilities = cast(list[float], d.pop("probabilities"))

        correct = d.pop("correct")

        score = d.pop("score")

        judgement = cls(
            id=id,
            kind=kind,
            judge=judge,
            live=live,
            probabilities=probabilities,
            correct=correct,
            score=score,
        )

        judgement.additional_properties = d
        return judgement

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
