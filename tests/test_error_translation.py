"""The one exception handler turns every domain error into the 400 JSON shape, so views call
services without try/except."""

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError

from config.api import exception_handler, translated
from config.errors import StateConflict
from signalpool.services import SignalError
from training.snapshot import RecipeError


@pytest.mark.parametrize(
    ("error", "fields"),
    [
        (DjangoValidationError({"kinds": "Unknown kind."}), {"kinds": ["Unknown kind."]}),
        # Raised without a field: a plain message or a list of them.
        (DjangoValidationError("Closed."), {"non_field_errors": ["Closed."]}),
        (DjangoValidationError(["One.", "Two."]), {"non_field_errors": ["One.", "Two."]}),
        (SignalError({"payload": "Missing."}), {"payload": "Missing."}),
        (RecipeError({"seed": "Unknown recipe field."}), {"seed": "Unknown recipe field."}),
    ],
)
def test_domain_errors_become_field_messages(error: Exception, fields: dict) -> None:
    assert isinstance(translated(error), ValidationError)
    response = exception_handler(error, {})
    assert response is not None
    assert response.status_code == 400
    assert response.data["code"] == "invalid"
    assert response.data["fields"] == fields


def test_other_errors_are_left_alone() -> None:
    error = RuntimeError("bug")
    assert translated(error) is error
    assert exception_handler(error, {}) is None


def test_a_state_conflict_is_a_409_with_its_message() -> None:
    response = exception_handler(StateConflict("Run #3 for this line is still running."), {})
    assert response is not None
    assert response.status_code == 409
    assert response.data == {
        "detail": "Run #3 for this line is still running.",
        "code": "conflict",
    }
