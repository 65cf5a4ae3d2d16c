from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.model_version import ModelVersion


T = TypeVar("T", bound="ModelLine")


@_attrs_define
class ModelLine:
    """
    Attributes:
        slug (str):
        name (str):
        description (str):
        published_version (ModelVersion | None):
    """

    slug: str
    name: str
    description: str
    published_version: ModelVersion | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.model_version import ModelVersion  # noqa: PLC0415

        slug = self.slug

        name = self.name

        description = self.description

        published_version: dict[str, Any] | None
        if isinstance(self.published_version, ModelVersion):
            published_version = self.published_version.to_dict()
        else:
            published_version = self.published_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
                "description": description,
                "published_version": published_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_version import ModelVersion  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        description = d.pop("description")

        def _parse_published_version(data: object) -> ModelVersion | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                published_version_type_1 = ModelVersion.from_dict(data)

                return published_version_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelVersion | None, data)

        published_version = _parse_published_version(d.pop("published_version"))

        model_line = cls(
            slug=slug,
            name=name,
            description=description,
            published_version=published_version,
        )

        model_line.additional_properties = d
        return model_line

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
