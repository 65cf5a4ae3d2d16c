from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_action_enum import ProposalActionEnum
from ..models.vote_choice_enum import VoteChoiceEnum

if TYPE_CHECKING:
    from ..models.principle_tally import PrincipleTally


T = TypeVar("T", bound="PrincipleProposal")


@_attrs_define
class PrincipleProposal:
    """A proposal as one participant sees it: the tally only once they voted on it.

    Attributes:
        id (int):
        round_ (int):
        action (ProposalActionEnum): * `add` - Add a principle
            * `amend` - Amend a principle
            * `retire` - Retire a principle
        principle_key (str):
        title (str):
        text (str):
        audience (str):
        rationale (str):
        author (str):
        ai_authored (bool):
        untrained_model (bool):
        vetoed (bool):
        veto_reason (str):
        my_vote (None | VoteChoiceEnum):
        tally (None | PrincipleTally):
    """

    id: int
    round_: int
    action: ProposalActionEnum
    principle_key: str
    title: str
    text: str
    audience: str
    rationale: str
    author: str
    ai_authored: bool
    untrained_model: bool
    vetoed: bool
    veto_reason: str
    my_vote: None | VoteChoiceEnum
    tally: None | PrincipleTally
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.principle_tally import PrincipleTally  # noqa: PLC0415

        id = self.id

        round_ = self.round_

        action = self.action.value

        principle_key = self.principle_key

        title = self.title

        text = self.text

        audience = self.audience

        rationale = self.rationale

        author = self.author

        ai_authored = self.ai_authored

        untrained_model = self.untrained_model

        vetoed = self.vetoed

        veto_reason = self.veto_reason

        my_vote: None | str
        if isinstance(self.my_vote, VoteChoiceEnum):
            my_vote = self.my_vote.value
        else:
            my_vote = self.my_vote

        tally: dict[str, Any] | None
        if isinstance(self.tally, PrincipleTally):
            tally = self.tally.to_dict()
        else:
            tally = self.tally

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "round": round_,
                "action": action,
                "principle_key": principle_key,
                "title": title,
                "text": text,
                "audience": audience,
                "rationale": rationale,
                "author": author,
                "ai_authored": ai_authored,
                "untrained_model": untrained_model,
                "vetoed": vetoed,
                "veto_reason": veto_reason,
                "my_vote": my_vote,
                "tally": tally,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle_tally import PrincipleTally  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        round_ = d.pop("round")

        action = ProposalActionEnum(d.pop("action"))

        principle_key = d.pop("principle_key")

        title = d.pop("title")

        text = d.pop("text")

        audience = d.pop("audience")

        rationale = d.pop("rationale")

        author = d.pop("author")

        ai_authored = d.pop("ai_authored")

        untrained_model = d.pop("untrained_model")

        vetoed = d.pop("vetoed")

        veto_reason = d.pop("veto_reason")

        def _parse_my_vote(data: object) -> None | VoteChoiceEnum:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                my_vote_type_0 = VoteChoiceEnum(data)

                return my_vote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VoteChoiceEnum, data)

        my_vote = _parse_my_vote(d.pop("my_vote"))

        def _parse_tally(data: object) -> None | PrincipleTally:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tally_type_1 = PrincipleTally.from_dict(data)

                return tally_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrincipleTally, data)

        tally = _parse_tally(d.pop("tally"))

        principle_proposal = cls(
            id=id,
            round_=round_,
            action=action,
            principle_key=principle_key,
            title=title,
            text=text,
            audience=audience,
            rationale=rationale,
            author=author,
            ai_authored=ai_authored,
            untrained_model=untrained_model,
            vetoed=vetoed,
            veto_reason=veto_reason,
            my_vote=my_vote,
            tally=tally,
        )

        principle_proposal.additional_properties = d
        return principle_proposal

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
