from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.type_enum import TypeEnum

T = TypeVar("T", bound="StudyParam")


@_attrs_define
class StudyParam:
    """
    Attributes:
        name (str):
        type_ (TypeEnum): * `integer` - integer
            * `number` - number
            * `boolean` - boolean
            * `string` - string
            * `list` - list
            * `object` - object
        items (None | str): The type of a list's items.
        choices (list[str] | None):
        nullable (bool):
        required (bool):
        default (Any):
        help_ (str):
    """

    name: str
    type_: TypeEnum
    items: None | str
    choices: list[str] | None
    nullable: bool
    required: bool
    default: Any
    help_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        items: None | str
        items = self.items

        choices: list[str] | None
        if isinstance(self.choices, list):
            choices = self.choices

        else:
            choices = self.choices

        nullable = self.nullable

        required = self.required

        default = self.default

        help_ = self.help_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "items": items,
                "choices": choices,
                "nullable": nullable,
                "required": required,
                "default": default,
                "help": help_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = TypeEnum(d.pop("type"))

        def _parse_items(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        items = _parse_items(d.pop("items"))

        def _parse_choices(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                choices_type_0 = cast(list[str], data)

                return choices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        choices = _parse_choices(d.pop("choices"))

        nullable = d.pop("nullable")

        required = d.pop("required")

        default = d.pop("default")

        help_ = d.pop("help")

        study_param = cls(
            name=name,
            type_=type_,
            items=items,
            choices=choices,
            nullable=nullable,
            required=required,
            default=default,
            help_=help_,
        )

        study_param.additional_properties = d
        return study_param

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
