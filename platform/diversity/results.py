"""Per-group results: a proportion (judge accuracy, hazard rate, agreement) for each rater
group of one background field, with its Wilson interval.

Only consenting profiles that gave the field count. A group, or a measure within it, resting on
fewer than settings.GROUP_RESULTS_MIN_SIZE raters is left out, so no one person's answers can be
read off a row; only how many groups were left out is said.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.conf import settings

from diversity.groups import groups_consented
from diversity.models import GroupField

# (user id, success): one judgement correct or not, one label harmful or not, ...
Observation = tuple[int, bool]
# successes, trials -> (low, high): the activities pass annotation.proportions.wilson_interval,
# the project's one definition, which this platform app may not import.
Interval = Callable[[int, int], tuple[float, float]]


def group_results(
    *, field: GroupField, measures: Mapping[str, Iterable[Observation]], interval: Interval
) -> dict[str, Any]:
    """{"field", "min_group_size", "groups": [{"group", "raters", "measures": [...]}],
    "suppressed_groups", "raters_left_out"} for the named measures."""
    observed = {name: list(rows) for name, rows in measures.items()}
    users = {user_id for rows in observed.values() for user_id, _ in rows}
    membership = groups_consented(users, field)
    min_size: int = settings.GROUP_RESULTS_MIN_SIZE
    raters: dict[str, set[int]] = defaultdict(set)
    # group -> measure -> [raters, trials, successes]
    tallies: dict[str, dict[str, tuple[set[int], list[int]]]] = defaultdict(dict)
    for name, rows in observed.items():
        for user_id, success in rows:
            for group in membership.get(user_id, ()):
                raters[group].add(user_id)
                who, counts = tallies[group].setdefault(name, (set(), [0, 0]))
                who.add(user_id)
                counts[0] += 1
                counts[1] += int(success)
    rows_out, suppressed = [], 0
    for group in sorted(raters):
        if len(raters[group]) < min_size:
            suppressed += 1
            continue
        figures = []
        for name in observed:
            who, (trials, successes) = tallies[group].get(name, (set(), [0, 0]))
            shown = len(who) >= min_size
            low, high = interval(successes, trials) if shown else (None, None)
            figures.append(
                {
                    "measure": name,
                    "suppressed": not shown,
                    "raters": len(who) if shown else None,
                    "n": trials if shown else None,
                    "successes": successes if shown else None,
                    "rate": successes / trials if shown and trials else None,
                    "low": low,
                    "high": high,
                }
            )
        rows_out.append({"group": group, "raters": len(raters[group]), "measures": figures})
    return {
        "field": field,
        "min_group_size": min_size,
        "groups": rows_out,
        "suppressed_groups": suppressed,
        "raters_left_out": len(users - membership.keys()),
    }
