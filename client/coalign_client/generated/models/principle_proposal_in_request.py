from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audience_enum import AudienceEnum
from ..models.blank_enum import BlankEnum
from ..models.proposal_action_enum import ProposalActionEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrincipleProposalInRequest")


@_attrs_define
class PrincipleProposalInRequest:
    """
    Attributes:
        action (ProposalActionEnum): * `add` - Add a principle
            * `amend` - Amend a principle
            * `retire` - Retire a principle
        principle_key (str):
        rationale (str):
        title (str | Unset):  Default: ''.
        text (str | Unset):  Default: ''.
        audience (AudienceEnum | BlankEnum | Unset):  Default: BlankEnum.VALUE_0.
    """

    action: ProposalActionEnum
    principle_key: str
    rationale: str
    title: str | Unset = ""
    text: str | Unset = ""
    audience: AudienceEnum | BlankEnum | Unset = BlankEnum.VALUE_0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        principle_key = self.principle_key

        rationale = self.rationale

        title = self.title

        text = self.text

        audience: str | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        elif isinstance(self.audience, AudienceEnum):
            audience = self.audience.value
        else:
            audience = self.audience.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "principle_key": principle_key,
                "rationale": rationale,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if text is not UNSET:
            field_dict["text"] = text
        if audience is not UNSET:
            field_dict["audience"] = audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = ProposalActionEnum(d.pop("action"))

        principle_key = d.pop("principle_key")

        rationale = d.pop("rationale")

        title = d.pop("title", UNSET)

        text = d.pop("text", UNSET)

        def _parse_audience(data: object) -> AudienceEnum | BlankEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audience_type_0 = AudienceEnum(data)

                return audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            audience_type_1 = BlankEnum(data)

            return audience_type_1

        audience = _parse_audience(d.pop("audience", UNSET))

        principle_proposal_in_request = cls(
            action=action,
            principle_key=principle_key,
            rationale=rationale,
            title=title,
            text=text,
            audience=audience,
        )

        principle_proposal_in_request.additional_properties = d
        return principle_proposal_in_request

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
