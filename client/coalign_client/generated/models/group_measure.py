from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GroupMeasure")


@_attrs_define
class GroupMeasure:
    """
    Attributes:
        measure (str):
        suppressed (bool): Fewer raters than the minimum group size.
        raters (int | None):
        n (int | None):
        successes (int | None):
        rate (float | None):
        low (float | None): Wilson 95% interval.
        high (float | None): Wilson 95% interval.
    """

    measure: str
    suppressed: bool
    raters: int | None
    n: int | None
    successes: int | None
    rate: float | None
    low: float | None
    high: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measure = self.measure

        suppressed = self.suppressed

        raters: int | None
        raters = self.raters

        n: int | None
        n = self.n

        successes: int | None
        successes = self.successes

        rate: float | None
        rate = self.rate

        low: float | None
        low = self.low

        high: float | None
        high = self.high

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measure": measure,
                "suppressed": suppressed,
                "raters": raters,
                "n": n,
                "successes": successes,
                "rate": rate,
                "low": low,
                "high": high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measure = d.pop("measure")

        suppressed = d.pop("suppressed")

        def _parse_raters(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        raters = _parse_raters(d.pop("raters"))

        def _parse_n(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        n = _parse_n(d.pop("n"))

        def _parse_successes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        successes = _parse_successes(d.pop("successes"))

        def _parse_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate = _parse_rate(d.pop("rate"))

        def _parse_low(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        low = _parse_low(d.pop("low"))

        def _parse_high(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        high = _parse_high(d.pop("high"))

        group_measure = cls(
            measure=measure,
            suppressed=suppressed,
            raters=raters,
            n=n,
            successes=successes,
            rate=rate,
            low=low,
            high=high,
        )

        group_measure.additional_properties = d
        return group_measure

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
