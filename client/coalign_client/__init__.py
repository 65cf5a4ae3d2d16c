"""The Co-Align API from Python: `Session` for scripts, `coalign` on the command line, and the
typed operations and models generated from the API's schema under `coalign_client.generated`."""

from coalign_client.config import Login, login_load
from coalign_client.errors import ApiError
from coalign_client.session import Session

__all__ = ["ApiError", "Login", "Session", "login_load"]
