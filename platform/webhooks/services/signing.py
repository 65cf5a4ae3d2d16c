"""The signature a receiver checks: HMAC-SHA256 of "<timestamp>.<body>" with the endpoint's
secret, sent as `Coalign-Signature: t=<unix seconds>,v1=<hex digest>` (Stripe's scheme). The
timestamp is signed too, so a receiver that refuses old timestamps refuses replays."""

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "Coalign-Signature"
EVENT_ID_HEADER = "Coalign-Event-Id"
EVENT_TYPE_HEADER = "Coalign-Event-Type"
SECRET_PREFIX = "whsec_"


def secret_generate() -> str:
    # 32 random bytes: as strong as the SHA-256 key it becomes.
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the whole secret string."""
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(*, secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret=secret, timestamp=timestamp, body=body)}"
