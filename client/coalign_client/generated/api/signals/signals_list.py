from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_signal_list import PaginatedSignalList
from ...models.signals_list_kind import SignalsListKind
from ...models.signals_list_source import SignalsListSource
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    dataset: str | Unset = UNSET,
    item_id: str | Unset = UNSET,
    item_type: str | Unset = UNSET,
    kind: SignalsListKind | Unset = UNSET,
    page_size: int | Unset = UNSET,
    source: SignalsListSource | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["dataset"] = dataset

    params["item_id"] = item_id

    params["item_type"] = item_type

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["page_size"] = page_size

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/signals/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedSignalList | None:
    if response.status_code == 200:
        response_200 = PaginatedSignalList.from_dict(response.json())

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
) -> Response[Error | PaginatedSignalList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dataset: str | Unset = UNSET,
    item_id: str | Unset = UNSET,
    item_type: str | Unset = UNSET,
    kind: SignalsListKind | Unset = UNSET,
    page_size: int | Unset = UNSET,
    source: SignalsListSource | Unset = UNSET,
) -> Response[Error | PaginatedSignalList]:
    """
    Args:
        cursor (str | Unset):
        dataset (str | Unset):
        item_id (str | Unset):
        item_type (str | Unset):
        kind (SignalsListKind | Unset):
        page_size (int | Unset):
        source (SignalsListSource | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSignalList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        dataset=dataset,
        item_id=item_id,
        item_type=item_type,
        kind=kind,
        page_size=page_size,
        source=source,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dataset: str | Unset = UNSET,
    item_id: str | Unset = UNSET,
    item_type: str | Unset = UNSET,
    kind: SignalsListKind | Unset = UNSET,
    page_size: int | Unset = UNSET,
    source: SignalsListSource | Unset = UNSET,
) -> Error | PaginatedSignalList | None:
    """
    Args:
        cursor (str | Unset):
        dataset (str | Unset):
        item_id (str | Unset):
        item_type (str | Unset):
        kind (SignalsListKind | Unset):
        page_size (int | Unset):
        source (SignalsListSource | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSignalList
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        dataset=dataset,
        item_id=item_id,
        item_type=item_type,
        kind=kind,
        page_size=page_size,
        source=source,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dataset: str | Unset = UNSET,
    item_id: str | Unset = UNSET,
    item_type: str | Unset = UNSET,
    kind: SignalsListKind | Unset = UNSET,
    page_size: int | Unset = UNSET,
    source: SignalsListSource | Unset = UNSET,
) -> Response[Error | PaginatedSignalList]:
    """
    Args:
        cursor (str | Unset):
        dataset (str | Unset):
        item_id (str | Unset):
        item_type (str | Unset):
        kind (SignalsListKind | Unset):
        page_size (int | Unset):
        source (SignalsListSource | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSignalList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        dataset=dataset,
        item_id=item_id,
        item_type=item_type,
        kind=kind,
        page_size=page_size,
        source=source,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dataset: str | Unset = UNSET,
    item_id: str | Unset = UNSET,
    item_type: str | Unset = UNSET,
    kind: SignalsListKind | Unset = UNSET,
    page_size: int | Unset = UNSET,
    source: SignalsListSource | Unset = UNSET,
) -> Error | PaginatedSignalList | None:
    """
    Args:
        cursor (str | Unset):
        dataset (str | Unset):
        item_id (str | Unset):
        item_type (str | Unset):
        kind (SignalsListKind | Unset):
        page_size (int | Unset):
        source (SignalsListSource | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSignalList
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            dataset=dataset,
            item_id=item_id,
            item_type=item_type,
            kind=kind,
            page_size=page_size,
            source=source,
        )
    ).parsed
