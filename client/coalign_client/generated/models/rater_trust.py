from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RaterTrust")


@_attrs_define
class RaterTrust:
    """
    Attributes:
        user (int):
        username (str):
        activity (str):
        score (float): In [0, 1]: see trust.components.trust_score.
        gold_accuracy (float | None):
        gold_items (int):
        agreement (float | None):
        agreement_items (int):
        fast_share (float | None):
        timed_submissions (int):
        fast_submissions (int):
        computed_at (datetime.datetime):
    """

    user: int
    username: str
    activity: str
    score: float
    gold_accuracy: float | None
    gold_items: int
    agreement: float | None
    agreement_items: int
    fast_share: float | None
    timed_submissions: int
    fast_submissions: int
    computed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        username = self.username

        activity = self.activity

        score = self.score

        gold_accuracy: float | None
        gold_accuracy = self.gold_accuracy

        gold_items = self.gold_items

        agreement: float | None
        agreement = self.agreement

        agreement_items = self.agreement_items

        fast_share: float | None
        fast_share = self.fast_share

        timed_submissions = self.timed_submissions

        fast_submissions = self.fast_submissions

        computed_at = self.computed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "username": username,
                "activity": activity,
                "score": score,
                "gold_accuracy": gold_accuracy,
                "gold_items": gold_items,
                "agreement": agreement,
                "agreement_items": agreement_items,
                "fast_share": fast_share,
                "timed_submissions": timed_submissions,
                "fast_submissions": fast_submissions,
                "computed_at": computed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user = d.pop("user")

        username = d.pop("username")

        activity = d.pop("activity")

        score = d.pop("score")

        def _parse_gold_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gold_accuracy = _parse_gold_accuracy(d.pop("gold_accuracy"))

        gold_items = d.pop("gold_items")

        def _parse_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        agreement = _parse_agreement(d.pop("agreement"))

        agreement_items = d.pop("agreement_items")

        def _parse_fast_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fast_share = _parse_fast_share(d.pop("fast_share"))

        timed_submissions = d.pop("timed_submissions")

        fast_submissions = d.pop("fast_submissions")

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        rater_trust = cls(
            user=user,
            username=username,
            activity=activity,
            score=score,
            gold_accuracy=gold_accuracy,
            gold_items=gold_items,
            agreement=agreement,
            agreement_items=agreement_items,
            fast_share=fast_share,
            timed_submissions=timed_submissions,
            fast_submissions=fast_submissions,
            computed_at=computed_at,
        )

        rater_trust.additional_properties = d
        return rater_trust

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
