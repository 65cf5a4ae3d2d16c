from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.manager_enum import ManagerEnum

if TYPE_CHECKING:
    from ..models.serving_endpoint import ServingEndpoint
    from ..models.serving_route import ServingRoute


T = TypeVar("T", bound="ServingStatus")


@_attrs_define
class ServingStatus:
    """
    Attributes:
        lines (list[str]):
        manager (ManagerEnum): * `agent` - agent
            * `external` - external
        routes (list[ServingRoute]):
        endpoints (list[ServingEndpoint]):
    """

    lines: list[str]
    manager: ManagerEnum
    routes: list[ServingRoute]
    endpoints: list[ServingEndpoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = self.lines

        manager = self.manager.value

        routes = []
        for routes_item_data in self.routes:
            routes_item = routes_item_data.to_dict()
            routes.append(routes_item)

        endpoints = []
        for endpoints_item_data in self.endpoints:
            endpoints_item = endpoints_item_data.to_dict()
            endpoints.append(endpoints_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
                "manager": manager,
                "routes": routes,
                "endpoints": endpoints,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.serving_endpoint import ServingEndpoint  # noqa: PLC0415
        from ..models.serving_route import ServingRoute  # noqa: PLC0415

        d = dict(src_dict)
        lines = cast(list[str], d.pop("lines"))

        manager = ManagerEnum(d.pop("manager"))

        routes = []
        _routes = d.pop("routes")
        for routes_item_data in _routes:
            routes_item = ServingRoute.from_dict(routes_item_data)

            routes.append(routes_item)

        endpoints = []
        _endpoints = d.pop("endpoints")
        for endpoints_item_data in _endpoints:
            endpoints_item = ServingEndpoint.from_dict(endpoints_item_data)

            endpoints.append(endpoints_item)

        serving_status = cls(
            lines=lines,
            manager=manager,
            routes=routes,
            endpoints=endpoints,
        )

        serving_status.additional_properties = d
        return serving_status

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
