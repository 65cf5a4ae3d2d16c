"""ApiError: an answer outside 2xx, in the API's one error shape."""

import json
from typing import Any

# DRF's name for messages about the input as a whole.
NON_FIELD_ERRORS = "non_field_errors"


class ApiError(Exception):
    """An answer outside 2xx, read from the API's one error shape {"detail", "code", "fields"}."""

    def __init__(
        self, *, status: int, detail: str, code: str, fields: dict[str, Any] | None = None
    ) -> None:
        self.status, self.detail, self.code, self.fields = status, detail, code, fields or {}
        super().__init__(str(self))

    @classmethod
    def from_answer(cls, status: int, content: bytes) -> "ApiError":
        try:
            body = json.loads(content)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            # Not the API's answer (a proxy's error page, say): its first line is what we have.
            first = content.decode(errors="replace").strip().splitlines()[:1]
            return cls(status=status, detail=first[0][:200] if first else "", code="error")
        fields = body.get("fields")
        return cls(
            status=status,
            detail=str(body.get("detail", "")),
            code=str(body.get("code", "error")),
            fields=fields if isinstance(fields, dict) else None,
        )

    def __str__(self) -> str:
        """One line: the field messages for invalid input, else the detail."""
        if self.fields:
            return f"HTTP {self.status}: " + "; ".join(fields_flatten(self.fields))
        return f"HTTP {self.status}: {self.detail or self.code}"


def fields_flatten(fields: Any, prefix: str = "") -> list[str]:
    """`name: message` for each message, nested names joined with dots (`config.max_steps`) and
    list positions in brackets (`debaters[0].line`); messages about no one field stand alone."""
    if isinstance(fields, dict):
        return [
            line
            for key, value in fields.items()
            for line in fields_flatten(value, _field_name(prefix, str(key)))
        ]
    if isinstance(fields, list) and any(isinstance(item, dict | list) for item in fields):
        return [
            line
            for index, item in enumerate(fields)
            for line in fields_flatten(item, f"{prefix}[{index}]")
        ]
    messages = fields if isinstance(fields, list) else [fields]
    text = " ".join(str(message) for message in messages)
    return [f"{prefix}: {text}" if prefix else text]


def _field_name(prefix: str, key: str) -> str:
    if key == NON_FIELD_ERRORS:
        return prefix
    return f"{prefix}.{key}" if prefix else key
