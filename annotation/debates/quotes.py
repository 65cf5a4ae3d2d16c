"""Quotes of the passage: debaters mark them <quote>...</quote>; each is checked against it."""

import re
from typing import Any

_QUOTE = re.compile(r"<quote>(.*?)</quote>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
# Tokenised stories put spaces around punctuation ("word ," / "`` text ''"), so both sides are
# compared with punctuation and spacing removed.
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


def quotes_check(text: str, *, passage: str) -> list[dict[str, Any]]:
    """Every quote in `text` with `verified`: True or False, or None when there is no passage."""
    quotes = [q.strip() for q in _QUOTE.findall(text) if q.strip()]
    if not passage:
        return [{"text": q, "verified": None} for q in quotes]
    haystack = _normal(passage)
    return [{"text": q, "verified": bool(_normal(q)) and _normal(q) in haystack} for q in quotes]
