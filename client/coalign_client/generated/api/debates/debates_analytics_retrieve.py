from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.debates_analytics_retrieve_origin import DebatesAnalyticsRetrieveOrigin
from ...models.debates_analytics_retrieve_response_200 import (
    DebatesAnalyticsRetrieveResponse200,
)
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    origin: DebatesAnalyticsRetrieveOrigin | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_origin: str | Unset = UNSET
    if not isinstance(origin, Unset):
        json_origin = origin.value

    params["origin"] = json_origin

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/debates/analytics/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DebatesAnalyticsRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = DebatesAnalyticsRetrieveResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DebatesAnalyticsRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    origin: DebatesAnalyticsRetrieveOrigin | Unset = UNSET,
) -> Response[DebatesAnalyticsRetrieveResponse200 | Error]:
    """Every analytics table (see selectors.analytics_report) as JSON, as last computed by
    a task, with `computed_at` and `recomputing` (see selectors.analytics_cached).

    Args:
        origin (DebatesAnalyticsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DebatesAnalyticsRetrieveResponse200 | Error]
    """

    kwargs = _get_kwargs(
        origin=origin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    origin: DebatesAnalyticsRetrieveOrigin | Unset = UNSET,
) -> DebatesAnalyticsRetrieveResponse200 | Error | None:
    """Every analytics table (see selectors.analytics_report) as JSON, as last computed by
    a task, with `computed_at` and `recomputing` (see selectors.analytics_cached).

    Args:
        origin (DebatesAnalyticsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DebatesAnalyticsRetrieveResponse200 | Error
    """

    return sync_detailed(
        client=client,
        origin=origin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    origin: DebatesAnalyticsRetrieveOrigin | Unset = UNSET,
) -> Response[DebatesAnalyticsRetrieveResponse200 | Error]:
    """Every analytics table (see selectors.analytics_report) as JSON, as last computed by
    a task, with `computed_at` and `recomputing` (see selectors.analytics_cached).

    Args:
        origin (DebatesAnalyticsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DebatesAnalyticsRetrieveResponse200 | Error]
    """

    kwargs = _get_kwargs(
        origin=origin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    origin: DebatesAnalyticsRetrieveOrigin | Unset = UNSET,
) -> DebatesAnalyticsRetrieveResponse200 | Error | None:
    """Every analytics table (see selectors.analytics_report) as JSON, as last computed by
    a task, with `computed_at` and `recomputing` (see selectors.analytics_cached).

    Args:
        origin (DebatesAnalyticsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DebatesAnalyticsRetrieveResponse200 | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            origin=origin,
        )
    ).parsed
