import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_list_action_item import AuditListActionItem
from ...models.error import Error
from ...models.paginated_audit_entry_list import PaginatedAuditEntryList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    action: list[AuditListActionItem] | Unset = UNSET,
    actor: str | Unset = "",
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_action: list[str] | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = []
        for action_item_data in action:
            action_item = action_item_data.value
            json_action.append(action_item)

    params["action"] = json_action

    params["actor"] = actor

    params["page"] = page

    params["page_size"] = page_size

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.date):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/audit/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedAuditEntryList | None:
    if response.status_code == 200:
        response_200 = PaginatedAuditEntryList.from_dict(response.json())

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
) -> Response[Error | PaginatedAuditEntryList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    action: list[AuditListActionItem] | Unset = UNSET,
    actor: str | Unset = "",
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[Error | PaginatedAuditEntryList]:
    """Publishing, enactments, vetoes, taxonomy edits, role changes, exports; newest first.

    Args:
        action (list[AuditListActionItem] | Unset):
        actor (str | Unset):  Default: ''.
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAuditEntryList]
    """

    kwargs = _get_kwargs(
        action=action,
        actor=actor,
        page=page,
        page_size=page_size,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    action: list[AuditListActionItem] | Unset = UNSET,
    actor: str | Unset = "",
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Error | PaginatedAuditEntryList | None:
    """Publishing, enactments, vetoes, taxonomy edits, role changes, exports; newest first.

    Args:
        action (list[AuditListActionItem] | Unset):
        actor (str | Unset):  Default: ''.
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAuditEntryList
    """

    return sync_detailed(
        client=client,
        action=action,
        actor=actor,
        page=page,
        page_size=page_size,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    action: list[AuditListActionItem] | Unset = UNSET,
    actor: str | Unset = "",
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[Error | PaginatedAuditEntryList]:
    """Publishing, enactments, vetoes, taxonomy edits, role changes, exports; newest first.

    Args:
        action (list[AuditListActionItem] | Unset):
        actor (str | Unset):  Default: ''.
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAuditEntryList]
    """

    kwargs = _get_kwargs(
        action=action,
        actor=actor,
        page=page,
        page_size=page_size,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    action: list[AuditListActionItem] | Unset = UNSET,
    actor: str | Unset = "",
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Error | PaginatedAuditEntryList | None:
    """Publishing, enactments, vetoes, taxonomy edits, role changes, exports; newest first.

    Args:
        action (list[AuditListActionItem] | Unset):
        actor (str | Unset):  Default: ''.
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAuditEntryList
    """

    return (
        await asyncio_detailed(
            client=client,
            action=action,
            actor=actor,
            page=page,
            page_size=page_size,
            since=since,
            until=until,
        )
    ).parsed
