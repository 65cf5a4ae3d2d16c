from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_enum import ChangeEnum

if TYPE_CHECKING:
    from ..models.principle import Principle


T = TypeVar("T", bound="ConstitutionDiffRow")


@_attrs_define
class ConstitutionDiffRow:
    """
    Attributes:
        key (str):
        change (ChangeEnum): * `added` - added
            * `removed` - removed
            * `changed` - changed
            * `unchanged` - unchanged
        before (None | Principle):
        after (None | Principle):
    """

    key: str
    change: ChangeEnum
    before: None | Principle
    after: None | Principle
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.principle import Principle  # noqa: PLC0415

        key = self.key

        change = self.change.value

        before: dict[str, Any] | None
        if isinstance(self.before, Principle):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, Principle):
            after = self.after.to_dict()
        else:
            after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "change": change,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle import Principle  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        change = ChangeEnum(d.pop("change"))

        def _parse_before(data: object) -> None | Principle:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_1 = Principle.from_dict(data)

                return before_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Principle, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> None | Principle:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_1 = Principle.from_dict(data)

                return after_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Principle, data)

        after = _parse_after(d.pop("after"))

        constitution_diff_row = cls(
            key=key,
            change=change,
            before=before,
            after=after,
        )

        constitution_diff_row.additional_properties = d
        return constitution_diff_row

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
