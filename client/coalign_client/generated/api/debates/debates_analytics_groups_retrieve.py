from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.debates_analytics_groups_retrieve_by import (
    DebatesAnalyticsGroupsRetrieveBy,
)
from ...models.debates_analytics_groups_retrieve_origin import (
    DebatesAnalyticsGroupsRetrieveOrigin,
)
from ...models.error import Error
from ...models.group_results import GroupResults
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: DebatesAnalyticsGroupsRetrieveBy | Unset = DebatesAnalyticsGroupsRetrieveBy.REGION,
    origin: DebatesAnalyticsGroupsRetrieveOrigin | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    json_origin: str | Unset = UNSET
    if not isinstance(origin, Unset):
        json_origin = origin.value

    params["origin"] = json_origin

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/debates/analytics/groups/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GroupResults | None:
    if response.status_code == 200:
        response_200 = GroupResults.from_dict(response.json())

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
) -> Response[Error | GroupResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    by: DebatesAnalyticsGroupsRetrieveBy | Unset = DebatesAnalyticsGroupsRetrieveBy.REGION,
    origin: DebatesAnalyticsGroupsRetrieveOrigin | Unset = UNSET,
) -> Response[Error | GroupResults]:
    """People's judge accuracy per rater group of one background field (consenting profiles
    only; groups under GROUP_RESULTS_MIN_SIZE judges left out).

    Args:
        by (DebatesAnalyticsGroupsRetrieveBy | Unset):  Default:
            DebatesAnalyticsGroupsRetrieveBy.REGION.
        origin (DebatesAnalyticsGroupsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupResults]
    """

    kwargs = _get_kwargs(
        by=by,
        origin=origin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: DebatesAnalyticsGroupsRetrieveBy | Unset = DebatesAnalyticsGroupsRetrieveBy.REGION,
    origin: DebatesAnalyticsGroupsRetrieveOrigin | Unset = UNSET,
) -> Error | GroupResults | None:
    """People's judge accuracy per rater group of one background field (consenting profiles
    only; groups under GROUP_RESULTS_MIN_SIZE judges left out).

    Args:
        by (DebatesAnalyticsGroupsRetrieveBy | Unset):  Default:
            DebatesAnalyticsGroupsRetrieveBy.REGION.
        origin (DebatesAnalyticsGroupsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupResults
    """

    return sync_detailed(
        client=client,
        by=by,
        origin=origin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: DebatesAnalyticsGroupsRetrieveBy | Unset = DebatesAnalyticsGroupsRetrieveBy.REGION,
    origin: DebatesAnalyticsGroupsRetrieveOrigin | Unset = UNSET,
) -> Response[Error | GroupResults]:
    """People's judge accuracy per rater group of one background field (consenting profiles
    only; groups under GROUP_RESULTS_MIN_SIZE judges left out).

    Args:
        by (DebatesAnalyticsGroupsRetrieveBy | Unset):  Default:
            DebatesAnalyticsGroupsRetrieveBy.REGION.
        origin (DebatesAnalyticsGroupsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupResults]
    """

    kwargs = _get_kwargs(
        by=by,
        origin=origin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: DebatesAnalyticsGroupsRetrieveBy | Unset = DebatesAnalyticsGroupsRetrieveBy.REGION,
    origin: DebatesAnalyticsGroupsRetrieveOrigin | Unset = UNSET,
) -> Error | GroupResults | None:
    """People's judge accuracy per rater group of one background field (consenting profiles
    only; groups under GROUP_RESULTS_MIN_SIZE judges left out).

    Args:
        by (DebatesAnalyticsGroupsRetrieveBy | Unset):  Default:
            DebatesAnalyticsGroupsRetrieveBy.REGION.
        origin (DebatesAnalyticsGroupsRetrieveOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupResults
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
            origin=origin,
        )
    ).parsed
