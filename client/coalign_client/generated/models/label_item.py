from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.taxonomy import Taxonomy


T = TypeVar("T", bound="LabelItem")


@_attrs_define
class LabelItem:
    """What a rater sees: the prompt, the response and the taxonomy to label it with.

    Attributes:
        response (int):
        campaign (int):
        prompt (str):
        text (str):
        attack_category (str):
        taxonomy (Taxonomy):
        untrained_model (bool):  Default: False.
        prompt_untrained_model (bool): The prompt is an AI attacker's, written by the untrained demo model.
    """

    response: int
    campaign: int
    prompt: str
    text: str
    attack_category: str
    taxonomy: Taxonomy
    prompt_untrained_model: bool
    untrained_model: bool = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response = self.response

        campaign = self.campaign

        prompt = self.prompt

        text = self.text

        attack_category = self.attack_category

        taxonomy = self.taxonomy.to_dict()

        untrained_model = self.untrained_model

        prompt_untrained_model = self.prompt_untrained_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response": response,
                "campaign": campaign,
                "prompt": prompt,
                "text": text,
                "attack_category": attack_category,
                "taxonomy": taxonomy,
                "untrained_model": untrained_model,
                "prompt_untrained_model": prompt_untrained_model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.taxonomy import Taxonomy  # noqa: PLC0415

        d = dict(src_dict)
        response = d.pop("response")

        campaign = d.pop("campaign")

        prompt = d.pop("prompt")

        text = d.pop("text")

        attack_category = d.pop("attack_category")

        taxonomy = Taxonomy.from_dict(d.pop("taxonomy"))

        untrained_model = d.pop("untrained_model")

        prompt_untrained_model = d.pop("prompt_untrained_model")

        label_item = cls(
            response=response,
            campaign=campaign,
            prompt=prompt,
            text=text,
            attack_category=attack_category,
            taxonomy=taxonomy,
            untrained_model=untrained_model,
            prompt_untrained_model=prompt_untrained_model,
        )

        label_item.additional_properties = d
        return label_item

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
