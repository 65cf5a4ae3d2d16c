from typing import Any

from idempotency.services import HEADER, KEY_MAX_LENGTH

PARAMETER = "IdempotencyKey"


def schema_idempotency_key(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular hook: the Idempotency-Key header, described once as a component and
    referenced by every write operation (the middleware honours it on all of them)."""
    components = result.setdefault("components", {})
    components.setdefault("parameters", {})[PARAMETER] = {
        "in": "header",
        "name": HEADER,
        "required": False,
        "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": KEY_MAX_LENGTH,
            "pattern": "^[!-~]+$",  # printable ASCII without spaces (a UUID fits)
        },
        "description": (
            "A client-chosen unique value (a UUID) per user action. A retry of the write with "
            "the same key, by the same user, answers the stored status and body of the first "
            "successful request (with the header Idempotent-Replayed: true) and writes nothing "
            "again; a key reused for another method or path answers 422. Refused (4xx) and "
            "failed (5xx) requests are not kept, so they may be retried with the same key. "
            "Keys are kept for a day."
        ),
    }
    reference = {"$ref": f"#/components/parameters/{PARAMETER}"}
    # The one error shape, documented by config/schema.py.
    error = {"$ref": "#/components/schemas/Error"}
    reused = {
        "description": f"The {HEADER} was used for another method or path.",
        "content": {"application/json": {"schema": error}},
    }
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method in {"post", "put", "patch", "delete"}:
                operation.setdefault("parameters", []).append(reference)
                operation.setdefault("responses", {}).setdefault("422", reused)
    return result
