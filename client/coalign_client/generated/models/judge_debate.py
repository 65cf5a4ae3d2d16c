from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.debate_status_enum import DebateStatusEnum
from ..models.origin_enum import OriginEnum
from ..models.protocol_enum import ProtocolEnum
from ..models.speaking_order_enum import SpeakingOrderEnum

if TYPE_CHECKING:
    from ..models.judge_debater import JudgeDebater
    from ..models.judge_question import JudgeQuestion


T = TypeVar("T", bound="JudgeDebate")


@_attrs_define
class JudgeDebate:
    """
    Attributes:
        id (int):
        protocol (ProtocolEnum): * `debate` - Debate
            * `consultancy` - Consultancy
            * `baseline` - No advocate (judge answers alone)
        rounds (int): Rounds to write now.
        max_rounds (int): Rounds judges may ask for in interactive debates.
        interactive (bool):
        word_limit (int):
        speaking_order (SpeakingOrderEnum): * `simultaneous` - Simultaneous
            * `sequential` - Sequential
        status (DebateStatusEnum): * `running` - Turns being written
            * `ready` - All turns written
        origin (OriginEnum): * `native` - Run on this platform
            * `imported` - Imported human debate
        question (JudgeQuestion):
        debaters (list[JudgeDebater]):
    """

    id: int
    protocol: ProtocolEnum
    rounds: int
    max_rounds: int
    interactive: bool
    word_limit: int
    speaking_order: SpeakingOrderEnum
    status: DebateStatusEnum
    origin: OriginEnum
    question: JudgeQuestion
    debaters: list[JudgeDebater]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        protocol = self.protocol.value

        rounds = self.rounds

        max_rounds = self.max_rounds

        interactive = self.interactive

        word_limit = self.word_limit

        speaking_order = self.speaking_order.value

        status = self.status.value

        origin = self.origin.value

        question = self.question.to_dict()

        debaters = []
        for debaters_item_data in self.debaters:
            debaters_item = debaters_item_data.to_dict()
            debaters.append(debaters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "protocol": protocol,
                "rounds": rounds,
                "max_rounds": max_rounds,
                "interactive": interactive,
                "word_limit": word_limit,
                "speaking_order": speaking_order,
                "status": status,
                "origin": origin,
                "question": question,
                "debaters": debaters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.judge_debater import JudgeDebater  # noqa: PLC0415
        from ..models.judge_question import JudgeQuestion  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        protocol = ProtocolEnum(d.pop("protocol"))

        rounds = d.pop("rounds")

        max_rounds = d.pop("max_rounds")

        interactive = d.pop("interactive")

        word_limit = d.pop("word_limit")

        speaking_order = SpeakingOrderEnum(d.pop("speaking_order"))

        status = DebateStatusEnum(d.pop("status"))

        origin = OriginEnum(d.pop("origin"))

        question = JudgeQuestion.from_dict(d.pop("question"))

        debaters = []
        _debaters = d.pop("debaters")
        for debaters_item_data in _debaters:
            debaters_item = JudgeDebater.from_dict(debaters_item_data)

            debaters.append(debaters_item)

        judge_debate = cls(
            id=id,
            protocol=protocol,
            rounds=rounds,
            max_rounds=max_rounds,
            interactive=interactive,
            word_limit=word_limit,
            speaking_order=speaking_order,
            status=status,
            origin=origin,
            question=question,
            debaters=debaters,
        )

        judge_debate.additional_properties = d
        return judge_debate

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
