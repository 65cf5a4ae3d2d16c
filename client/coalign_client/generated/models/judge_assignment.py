from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assignment_status_enum import AssignmentStatusEnum

if TYPE_CHECKING:
    from ..models.judge_debate import JudgeDebate
    from ..models.outcome import Outcome
    from ..models.turn import Turn


T = TypeVar("T", bound="JudgeAssignment")


@_attrs_define
class JudgeAssignment:
    """An assignment as its judge sees it; give it one read by selectors.assignments_shown_to,
    whose prefetches it reads.

        Attributes:
            id (int):
            status (AssignmentStatusEnum): * `open` - Open
                * `committed` - Committed
                * `skipped` - Skipped
            skip_reason (str):
            debate (JudgeDebate):
            turns (list[Turn]):
            outcome (None | Outcome):
    """

    id: int
    status: AssignmentStatusEnum
    skip_reason: str
    debate: JudgeDebate
    turns: list[Turn]
    outcome: None | Outcome
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.outcome import Outcome  # noqa: PLC0415

        id = self.id

        status = self.status.value

        skip_reason = self.skip_reason

        debate = self.debate.to_dict()

        turns = []
        for turns_item_data in self.turns:
            turns_item = turns_item_data.to_dict()
            turns.append(turns_item)

        outcome: dict[str, Any] | None
        if isinstance(self.outcome, Outcome):
            outcome = self.outcome.to_dict()
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "skip_reason": skip_reason,
                "debate": debate,
                "turns": turns,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.judge_debate import JudgeDebate  # noqa: PLC0415
        from ..models.outcome import Outcome  # noqa: PLC0415
        from ..models.turn import Turn  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = AssignmentStatusEnum(d.pop("status"))

        skip_reason = d.pop("skip_reason")

        debate = JudgeDebate.from_dict(d.pop("debate"))

        turns = []
        _turns = d.pop("turns")
        for turns_item_data in _turns:
            turns_item = Turn.from_dict(turns_item_data)

            turns.append(turns_item)

        def _parse_outcome(data: object) -> None | Outcome:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outcome_type_1 = Outcome.from_dict(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome, data)

        outcome = _parse_outcome(d.pop("outcome"))

        judge_assignment = cls(
            id=id,
            status=status,
            skip_reason=skip_reason,
            debate=debate,
            turns=turns,
            outcome=outcome,
        )

        judge_assignment.additional_properties = d
        return judge_assignment

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
