from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipe_enum import RecipeEnum

if TYPE_CHECKING:
    from ..models.policy_gates import PolicyGates


T = TypeVar("T", bound="Policy")


@_attrs_define
class Policy:
    """
    Attributes:
        line (str):
        auto_train (bool):
        check_every_minutes (int):
        min_new_signals (int):
        recipe (RecipeEnum): * `sft` - Supervised fine-tuning
            * `reward` - Reward model
            * `dpo` - Direct preference optimisation
            * `weak_to_strong` - Weak-to-strong (a weaker version labels, DPO trains)
            * `alternating` - Alternating round (competence SFT, then conformity DPO)
        dataset_recipe (Any):
        training_config (Any):
        auto_publish (bool):
        gates (PolicyGates): Gate -> threshold; gates: min_preference_accuracy, min_held_out_pairs, min_llmbar_accuracy,
            max_hazard_rate, min_constitution_agreement, max_regression.
        eval_llmbar_per_subset (int | None): LLMBar pairs scored per subset (the first n); empty: all.
        last_checked_at (datetime.datetime | None):
    """

    line: str
    auto_train: bool
    check_every_minutes: int
    min_new_signals: int
    recipe: RecipeEnum
    dataset_recipe: Any
    training_config: Any
    auto_publish: bool
    gates: PolicyGates
    eval_llmbar_per_subset: int | None
    last_checked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        auto_train = self.auto_train

        check_every_minutes = self.check_every_minutes

        min_new_signals = self.min_new_signals

        recipe = self.recipe.value

        dataset_recipe = self.dataset_recipe

        training_config = self.training_config

        auto_publish = self.auto_publish

        gates = self.gates.to_dict()

        eval_llmbar_per_subset: int | None
        eval_llmbar_per_subset = self.eval_llmbar_per_subset

        last_checked_at: None | str
        if isinstance(self.last_checked_at, datetime.datetime):
            last_checked_at = self.last_checked_at.isoformat()
        else:
            last_checked_at = self.last_checked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "auto_train": auto_train,
                "check_every_minutes": check_every_minutes,
                "min_new_signals": min_new_signals,
                "recipe": recipe,
                "dataset_recipe": dataset_recipe,
                "training_config": training_config,
                "auto_publish": auto_publish,
                "gates": gates,
                "eval_llmbar_per_subset": eval_llmbar_per_subset,
                "last_checked_at": last_checked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_gates import PolicyGates  # noqa: PLC0415

        d = dict(src_dict)
        line = d.pop("line")

        auto_train = d.pop("auto_train")

        check_every_minutes = d.pop("check_every_minutes")

        min_new_signals = d.pop("min_new_signals")

        recipe = RecipeEnum(d.pop("recipe"))

        dataset_recipe = d.pop("dataset_recipe")

        training_config = d.pop("training_config")

        auto_publish = d.pop("auto_publish")

        gates = PolicyGates.from_dict(d.pop("gates"))

        def _parse_eval_llmbar_per_subset(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        eval_llmbar_per_subset = _parse_eval_llmbar_per_subset(d.pop("eval_llmbar_per_subset"))

        def _parse_last_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_checked_at = _parse_last_checked_at(d.pop("last_checked_at"))

        policy = cls(
            line=line,
            auto_train=auto_train,
            check_every_minutes=check_every_minutes,
            min_new_signals=min_new_signals,
            recipe=recipe,
            dataset_recipe=dataset_recipe,
            training_config=training_config,
            auto_publish=auto_publish,
            gates=gates,
            eval_llmbar_per_subset=eval_llmbar_per_subset,
            last_checked_at=last_checked_at,
        )

        policy.additional_properties = d
        return policy

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
