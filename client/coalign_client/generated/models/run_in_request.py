from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipe_enum import RecipeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_in_request_config import RunInRequestConfig
    from ..models.run_in_request_dataset_recipe_type_0 import (
        RunInRequestDatasetRecipeType0,
    )


T = TypeVar("T", bound="RunInRequest")


@_attrs_define
class RunInRequest:
    """
    Attributes:
        line (str):
        recipe (RecipeEnum): * `sft` - Supervised fine-tuning
            * `reward` - Reward model
            * `dpo` - Direct preference optimisation
            * `weak_to_strong` - Weak-to-strong (a weaker version labels, DPO trains)
            * `alternating` - Alternating round (competence SFT, then conformity DPO)
        base_version (int | None | Unset):
        snapshot (int | None | Unset):
        dataset_recipe (None | RunInRequestDatasetRecipeType0 | Unset):
        config (RunInRequestConfig | Unset):
        auto_publish (bool | Unset):  Default: False.
    """

    line: str
    recipe: RecipeEnum
    base_version: int | None | Unset = UNSET
    snapshot: int | None | Unset = UNSET
    dataset_recipe: None | RunInRequestDatasetRecipeType0 | Unset = UNSET
    config: RunInRequestConfig | Unset = UNSET
    auto_publish: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_in_request_dataset_recipe_type_0 import (
            RunInRequestDatasetRecipeType0,  # noqa: PLC0415
        )

        line = self.line

        recipe = self.recipe.value

        base_version: int | None | Unset
        if isinstance(self.base_version, Unset):
            base_version = UNSET
        else:
            base_version = self.base_version

        snapshot: int | None | Unset
        if isinstance(self.snapshot, Unset):
            snapshot = UNSET
        else:
            snapshot = self.snapshot

        dataset_recipe: dict[str, Any] | None | Unset
        if isinstance(self.dataset_recipe, Unset):
            dataset_recipe = UNSET
        elif isinstance(self.dataset_recipe, RunInRequestDatasetRecipeType0):
            dataset_recipe = self.dataset_recipe.to_dict()
        else:
            dataset_recipe = self.dataset_recipe

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        auto_publish = self.auto_publish

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "recipe": recipe,
            }
        )
        if base_version is not UNSET:
            field_dict["base_version"] = base_version
        if snapshot is not UNSET:
            field_dict["snapshot"] = snapshot
        if dataset_recipe is not UNSET:
            field_dict["dataset_recipe"] = dataset_recipe
        if config is not UNSET:
            field_dict["config"] = config
        if auto_publish is not UNSET:
            field_dict["auto_publish"] = auto_publish

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_in_request_config import RunInRequestConfig  # noqa: PLC0415
        from ..models.run_in_request_dataset_recipe_type_0 import (
            RunInRequestDatasetRecipeType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        line = d.pop("line")

        recipe = RecipeEnum(d.pop("recipe"))

        def _parse_base_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        base_version = _parse_base_version(d.pop("base_version", UNSET))

        def _parse_snapshot(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        snapshot = _parse_snapshot(d.pop("snapshot", UNSET))

        def _parse_dataset_recipe(data: object) -> None | RunInRequestDatasetRecipeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dataset_recipe_type_0 = RunInRequestDatasetRecipeType0.from_dict(data)

                return dataset_recipe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunInRequestDatasetRecipeType0 | Unset, data)

        dataset_recipe = _parse_dataset_recipe(d.pop("dataset_recipe", UNSET))

        _config = d.pop("config", UNSET)
        config: RunInRequestConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = RunInRequestConfig.from_dict(_config)

        auto_publish = d.pop("auto_publish", UNSET)

        run_in_request = cls(
            line=line,
            recipe=recipe,
            base_version=base_version,
            snapshot=snapshot,
            dataset_recipe=dataset_recipe,
            config=config,
            auto_publish=auto_publish,
        )

        run_in_request.additional_properties = d
        return run_in_request

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
