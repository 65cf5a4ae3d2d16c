from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.quota_report import QuotaReport
from ...types import Response


def _get_kwargs(
    activity: str,
    object_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/quotas/{activity}/{object_id}/".format(
            activity=quote(str(activity), safe=""),
            object_id=quote(str(object_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | QuotaReport | None:
    if response.status_code == 200:
        response_200 = QuotaReport.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | QuotaReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    activity: str,
    object_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | QuotaReport]:
    """Quotas per rater group of one hazard campaign ("hazards"), debate question set
    ("debates") or voting round ("principles"), with each group's fill.

    Args:
        activity (str):
        object_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | QuotaReport]
    """

    kwargs = _get_kwargs(
        activity=activity,
        object_id=object_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    activity: str,
    object_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | QuotaReport | None:
    """Quotas per rater group of one hazard campaign ("hazards"), debate question set
    ("debates") or voting round ("principles"), with each group's fill.

    Args:
        activity (str):
        object_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | QuotaReport
    """

    return sync_detailed(
        activity=activity,
        object_id=object_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    activity: str,
    object_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | QuotaReport]:
    """Quotas per rater group of one hazard campaign ("hazards"), debate question set
    ("debates") or voting round ("principles"), with each group's fill.

    Args:
        activity (str):
        object_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | QuotaReport]
    """

    kwargs = _get_kwargs(
        activity=activity,
        object_id=object_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    activity: str,
    object_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | QuotaReport | None:
    """Quotas per rater group of one hazard campaign ("hazards"), debate question set
    ("debates") or voting round ("principles"), with each group's fill.

    Args:
        activity (str):
        object_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | QuotaReport
    """

    return (
        await asyncio_detailed(
            activity=activity,
            object_id=object_id,
            client=client,
        )
    ).parsed
