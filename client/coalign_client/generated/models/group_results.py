from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_enum import FieldEnum

if TYPE_CHECKING:
    from ..models.group_row import GroupRow


T = TypeVar("T", bound="GroupResults")


@_attrs_define
class GroupResults:
    """
    Attributes:
        field (FieldEnum): * `region` - Region
            * `languages` - Languages
            * `expertise` - Expertise
            * `age_band` - Age band
        min_group_size (int):
        groups (list[GroupRow]):
        suppressed_groups (int): Groups left out for having fewer raters than min_group_size.
        raters_left_out (int): Raters without consent or without a value for the field.
    """

    field: FieldEnum
    min_group_size: int
    groups: list[GroupRow]
    suppressed_groups: int
    raters_left_out: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        min_group_size = self.min_group_size

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        suppressed_groups = self.suppressed_groups

        raters_left_out = self.raters_left_out

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "min_group_size": min_group_size,
                "groups": groups,
                "suppressed_groups": suppressed_groups,
                "raters_left_out": raters_left_out,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_row import GroupRow  # noqa: PLC0415

        d = dict(src_dict)
        field = FieldEnum(d.pop("field"))

        min_group_size = d.pop("min_group_size")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupRow.from_dict(groups_item_data)

            groups.append(groups_item)

        suppressed_groups = d.pop("suppressed_groups")

        raters_left_out = d.pop("raters_left_out")

        group_results = cls(
            field=field,
            min_group_size=min_group_size,
            groups=groups,
            suppressed_groups=suppressed_groups,
            raters_left_out=raters_left_out,
        )

        group_results.additional_properties = d
        return group_results

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
