from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_action_enum import ProposalActionEnum

T = TypeVar("T", bound="PrincipleProposalBrief")


@_attrs_define
class PrincipleProposalBrief:
    """
    Attributes:
        id (int):
        action (ProposalActionEnum): * `add` - Add a principle
            * `amend` - Amend a principle
            * `retire` - Retire a principle
        principle_key (str):
        title (str):
        text (str):
        rationale (str):
        ai_authored (bool):
    """

    id: int
    action: ProposalActionEnum
    principle_key: str
    title: str
    text: str
    rationale: str
    ai_authored: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action = self.action.value

        principle_key = self.principle_key

        title = self.title

        text = self.text

        rationale = self.rationale

        ai_authored = self.ai_authored

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "principle_key": principle_key,
                "title": title,
                "text": text,
                "rationale": rationale,
                "ai_authored": ai_authored,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        action = ProposalActionEnum(d.pop("action"))

        principle_key = d.pop("principle_key")

        title = d.pop("title")

        text = d.pop("text")

        rationale = d.pop("rationale")

        ai_authored = d.pop("ai_authored")

        principle_proposal_brief = cls(
            id=id,
            action=action,
            principle_key=principle_key,
            title=title,
            text=text,
            rationale=rationale,
            ai_authored=ai_authored,
        )

        principle_proposal_brief.additional_properties = d
        return principle_proposal_brief

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
