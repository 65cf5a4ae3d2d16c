from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.strategy_enum import StrategyEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DebaterInRequest")


@_attrs_define
class DebaterInRequest:
    """
    Attributes:
        line (str | Unset):  Default: 'debater'.
        strategy (StrategyEnum | Unset): * `evidence-first` - evidence-first
            * `rebuttal-first` - rebuttal-first
            * `standard` - standard Default: StrategyEnum.STANDARD.
        user (int | Unset): A person debates instead.
    """

    line: str | Unset = "debater"
    strategy: StrategyEnum | Unset = StrategyEnum.STANDARD
    user: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy.value

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if line is not UNSET:
            field_dict["line"] = line
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line", UNSET)

        _strategy = d.pop("strategy", UNSET)
        strategy: StrategyEnum | Unset
        if isinstance(_strategy, Unset):
            strategy = UNSET
        else:
            strategy = StrategyEnum(_strategy)

        user = d.pop("user", UNSET)

        debater_in_request = cls(
            line=line,
            strategy=strategy,
            user=user,
        )

        debater_in_request.additional_properties = d
        return debater_in_request

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
