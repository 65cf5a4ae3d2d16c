"""Taxonomy reads."""

import datetime as dt
import functools

from annotation.hazards.models import Category, Taxonomy


def taxonomy_codes(taxonomy: Taxonomy) -> frozenset[str]:
    """The category codes of a taxonomy version, read once per process: a version's categories
    are written with it and never change (a change is a new version)."""
    return _taxonomy_codes(taxonomy.pk, taxonomy.created_at)


@functools.lru_cache(maxsize=256)
def _taxonomy_codes(taxonomy_id: int, created_at: dt.datetime) -> frozenset[str]:
    # created_at in the key: a recreated database may give another version the same id.
    codes = (
        Category.objects.filter(taxonomy_id=taxonomy_id).order_by().values_list("code", flat=True)
    )
    return frozenset(codes)
