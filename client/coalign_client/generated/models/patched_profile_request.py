from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.age_band_enum import AgeBandEnum
from ..models.blank_enum import BlankEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedProfileRequest")


@_attrs_define
class PatchedProfileRequest:
    """
    Attributes:
        consent_given (bool | Unset):
        languages (list[str] | Unset):
        region (str | Unset):
        expertise (str | Unset):
        age_band (AgeBandEnum | BlankEnum | Unset):
        perspective (str | Unset):
    """

    consent_given: bool | Unset = UNSET
    languages: list[str] | Unset = UNSET
    region: str | Unset = UNSET
    expertise: str | Unset = UNSET
    age_band: AgeBandEnum | BlankEnum | Unset = UNSET
    perspective: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consent_given = self.consent_given

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        region = self.region

        expertise = self.expertise

        age_band: str | Unset
        if isinstance(self.age_band, Unset):
            age_band = UNSET
        elif isinstance(self.age_band, AgeBandEnum):
            age_band = self.age_band.value
        else:
            age_band = self.age_band.value

        perspective = self.perspective

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if consent_given is not UNSET:
            field_dict["consent_given"] = consent_given
        if languages is not UNSET:
            field_dict["languages"] = languages
        if region is not UNSET:
            field_dict["region"] = region
        if expertise is not UNSET:
            field_dict["expertise"] = expertise
        if age_band is not UNSET:
            field_dict["age_band"] = age_band
        if perspective is not UNSET:
            field_dict["perspective"] = perspective

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_given = d.pop("consent_given", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))

        region = d.pop("region", UNSET)

        expertise = d.pop("expertise", UNSET)

        def _parse_age_band(data: object) -> AgeBandEnum | BlankEnum | Unset:
            if isinstance(data, Unset):
                return data
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

        age_band = _parse_age_band(d.pop("age_band", UNSET))

        perspective = d.pop("perspective", UNSET)

        patched_profile_request = cls(
            consent_given=consent_given,
            languages=languages,
            region=region,
            expertise=expertise,
            age_band=age_band,
            perspective=perspective,
        )

        patched_profile_request.additional_properties = d
        return patched_profile_request

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
