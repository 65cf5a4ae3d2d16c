from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.snapshot_in_request_recipe import SnapshotInRequestRecipe


T = TypeVar("T", bound="SnapshotInRequest")


@_attrs_define
class SnapshotInRequest:
    """
    Attributes:
        recipe (SnapshotInRequestRecipe): A dataset recipe (training.snapshot.DatasetRecipe).
        line (None | str | Unset):
    """

    recipe: SnapshotInRequestRecipe
    line: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recipe = self.recipe.to_dict()

        line: None | str | Unset
        if isinstance(self.line, Unset):
            line = UNSET
        else:
            line = self.line

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipe": recipe,
            }
        )
        if line is not UNSET:
            field_dict["line"] = line

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.snapshot_in_request_recipe import SnapshotInRequestRecipe  # noqa: PLC0415

        d = dict(src_dict)
        recipe = SnapshotInRequestRecipe.from_dict(d.pop("recipe"))

        def _parse_line(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line = _parse_line(d.pop("line", UNSET))

        snapshot_in_request = cls(
            recipe=recipe,
            line=line,
        )

        snapshot_in_request.additional_properties = d
        return snapshot_in_request

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
