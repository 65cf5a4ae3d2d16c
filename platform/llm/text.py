"""Model text made fit to store and show: the one cleaning every path applies to generated text."""

import re

# C0 controls but tab, newline and carriage return; DEL and the C1 controls; lone surrogates.
# Models emit them now and then (a byte-level one emits NUL): PostgreSQL's text type refuses
# NUL, psycopg cannot encode a surrogate, and the rest show as boxes or move the cursor.
_UNFIT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` without the characters that cannot be stored or shown; whitespace is kept.

    It works character by character, so streamed deltas cleaned one by one still add up to the
    cleaned completion (backends clean both).
    """
    return _UNFIT.sub("", text)
