from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.snapshot_status_enum import SnapshotStatusEnum

if TYPE_CHECKING:
    from ..models.snapshot_counts import SnapshotCounts
    from ..models.snapshot_mix import SnapshotMix
    from ..models.snapshot_recipe import SnapshotRecipe


T = TypeVar("T", bound="Snapshot")


@_attrs_define
class Snapshot:
    """
    Attributes:
        id (int):
        status (SnapshotStatusEnum): * `building` - Building
            * `ready` - Ready
            * `failed` - Failed to build
        error (str):
        content_hash (str):
        line (None | str):
        recipe (SnapshotRecipe):
        format_ (str):
        signal_count (int):
        counts (SnapshotCounts):
        mix (SnapshotMix):
        build_s (float | None): Seconds the build took.
        created_at (datetime.datetime):
    """

    id: int
    status: SnapshotStatusEnum
    error: str
    content_hash: str
    line: None | str
    recipe: SnapshotRecipe
    format_: str
    signal_count: int
    counts: SnapshotCounts
    mix: SnapshotMix
    build_s: float | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        error = self.error

        content_hash = self.content_hash

        line: None | str
        line = self.line

        recipe = self.recipe.to_dict()

        format_ = self.format_

        signal_count = self.signal_count

        counts = self.counts.to_dict()

        mix = self.mix.to_dict()

        build_s: float | None
        build_s = self.build_s

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "error": error,
                "content_hash": content_hash,
                "line": line,
                "recipe": recipe,
                "format": format_,
                "signal_count": signal_count,
                "counts": counts,
                "mix": mix,
                "build_s": build_s,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.snapshot_counts import SnapshotCounts  # noqa: PLC0415
        from ..models.snapshot_mix import SnapshotMix  # noqa: PLC0415
        from ..models.snapshot_recipe import SnapshotRecipe  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = SnapshotStatusEnum(d.pop("status"))

        error = d.pop("error")

        content_hash = d.pop("content_hash")

        def _parse_line(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line = _parse_line(d.pop("line"))

        recipe = SnapshotRecipe.from_dict(d.pop("recipe"))

        format_ = d.pop("format")

        signal_count = d.pop("signal_count")

        counts = SnapshotCounts.from_dict(d.pop("counts"))

        mix = SnapshotMix.from_dict(d.pop("mix"))

        def _parse_build_s(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        build_s = _parse_build_s(d.pop("build_s"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        snapshot = cls(
            id=id,
            status=status,
            error=error,
            content_hash=content_hash,
            line=line,
            recipe=recipe,
            format_=format_,
            signal_count=signal_count,
            counts=counts,
            mix=mix,
            build_s=build_s,
            created_at=created_at,
        )

        snapshot.additional_properties = d
        return snapshot

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
