from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_measure import GroupMeasure


T = TypeVar("T", bound="GroupRow")


@_attrs_define
class GroupRow:
    """
    Attributes:
        group (str):
        raters (int):
        measures (list[GroupMeasure]):
    """

    group: str
    raters: int
    measures: list[GroupMeasure]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        raters = self.raters

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "raters": raters,
                "measures": measures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_measure import GroupMeasure  # noqa: PLC0415

        d = dict(src_dict)
        group = d.pop("group")

        raters = d.pop("raters")

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = GroupMeasure.from_dict(measures_item_data)

            measures.append(measures_item)

        group_row = cls(
            group=group,
            raters=raters,
            measures=measures,
        )

        group_row.additional_properties = d
        return group_row

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
