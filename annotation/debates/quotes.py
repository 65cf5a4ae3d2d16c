"""Quotes of the passage: debaters mark them <quote>...</quote>; each is checked against it."""

import re
from typing import Any

# Models write the tags loosely ("< quote >", "</ QUOTE>"); all spellings count.
QUOTE_TAG = re.compile(r"<\s*quote\s*>(.*?)<\s*/\s*quote\s*>", re.IGNORECASE | re.DOTALL)
# A quote is evidence only when it is this many whole words of the story: "e kn" or "a" are in
# almost every story, so fragments and single words would verify anything.
MIN_QUOTE_WORDS = 3
# Tokenised stories put spaces around punctuation ("word ," / "`` text ''"), so both sides are
# compared as sequences of words, punctuation and spacing removed.
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> str:
    """The words of `text`, lower-cased, each with a space on either side."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def quotes_check(text: str, *, passage: str) -> list[dict[str, Any]]:
    """Every quote in `text` with `verified`: True when it is at least MIN_QUOTE_WORDS whole
    words of the passage, False otherwise, and None when there is no passage to check against
    (an imported debate whose story was not kept): such quotes are unverifiable."""
    quotes = [q.strip() for q in QUOTE_TAG.findall(text) if q.strip()]
    if not passage:
        return [{"text": q, "verified": None} for q in quotes]
    haystack = _words(passage)
    return [
        {
            "text": q,
            "verified": len(_WORD.findall(q)) >= MIN_QUOTE_WORDS and _words(q) in haystack,
        }
        for q in quotes
    ]
