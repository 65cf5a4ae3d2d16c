"""The guard against server-side request forgery: a webhook URL must not reach our own network.

An endpoint's URL is chosen by a user, and the delivery worker runs inside the deployment, next
to PostgreSQL, Redis, the serving agent and the cloud's metadata service (169.254.169.254). So
only public addresses are allowed unless settings.WEBHOOKS_ALLOW_PRIVATE says otherwise. The
host name is resolved at delivery time, every address it resolves to is checked (a name may
resolve to one public and one private address), and the request goes to the checked address
itself, so a second resolution (DNS rebinding) cannot swap in another. Redirects are never
followed: a public server could redirect to a private one.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(ValidationError):
    """The URL's host is, or resolves to, an address deliveries may not reach."""


def address_refusal(address: IPAddress) -> str:
    """Why deliveries may not reach `address`, or "" when they may."""
    if isinstance(address, ipaddress.IPv6Address):
        # Addresses that carry an IPv4 address inside reach that address.
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None:
            return address_refusal(embedded)
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_reserved or address.is_unspecified:
        return "reserved"
    if address.is_private:
        return "private"
    # What remains and is still not global: shared (carrier-grade NAT), documentation, etc.
    return "" if address.is_global else "reserved"


def _refuse_unless_allowed(host: str, address: IPAddress) -> None:
    if settings.WEBHOOKS_ALLOW_PRIVATE:
        return
    if reason := address_refusal(address):
        shown = host if host == str(address) else f"{host} ({address})"
        raise AddressRefused(
            f"{shown} is a {reason} address; webhooks are delivered to public addresses only "
            "(an admin may allow private ones with WEBHOOKS_ALLOW_PRIVATE)."
        )


@dataclass(frozen=True)
class Target:
    """Where a URL's request goes: its host name and the one checked address to connect to."""

    host: str
    port: int
    address: IPAddress


def url_check(url: str) -> None:
    """Refuse, at registration, a URL that can never be delivered to: not https (http only
    where private addresses are allowed, for receivers on a local network), no host, or a
    literal address that is refused. Names are resolved at each delivery (url_target)."""
    parts = urlsplit(url)
    schemes = {"https", "http"} if settings.WEBHOOKS_ALLOW_PRIVATE else {"https"}
    if parts.scheme not in schemes:
        raise ValidationError({"url": ["Give an https:// URL."]})
    if parts.username or parts.password:
        raise ValidationError({"url": ["Leave credentials out of the URL; sign with the secret."]})
    try:
        host, _ = _host_port(url)
    except ValueError as exc:
        raise ValidationError({"url": [str(exc)]}) from exc
    literal = _literal(host)
    try:
        if literal is not None:
            _refuse_unless_allowed(host, literal)
        elif host.rstrip(".").lower().endswith("localhost"):
            _refuse_unless_allowed(host, ipaddress.ip_address("127.0.0.1"))
    except AddressRefused as exc:
        raise ValidationError({"url": exc.messages}) from exc


def url_target(url: str) -> Target:
    """Resolve the URL's host now and check every address; raises AddressRefused, or OSError
    when the name does not resolve (a temporary failure is worth another attempt)."""
    host, port = _host_port(url)
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        # Scope ids ("fe80::1%eth0") are dropped: the address itself decides.
        addresses = list(
            dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos)
        )
        if not addresses:
            raise OSError(f"{host} resolves to no address")
    for address in addresses:
        _refuse_unless_allowed(host, address)
    return Target(host=host, port=port, address=addresses[0])


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError("The URL's port is not a number from 0 to 65535.") from exc
    if not parts.hostname:
        raise ValueError("The URL has no host.")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
