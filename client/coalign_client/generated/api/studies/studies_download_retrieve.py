from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.studies_download_retrieve_file_format import (
    StudiesDownloadRetrieveFileFormat,
)
from ...models.studies_download_retrieve_response_200 import (
    StudiesDownloadRetrieveResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    file_format: StudiesDownloadRetrieveFileFormat | Unset = StudiesDownloadRetrieveFileFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_file_format: str | Unset = UNSET
    if not isinstance(file_format, Unset):
        json_file_format = file_format.value

    params["file_format"] = json_file_format

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/studies/{id}/download/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | StudiesDownloadRetrieveResponse200 | None:
    if response.status_code == 200:
        response_200 = StudiesDownloadRetrieveResponse200.from_dict(response.json())

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
) -> Response[Error | StudiesDownloadRetrieveResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    file_format: StudiesDownloadRetrieveFileFormat | Unset = StudiesDownloadRetrieveFileFormat.JSON,
) -> Response[Error | StudiesDownloadRetrieveResponse200]:
    """The report with its lineage (parameters, code version, snapshot hashes, runs, versions):
    JSON, or one CSV holding every table.

    Args:
        id (int):
        file_format (StudiesDownloadRetrieveFileFormat | Unset):  Default:
            StudiesDownloadRetrieveFileFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudiesDownloadRetrieveResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        file_format=file_format,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    file_format: StudiesDownloadRetrieveFileFormat | Unset = StudiesDownloadRetrieveFileFormat.JSON,
) -> Error | StudiesDownloadRetrieveResponse200 | None:
    """The report with its lineage (parameters, code version, snapshot hashes, runs, versions):
    JSON, or one CSV holding every table.

    Args:
        id (int):
        file_format (StudiesDownloadRetrieveFileFormat | Unset):  Default:
            StudiesDownloadRetrieveFileFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudiesDownloadRetrieveResponse200
    """

    return sync_detailed(
        id=id,
        client=client,
        file_format=file_format,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    file_format: StudiesDownloadRetrieveFileFormat | Unset = StudiesDownloadRetrieveFileFormat.JSON,
) -> Response[Error | StudiesDownloadRetrieveResponse200]:
    """The report with its lineage (parameters, code version, snapshot hashes, runs, versions):
    JSON, or one CSV holding every table.

    Args:
        id (int):
        file_format (StudiesDownloadRetrieveFileFormat | Unset):  Default:
            StudiesDownloadRetrieveFileFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudiesDownloadRetrieveResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        file_format=file_format,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    file_format: StudiesDownloadRetrieveFileFormat | Unset = StudiesDownloadRetrieveFileFormat.JSON,
) -> Error | StudiesDownloadRetrieveResponse200 | None:
    """The report with its lineage (parameters, code version, snapshot hashes, runs, versions):
    JSON, or one CSV holding every table.

    Args:
        id (int):
        file_format (StudiesDownloadRetrieveFileFormat | Unset):  Default:
            StudiesDownloadRetrieveFileFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudiesDownloadRetrieveResponse200
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            file_format=file_format,
        )
    ).parsed
