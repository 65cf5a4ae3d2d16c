"""Password guessing limits: failures are counted per account and per client address.

Only failures count, so a person who types the right password is never refused because others
behind the same address (an office, a university NAT) are being noisy: once an address is over
its limit its wrong guesses answer 429 instead of 400, while a right password for an account that
is not itself locked still logs in. Guessing one account's password is bounded by the account
limit wherever the guesses come from. The client address is taken from X-Forwarded-For only as
far as TRUSTED_PROXIES says proxies add to it (DRF's NUM_PROXIES), so a client cannot pick its
own address.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle


class WrongCredentials(Exception):
    """The username or password is wrong (the caller answers 400)."""


def _limit(rate: str) -> tuple[int, int]:
    """A rate in DRF's notation ("10/h", "30/min") as (failures allowed, window in seconds)."""
    count, _, period = rate.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[0]]


def client_address(request: Request) -> str:
    """The client's address, trusting X-Forwarded-For only through the configured proxies."""
    return str(BaseThrottle().get_ident(request))


def _account_key(username: str) -> str:
    return f"login-failures:account:{username.casefold()}"


def _address_key(address: str) -> str:
    return f"login-failures:address:{address}"


def _failures(key: str) -> int:
    return int(cache.get(key) or 0)


def _count_failure(key: str, window_s: int) -> int:
    # A fixed window that starts at the first failure: add() is a no-op when the key exists.
    cache.add(key, 0, timeout=window_s)
    try:
        return int(cache.incr(key))
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=window_s)
        return 1


def login_check(*, request: Request, username: str, password: str) -> User:
    """The active user these credentials name, or WrongCredentials / Throttled (429)."""
    account_limit, account_window = _limit(settings.LOGIN_ACCOUNT_FAILURE_RATE)
    address_limit, address_window = _limit(settings.LOGIN_ADDRESS_FAILURE_RATE)
    account_key = _account_key(username)
    address_key = _address_key(client_address(request))
    # A locked account is refused before the password is even checked, so guessing it from
    # many addresses learns nothing until its window has passed.
    if _failures(account_key) >= account_limit:
        raise exceptions.Throttled(
            wait=account_window,
            detail="Too many failed logins for this account; try again later.",
        )
    user: Any = authenticate(request, username=username, password=password)
    if user is not None and user.is_active:
        cache.delete(account_key)
        return user
    _count_failure(account_key, account_window)
    if _count_failure(address_key, address_window) > address_limit:
        raise exceptions.Throttled(
            wait=address_window,
            detail="Too many failed logins from this address; try again later.",
        )
    raise WrongCredentials
