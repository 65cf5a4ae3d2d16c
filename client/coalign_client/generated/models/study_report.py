from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.report_plot import ReportPlot
    from ..models.report_table import ReportTable
    from ..models.study_report_data import StudyReportData


T = TypeVar("T", bound="StudyReport")


@_attrs_define
class StudyReport:
    """
    Attributes:
        summary (str):
        tables (list[ReportTable]):
        plots (list[ReportPlot]):
        data (StudyReportData):
    """

    summary: str
    tables: list[ReportTable]
    plots: list[ReportPlot]
    data: StudyReportData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        tables = []
        for tables_item_data in self.tables:
            tables_item = tables_item_data.to_dict()
            tables.append(tables_item)

        plots = []
        for plots_item_data in self.plots:
            plots_item = plots_item_data.to_dict()
            plots.append(plots_item)

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "summary": summary,
                "tables": tables,
                "plots": plots,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_plot import ReportPlot  # noqa: PLC0415
        from ..models.report_table import ReportTable  # noqa: PLC0415
        from ..models.study_report_data import StudyReportData  # noqa: PLC0415

        d = dict(src_dict)
        summary = d.pop("summary")

        tables = []
        _tables = d.pop("tables")
        for tables_item_data in _tables:
            tables_item = ReportTable.from_dict(tables_item_data)

            tables.append(tables_item)

        plots = []
        _plots = d.pop("plots")
        for plots_item_data in _plots:
            plots_item = ReportPlot.from_dict(plots_item_data)

            plots.append(plots_item)

        data = StudyReportData.from_dict(d.pop("data"))

        study_report = cls(
            summary=summary,
            tables=tables,
            plots=plots,
            data=data,
        )

        study_report.additional_properties = d
        return study_report

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
