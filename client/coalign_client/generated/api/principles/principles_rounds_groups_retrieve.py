from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.group_results import GroupResults
from ...models.principles_rounds_groups_retrieve_by import (
    PrinciplesRoundsGroupsRetrieveBy,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    by: PrinciplesRoundsGroupsRetrieveBy | Unset = PrinciplesRoundsGroupsRetrieveBy.REGION,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/principles/rounds/{id}/groups/".format(
            id=quote(str(id), safe=""),
        ),
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
) -> Response[Error | GroupResults]:
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
    by: PrinciplesRoundsGroupsRetrieveBy | Unset = PrinciplesRoundsGroupsRetrieveBy.REGION,
) -> Response[Error | GroupResults]:
    """Support for each proposal ("proposal <id>") per rater group of one background field,
    once the round is closed (consenting profiles only; small groups left out).

    Args:
        id (int):
        by (PrinciplesRoundsGroupsRetrieveBy | Unset):  Default:
            PrinciplesRoundsGroupsRetrieveBy.REGION.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupResults]
    """

    kwargs = _get_kwargs(
        id=id,
        by=by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    by: PrinciplesRoundsGroupsRetrieveBy | Unset = PrinciplesRoundsGroupsRetrieveBy.REGION,
) -> Error | GroupResults | None:
    """Support for each proposal ("proposal <id>") per rater group of one background field,
    once the round is closed (consenting profiles only; small groups left out).

    Args:
        id (int):
        by (PrinciplesRoundsGroupsRetrieveBy | Unset):  Default:
            PrinciplesRoundsGroupsRetrieveBy.REGION.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupResults
    """

    return sync_detailed(
        id=id,
        client=client,
        by=by,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    by: PrinciplesRoundsGroupsRetrieveBy | Unset = PrinciplesRoundsGroupsRetrieveBy.REGION,
) -> Response[Error | GroupResults]:
    """Support for each proposal ("proposal <id>") per rater group of one background field,
    once the round is closed (consenting profiles only; small groups left out).

    Args:
        id (int):
        by (PrinciplesRoundsGroupsRetrieveBy | Unset):  Default:
            PrinciplesRoundsGroupsRetrieveBy.REGION.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupResults]
    """

    kwargs = _get_kwargs(
        id=id,
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    by: PrinciplesRoundsGroupsRetrieveBy | Unset = PrinciplesRoundsGroupsRetrieveBy.REGION,
) -> Error | GroupResults | None:
    """Support for each proposal ("proposal <id>") per rater group of one background field,
    once the round is closed (consenting profiles only; small groups left out).

    Args:
        id (int):
        by (PrinciplesRoundsGroupsRetrieveBy | Unset):  Default:
            PrinciplesRoundsGroupsRetrieveBy.REGION.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupResults
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            by=by,
        )
    ).parsed
