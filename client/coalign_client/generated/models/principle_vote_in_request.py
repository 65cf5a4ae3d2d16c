from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vote_choice_enum import VoteChoiceEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrincipleVoteInRequest")


@_attrs_define
class PrincipleVoteInRequest:
    """
    Attributes:
        choice (VoteChoiceEnum): * `agree` - Agree
            * `disagree` - Disagree
            * `pass` - Pass
        dwell_ms (int | None | Unset): Milliseconds the item was visible and focused before submitting (the pages
            measure it); a submission faster than its kind's floor is flagged.
    """

    choice: VoteChoiceEnum
    dwell_ms: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        choice = self.choice.value

        dwell_ms: int | None | Unset
        if isinstance(self.dwell_ms, Unset):
            dwell_ms = UNSET
        else:
            dwell_ms = self.dwell_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "choice": choice,
            }
        )
        if dwell_ms is not UNSET:
            field_dict["dwell_ms"] = dwell_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        choice = VoteChoiceEnum(d.pop("choice"))

        def _parse_dwell_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dwell_ms = _parse_dwell_ms(d.pop("dwell_ms", UNSET))

        principle_vote_in_request = cls(
            choice=choice,
            dwell_ms=dwell_ms,
        )

        principle_vote_in_request.additional_properties = d
        return principle_vote_in_request

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
