from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision import Decision
    from ..models.model_version import ModelVersion
    from ..models.run import Run
    from ..models.snapshot import Snapshot


T = TypeVar("T", bound="VersionDetail")


@_attrs_define
class VersionDetail:
    """
    Attributes:
        version (ModelVersion):
        lineage (list[ModelVersion]):
        decisions (list[Decision]):
        run (None | Run):
        snapshot (None | Snapshot):
    """

    version: ModelVersion
    lineage: list[ModelVersion]
    decisions: list[Decision]
    run: None | Run
    snapshot: None | Snapshot
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run import Run  # noqa: PLC0415
        from ..models.snapshot import Snapshot  # noqa: PLC0415

        version = self.version.to_dict()

        lineage = []
        for lineage_item_data in self.lineage:
            lineage_item = lineage_item_data.to_dict()
            lineage.append(lineage_item)

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        run: dict[str, Any] | None
        if isinstance(self.run, Run):
            run = self.run.to_dict()
        else:
            run = self.run

        snapshot: dict[str, Any] | None
        if isinstance(self.snapshot, Snapshot):
            snapshot = self.snapshot.to_dict()
        else:
            snapshot = self.snapshot

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "lineage": lineage,
                "decisions": decisions,
                "run": run,
                "snapshot": snapshot,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415
        from ..models.model_version import ModelVersion  # noqa: PLC0415
        from ..models.run import Run  # noqa: PLC0415
        from ..models.snapshot import Snapshot  # noqa: PLC0415

        d = dict(src_dict)
        version = ModelVersion.from_dict(d.pop("version"))

        lineage = []
        _lineage = d.pop("lineage")
        for lineage_item_data in _lineage:
            lineage_item = ModelVersion.from_dict(lineage_item_data)

            lineage.append(lineage_item)

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = Decision.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        def _parse_run(data: object) -> None | Run:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                run_type_1 = Run.from_dict(data)

                return run_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Run, data)

        run = _parse_run(d.pop("run"))

        def _parse_snapshot(data: object) -> None | Snapshot:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                snapshot_type_1 = Snapshot.from_dict(data)

                return snapshot_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Snapshot, data)

        snapshot = _parse_snapshot(d.pop("snapshot"))

        version_detail = cls(
            version=version,
            lineage=lineage,
            decisions=decisions,
            run=run,
            snapshot=snapshot,
        )

        version_detail.additional_properties = d
        return version_detail

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
