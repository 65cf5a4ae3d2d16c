from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.principle_tally_ai import PrincipleTallyAi
    from ..models.principle_tally_human import PrincipleTallyHuman


T = TypeVar("T", bound="PrincipleTally")


@_attrs_define
class PrincipleTally:
    """
    Attributes:
        human (PrincipleTallyHuman):
        ai (PrincipleTallyAi):
    """

    human: PrincipleTallyHuman
    ai: PrincipleTallyAi
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        human = self.human.to_dict()

        ai = self.ai.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "human": human,
                "ai": ai,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle_tally_ai import PrincipleTallyAi  # noqa: PLC0415
        from ..models.principle_tally_human import PrincipleTallyHuman  # noqa: PLC0415

        d = dict(src_dict)
        human = PrincipleTallyHuman.from_dict(d.pop("human"))

        ai = PrincipleTallyAi.from_dict(d.pop("ai"))

        principle_tally = cls(
            human=human,
            ai=ai,
        )

        principle_tally.additional_properties = d
        return principle_tally

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
