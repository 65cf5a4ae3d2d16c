"""Domain errors that services raise and the API's one exception handler translates.

Plain Python, so services and management commands use them without importing DRF.
"""


class StateConflict(Exception):
    """The request is valid but the current state forbids it (a line that already has an
    active run): answered 409 with the message."""
