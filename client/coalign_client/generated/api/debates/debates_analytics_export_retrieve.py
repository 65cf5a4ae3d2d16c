from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.debates_analytics_export_retrieve_file_format import (
    DebatesAnalyticsExportRetrieveFileFormat,
)
from ...models.debates_analytics_export_retrieve_origin import (
    DebatesAnalyticsExportRetrieveOrigin,
)
from ...models.debates_analytics_export_retrieve_table import (
    DebatesAnalyticsExportRetrieveTable,
)
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    file_format: DebatesAnalyticsExportRetrieveFileFormat
    | Unset = DebatesAnalyticsExportRetrieveFileFormat.CSV,
    origin: DebatesAnalyticsExportRetrieveOrigin | Unset = UNSET,
    table: DebatesAnalyticsExportRetrieveTable,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_file_format: str | Unset = UNSET
    if not isinstance(file_format, Unset):
        json_file_format = file_format.value

    params["file_format"] = json_file_format

    json_origin: str | Unset = UNSET
    if not isinstance(origin, Unset):
        json_origin = origin.value

    params["origin"] = json_origin

    json_table = table.value
    params["table"] = json_table

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/debates/analytics/export/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.content)
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
) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    file_format: DebatesAnalyticsExportRetrieveFileFormat
    | Unset = DebatesAnalyticsExportRetrieveFileFormat.CSV,
    origin: DebatesAnalyticsExportRetrieveOrigin | Unset = UNSET,
    table: DebatesAnalyticsExportRetrieveTable,
) -> Response[Error | str]:
    """One table as a CSV or JSON download.

    Args:
        file_format (DebatesAnalyticsExportRetrieveFileFormat | Unset):  Default:
            DebatesAnalyticsExportRetrieveFileFormat.CSV.
        origin (DebatesAnalyticsExportRetrieveOrigin | Unset):
        table (DebatesAnalyticsExportRetrieveTable):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        file_format=file_format,
        origin=origin,
        table=table,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    file_format: DebatesAnalyticsExportRetrieveFileFormat
    | Unset = DebatesAnalyticsExportRetrieveFileFormat.CSV,
    origin: DebatesAnalyticsExportRetrieveOrigin | Unset = UNSET,
    table: DebatesAnalyticsExportRetrieveTable,
) -> Error | str | None:
    """One table as a CSV or JSON download.

    Args:
        file_format (DebatesAnalyticsExportRetrieveFileFormat | Unset):  Default:
            DebatesAnalyticsExportRetrieveFileFormat.CSV.
        origin (DebatesAnalyticsExportRetrieveOrigin | Unset):
        table (DebatesAnalyticsExportRetrieveTable):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        client=client,
        file_format=file_format,
        origin=origin,
        table=table,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    file_format: DebatesAnalyticsExportRetrieveFileFormat
    | Unset = DebatesAnalyticsExportRetrieveFileFormat.CSV,
    origin: DebatesAnalyticsExportRetrieveOrigin | Unset = UNSET,
    table: DebatesAnalyticsExportRetrieveTable,
) -> Response[Error | str]:
    """One table as a CSV or JSON download.

    Args:
        file_format (DebatesAnalyticsExportRetrieveFileFormat | Unset):  Default:
            DebatesAnalyticsExportRetrieveFileFormat.CSV.
        origin (DebatesAnalyticsExportRetrieveOrigin | Unset):
        table (DebatesAnalyticsExportRetrieveTable):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        file_format=file_format,
        origin=origin,
        table=table,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    file_format: DebatesAnalyticsExportRetrieveFileFormat
    | Unset = DebatesAnalyticsExportRetrieveFileFormat.CSV,
    origin: DebatesAnalyticsExportRetrieveOrigin | Unset = UNSET,
    table: DebatesAnalyticsExportRetrieveTable,
) -> Error | str | None:
    """One table as a CSV or JSON download.

    Args:
        file_format (DebatesAnalyticsExportRetrieveFileFormat | Unset):  Default:
            DebatesAnalyticsExportRetrieveFileFormat.CSV.
        origin (DebatesAnalyticsExportRetrieveOrigin | Unset):
        table (DebatesAnalyticsExportRetrieveTable):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            client=client,
            file_format=file_format,
            origin=origin,
            table=table,
        )
    ).parsed
