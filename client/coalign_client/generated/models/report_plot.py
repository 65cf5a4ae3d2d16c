from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_plot_kind_enum import ReportPlotKindEnum

if TYPE_CHECKING:
    from ..models.report_series import ReportSeries


T = TypeVar("T", bound="ReportPlot")


@_attrs_define
class ReportPlot:
    """
    Attributes:
        title (str):
        kind (ReportPlotKindEnum): * `line` - line
            * `bar` - bar
            * `points` - points
        x_label (str):
        y_label (str):
        series (list[ReportSeries]):
    """

    title: str
    kind: ReportPlotKindEnum
    x_label: str
    y_label: str
    series: list[ReportSeries]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        kind = self.kind.value

        x_label = self.x_label

        y_label = self.y_label

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "kind": kind,
                "x_label": x_label,
                "y_label": y_label,
                "series": series,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_series import ReportSeries  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        kind = ReportPlotKindEnum(d.pop("kind"))

        x_label = d.pop("x_label")

        y_label = d.pop("y_label")

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = ReportSeries.from_dict(series_item_data)

            series.append(series_item)

        report_plot = cls(
            title=title,
            kind=kind,
            x_label=x_label,
            y_label=y_label,
            series=series,
        )

        report_plot.additional_properties = d
        return report_plot

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
