from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipe_enum import RecipeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_request_gates import PolicyRequestGates


T = TypeVar("T", bound="PolicyRequest")


@_attrs_define
class PolicyRequest:
    """
    Attributes:
        gates (PolicyRequestGates): Gate -> threshold; gates: min_preference_accuracy, min_held_out_pairs,
            min_llmbar_accuracy, max_hazard_rate, min_constitution_agreement, max_regression.
        auto_train (bool | Unset):
        check_every_minutes (int | Unset):
        min_new_signals (int | Unset):
        recipe (RecipeEnum | Unset): * `sft` - Supervised fine-tuning
            * `reward` - Reward model
            * `dpo` - Direct preference optimisation
            * `weak_to_strong` - Weak-to-strong (a weaker version labels, DPO trains)
            * `alternating` - Alternating round (competence SFT, then conformity DPO)
        dataset_recipe (Any | Unset):
        training_config (Any | Unset):
        auto_publish (bool | Unset):
        eval_llmbar_per_subset (int | None | Unset): LLMBar pairs scored per subset (the first n); empty: all.
    """

    gates: PolicyRequestGates
    auto_train: bool | Unset = UNSET
    check_every_minutes: int | Unset = UNSET
    min_new_signals: int | Unset = UNSET
    recipe: RecipeEnum | Unset = UNSET
    dataset_recipe: Any | Unset = UNSET
    training_config: Any | Unset = UNSET
    auto_publish: bool | Unset = UNSET
    eval_llmbar_per_subset: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gates = self.gates.to_dict()

        auto_train = self.auto_train

        check_every_minutes = self.check_every_minutes

        min_new_signals = self.min_new_signals

        recipe: str | Unset = UNSET
        if not isinstance(self.recipe, Unset):
            recipe = self.recipe.value

        dataset_recipe = self.dataset_recipe

        training_config = self.training_config

        auto_publish = self.auto_publish

        eval_llmbar_per_subset: int | None | Unset
        if isinstance(self.eval_llmbar_per_subset, Unset):
            eval_llmbar_per_subset = UNSET
        else:
            eval_llmbar_per_subset = self.eval_llmbar_per_subset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gates": gates,
            }
        )
        if auto_train is not UNSET:
            field_dict["auto_train"] = auto_train
        if check_every_minutes is not UNSET:
            field_dict["check_every_minutes"] = check_every_minutes
        if min_new_signals is not UNSET:
            field_dict["min_new_signals"] = min_new_signals
        if recipe is not UNSET:
            field_dict["recipe"] = recipe
        if dataset_recipe is not UNSET:
            field_dict["dataset_recipe"] = dataset_recipe
        if training_config is not UNSET:
            field_dict["training_config"] = training_config
        if auto_publish is not UNSET:
            field_dict["auto_publish"] = auto_publish
        if eval_llmbar_per_subset is not UNSET:
            field_dict["eval_llmbar_per_subset"] = eval_llmbar_per_subset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_request_gates import PolicyRequestGates  # noqa: PLC0415

        d = dict(src_dict)
        gates = PolicyRequestGates.from_dict(d.pop("gates"))

        auto_train = d.pop("auto_train", UNSET)

        check_every_minutes = d.pop("check_every_minutes", UNSET)

        min_new_signals = d.pop("min_new_signals", UNSET)

        _recipe = d.pop("recipe", UNSET)
        recipe: RecipeEnum | Unset
        if isinstance(_recipe, Unset):
            recipe = UNSET
        else:
            recipe = RecipeEnum(_recipe)

        dataset_recipe = d.pop("dataset_recipe", UNSET)

        training_config = d.pop("training_config", UNSET)

        auto_publish = d.pop("auto_publish", UNSET)

        def _parse_eval_llmbar_per_subset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eval_llmbar_per_subset = _parse_eval_llmbar_per_subset(
            d.pop("eval_llmbar_per_subset", UNSET)
        )

        policy_request = cls(
            gates=gates,
            auto_train=auto_train,
            check_every_minutes=check_every_minutes,
            min_new_signals=min_new_signals,
            recipe=recipe,
            dataset_recipe=dataset_recipe,
            training_config=training_config,
            auto_publish=auto_publish,
            eval_llmbar_per_subset=eval_llmbar_per_subset,
        )

        policy_request.additional_properties = d
        return policy_request

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
