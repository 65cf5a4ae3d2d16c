from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agreement import Agreement
    from ..models.disagreement import Disagreement
    from ..models.hazard_rate import HazardRate
    from ..models.human_vs_ai import HumanVsAI
    from ..models.item_aggregate import ItemAggregate
    from ..models.reliability import Reliability


T = TypeVar("T", bound="Analytics")


@_attrs_define
class Analytics:
    """
    Attributes:
        campaign (int):
        labelled_items (int):
        human_labels (int):
        ai_labels (int):
        ds_majority_differences (int):
        items (list[ItemAggregate]):
        agreement (list[Agreement]):
        raters (list[Reliability]):
        disagreements (list[Disagreement]):
        human_vs_ai (list[HumanVsAI]):
        hazard_rates (list[HazardRate]):
        computed_at (None | str): When the figures were computed (ISO 8601); null before.
        recomputing (bool): Newer labels exist; a task is computing the figures that include them.
    """

    campaign: int
    labelled_items: int
    human_labels: int
    ai_labels: int
    ds_majority_differences: int
    items: list[ItemAggregate]
    agreement: list[Agreement]
    raters: list[Reliability]
    disagreements: list[Disagreement]
    human_vs_ai: list[HumanVsAI]
    hazard_rates: list[HazardRate]
    computed_at: None | str
    recomputing: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign = self.campaign

        labelled_items = self.labelled_items

        human_labels = self.human_labels

        ai_labels = self.ai_labels

        ds_majority_differences = self.ds_majority_differences

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        agreement = []
        for agreement_item_data in self.agreement:
            agreement_item = agreement_item_data.to_dict()
            agreement.append(agreement_item)

        raters = []
        for raters_item_data in self.raters:
            raters_item = raters_item_data.to_dict()
            raters.append(raters_item)

        disagreements = []
        for disagreements_item_data in self.disagreements:
            disagreements_item = disagreements_item_data.to_dict()
            disagreements.append(disagreements_item)

        human_vs_ai = []
        for human_vs_ai_item_data in self.human_vs_ai:
            human_vs_ai_item = human_vs_ai_item_data.to_dict()
            human_vs_ai.append(human_vs_ai_item)

        hazard_rates = []
        for hazard_rates_item_data in self.hazard_rates:
            hazard_rates_item = hazard_rates_item_data.to_dict()
            hazard_rates.append(hazard_rates_item)

        computed_at: None | str
        computed_at = self.computed_at

        recomputing = self.recomputing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign": campaign,
                "labelled_items": labelled_items,
                "human_labels": human_labels,
                "ai_labels": ai_labels,
                "ds_majority_differences": ds_majority_differences,
                "items": items,
                "agreement": agreement,
                "raters": raters,
                "disagreements": disagreements,
                "human_vs_ai": human_vs_ai,
                "hazard_rates": hazard_rates,
                "computed_at": computed_at,
                "recomputing": recomputing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement import Agreement  # noqa: PLC0415
        from ..models.disagreement import Disagreement  # noqa: PLC0415
        from ..models.hazard_rate import HazardRate  # noqa: PLC0415
        from ..models.human_vs_ai import HumanVsAI  # noqa: PLC0415
        from ..models.item_aggregate import ItemAggregate  # noqa: PLC0415
        from ..models.reliability import Reliability  # noqa: PLC0415

        d = dict(src_dict)
        campaign = d.pop("campaign")

        labelled_items = d.pop("labelled_items")

        human_labels = d.pop("human_labels")

        ai_labels = d.pop("ai_labels")

        ds_majority_differences = d.pop("ds_majority_differences")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemAggregate.from_dict(items_item_data)

            items.append(items_item)

        agreement = []
        _agreement = d.pop("agreement")
        for agreement_item_data in _agreement:
            agreement_item = Agreement.from_dict(agreement_item_data)

            agreement.append(agreement_item)

        raters = []
        _raters = d.pop("raters")
        for raters_item_data in _raters:
            raters_item = Reliability.from_dict(raters_item_data)

            raters.append(raters_item)

        disagreements = []
        _disagreements = d.pop("disagreements")
        for disagreements_item_data in _disagreements:
            disagreements_item = Disagreement.from_dict(disagreements_item_data)

            disagreements.append(disagreements_item)

        human_vs_ai = []
        _human_vs_ai = d.pop("human_vs_ai")
        for human_vs_ai_item_data in _human_vs_ai:
            human_vs_ai_item = HumanVsAI.from_dict(human_vs_ai_item_data)

            human_vs_ai.append(human_vs_ai_item)

        hazard_rates = []
        _hazard_rates = d.pop("hazard_rates")
        for hazard_rates_item_data in _hazard_rates:
            hazard_rates_item = HazardRate.from_dict(hazard_rates_item_data)

            hazard_rates.append(hazard_rates_item)

        def _parse_computed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        computed_at = _parse_computed_at(d.pop("computed_at"))

        recomputing = d.pop("recomputing")

        analytics = cls(
            campaign=campaign,
            labelled_items=labelled_items,
            human_labels=human_labels,
            ai_labels=ai_labels,
            ds_majority_differences=ds_majority_differences,
            items=items,
            agreement=agreement,
            raters=raters,
            disagreements=disagreements,
            human_vs_ai=human_vs_ai,
            hazard_rates=hazard_rates,
            computed_at=computed_at,
            recomputing=recomputing,
        )

        analytics.additional_properties = d
        return analytics

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
