from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.debate_status_enum import DebateStatusEnum
from ..models.origin_enum import OriginEnum
from ..models.protocol_enum import ProtocolEnum
from ..models.speaking_order_enum import SpeakingOrderEnum

if TYPE_CHECKING:
    from ..models.debater import Debater
    from ..models.judgement import Judgement
    from ..models.question import Question
    from ..models.turn import Turn


T = TypeVar("T", bound="Debate")


@_attrs_define
class Debate:
    """The researcher's view: everything, truth included.

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
        judges_wanted (int): k human judges.
        status (DebateStatusEnum): * `running` - Turns being written
            * `ready` - All turns written
        origin (OriginEnum): * `native` - Run on this platform
            * `imported` - Imported human debate
        condition (str):
        external_name (None | str):
        prompt_version (int):
        created_at (datetime.datetime):
        question (Question):
        debaters (list[Debater]):
        turns (list[Turn]):
        judgements (list[Judgement]):
    """

    id: int
    protocol: ProtocolEnum
    rounds: int
    max_rounds: int
    interactive: bool
    word_limit: int
    speaking_order: SpeakingOrderEnum
    judges_wanted: int
    status: DebateStatusEnum
    origin: OriginEnum
    condition: str
    external_name: None | str
    prompt_version: int
    created_at: datetime.datetime
    question: Question
    debaters: list[Debater]
    turns: list[Turn]
    judgements: list[Judgement]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        protocol = self.protocol.value

        rounds = self.rounds

        max_rounds = self.max_rounds

        interactive = self.interactive

        word_limit = self.word_limit

        speaking_order = self.speaking_order.value

        judges_wanted = self.judges_wanted

        status = self.status.value

        origin = self.origin.value

        condition = self.condition

        external_name: None | str
        external_name = self.external_name

        prompt_version = self.prompt_version

        created_at = self.created_at.isoformat()

        question = self.question.to_dict()

        debaters = []
        for debaters_item_data in self.debaters:
            debaters_item = debaters_item_data.to_dict()
            debaters.append(debaters_item)

        turns = []
        for turns_item_data in self.turns:
            turns_item = turns_item_data.to_dict()
            turns.append(turns_item)

        judgements = []
        for judgements_item_data in self.judgements:
            judgements_item = judgements_item_data.to_dict()
            judgements.append(judgements_item)

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
                "judges_wanted": judges_wanted,
                "status": status,
                "origin": origin,
                "condition": condition,
                "external_name": external_name,
                "prompt_version": prompt_version,
                "created_at": created_at,
                "question": question,
                "debaters": debaters,
                "turns": turns,
                "judgements": judgements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.debater import Debater  # noqa: PLC0415
        from ..models.judgement import Judgement  # noqa: PLC0415
        from ..models.question import Question  # noqa: PLC0415
        from ..models.turn import Turn  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        protocol = ProtocolEnum(d.pop("protocol"))

        rounds = d.pop("rounds")

        max_rounds = d.pop("max_rounds")

        interactive = d.pop("interactive")

        word_limit = d.pop("word_limit")

        speaking_order = SpeakingOrderEnum(d.pop("speaking_order"))

        judges_wanted = d.pop("judges_wanted")

        status = DebateStatusEnum(d.pop("status"))

        origin = OriginEnum(d.pop("origin"))

        condition = d.pop("condition")

        def _parse_external_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_name = _parse_external_name(d.pop("external_name"))

        prompt_version = d.pop("prompt_version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        question = Question.from_dict(d.pop("question"))

        debaters = []
        _debaters = d.pop("debaters")
        for debaters_item_data in _debaters:
            debaters_item = Debater.from_dict(debaters_item_data)

            debaters.append(debaters_item)

        turns = []
        _turns = d.pop("turns")
        for turns_item_data in _turns:
            turns_item = Turn.from_dict(turns_item_data)

            turns.append(turns_item)

        judgements = []
        _judgements = d.pop("judgements")
        for judgements_item_data in _judgements:
            judgements_item = Judgement.from_dict(judgements_item_data)

            judgements.append(judgements_item)

        debate = cls(
            id=id,
            protocol=protocol,
            rounds=rounds,
            max_rounds=max_rounds,
            interactive=interactive,
            word_limit=word_limit,
            speaking_order=speaking_order,
            judges_wanted=judges_wanted,
            status=status,
            origin=origin,
            condition=condition,
            external_name=external_name,
            prompt_version=prompt_version,
            created_at=created_at,
            question=question,
            debaters=debaters,
            turns=turns,
            judgements=judgements,
        )

        debate.additional_properties = d
        return debate

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
