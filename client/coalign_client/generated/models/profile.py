from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.age_band_enum import AgeBandEnum
from ..models.blank_enum import BlankEnum

T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """
    Attributes:
        consent_given (bool):
        consent_at (datetime.datetime | None):
        languages (list[str]):
        region (str):
        expertise (str):
        age_band (AgeBandEnum | BlankEnum):
        perspective (str):
    """

    consent_given: bool
    consent_at: datetime.datetime | None
    languages: list[str]
    region: str
    expertise: str
    age_band: AgeBandEnum | BlankEnum
    perspective: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consent_given = self.consent_given

        consent_at: None | str
        if isinstance(self.consent_at, datetime.datetime):
            consent_at = self.consent_at.isoformat()
        else:
            consent_at = self.consent_at

        languages = self.languages

        region = self.region

        expertise = self.expertise

        age_band: str
        if isinstance(self.age_band, AgeBandEnum):
            age_band = self.age_band.value
        else:
            age_band = self.age_band.value

        perspective = self.perspective

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consent_given": consent_given,
                "consent_at": consent_at,
                "languages": languages,
                "region": region,
                "expertise": expertise,
                "age_band": age_band,
                "perspective": perspective,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_given = d.pop("consent_given")

        def _parse_consent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_at_type_0 = datetime.datetime.fromisoformat(data)

                return consent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        consent_at = _parse_consent_at(d.pop("consent_at"))

        languages = cast(list[str], d.pop("languages"))

        region = d.pop("region")

        expertise = d.pop("expertise")

        def _parse_age_band(data: object) -> AgeBandEnum | BlankEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_band_type_0 = AgeBandEnum(data)

                return age_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            age_band_type_1 = BlankEnum(data)

            return age_band_type_1

        age_band = _parse_age_band(d.pop("age_band"))

        perspective = d.pop("perspective")

        profile = cls(
            consent_given=consent_given,
            consent_at=consent_at,
            languages=languages,
            region=region,
            expertise=expertise,
            age_band=age_band,
            perspective=perspective,
        )

        profile.additional_properties = d
        return profile

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
