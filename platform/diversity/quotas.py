"""Quota plans, set by researchers, and what routing reads from them.

Routing in each activity asks `quota_routing` which of its objects a rater may get work from
now, and which it should prefer:
- a rater in a group whose maximum is met gets no more work from that object;
- while groups are short of their minimum and the planned total has no more room than they
  still need, raters from other groups are held back, so the minimums can still be met;
- among objects a rater may work on, those where one of the rater's groups is short of its
  minimum come first.
Counts are submissions made or reserved (diversity.scopes.QuotaScope.units).
"""

import math
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.db.models.expressions import OrderBy

from diversity.groups import group_key, groups_of
from diversity.models import GroupField, Quota, QuotaPlan
from diversity.scopes import QuotaScope, quota_scope

Groups = Mapping[str, list[str]]  # field -> the groups a rater is in


def _count_of_share(share: float, total: int, *, up: bool) -> int:
    # Rounded first: 0.3 * 10 is 3.0000000000000004, whose ceiling would be 4.
    exact = round(share * total, 9)
    return math.ceil(exact) if up else math.floor(exact)


@dataclass(frozen=True)
class GroupLimit:
    quota: Quota
    count: int
    minimum: int | None
    maximum: int | None

    @property
    def short_by(self) -> int:
        return max(0, (self.minimum or 0) - self.count)

    @property
    def full(self) -> bool:
        return self.maximum is not None and self.count >= self.maximum


@dataclass(frozen=True)
class QuotaState:
    """One object's quotas against its current fill."""

    plan: QuotaPlan
    planned: int | None  # the total shares are of
    total: int
    limits: list[GroupLimit]
    counts: Counter[tuple[str, str]]  # (field, group) -> submissions, every group seen

    def _in(self, limit: GroupLimit, groups: Groups) -> bool:
        return limit.quota.value in groups.get(limit.quota.field, ())

    def admits(self, groups: Groups) -> bool:
        if any(limit.full and self._in(limit, groups) for limit in self.limits):
            return False
        if self.planned is None:
            return True
        remaining = self.planned - self.total
        for name in {limit.quota.field for limit in self.limits}:
            short = [lim for lim in self.limits if lim.quota.field == name and lim.short_by > 0]
            helps = any(self._in(lim, groups) for lim in short)
            # Every place left is needed by groups still short of their minimum.
            if short and not helps and remaining <= sum(lim.short_by for lim in short):
                return False
        return True

    def preference(self, groups: Groups) -> int:
        """How many of the rater's groups are short of their minimum here."""
        return sum(1 for limit in self.limits if limit.short_by > 0 and self._in(limit, groups))


def _state(plan: QuotaPlan, scope: QuotaScope) -> QuotaState:
    units = scope.units(plan.object_id)
    quotas = list(plan.quotas.all()) if plan.pk else []
    fields = [f.value for f in GroupField]
    membership = groups_of(list(units), fields)
    counts: Counter[tuple[str, str]] = Counter()
    for user_id, n in units.items():
        for name, groups in membership[user_id].items():
            for group in groups:
                counts[(name, group)] += n
    planned = (
        plan.planned_total if plan.planned_total is not None else scope.capacity(plan.object_id)
    )
    limits = []
    for quota in quotas:
        minimums = [quota.min_count] if quota.min_count is not None else []
        maximums = [quota.max_count] if quota.max_count is not None else []
        if planned is not None and quota.min_share is not None:
            minimums.append(_count_of_share(quota.min_share, planned, up=True))
        if planned is not None and quota.max_share is not None:
            maximums.append(_count_of_share(quota.max_share, planned, up=False))
        limits.append(
            GroupLimit(
                quota=quota,
                count=counts[(quota.field, quota.value)],
                minimum=max(minimums) if minimums else None,
                maximum=min(maximums) if maximums else None,
            )
        )
    return QuotaState(
        plan=plan, planned=planned, total=sum(units.values()), limits=limits, counts=counts
    )


@dataclass(frozen=True)
class QuotaRouting:
    """For one rater: the objects closed to them, and how strongly each open one wants them."""

    blocked: frozenset[int] = frozenset()
    preference: dict[int, int] = field(default_factory=dict)

    def preferred_first(self, path: str) -> list[OrderBy]:
        """order_by terms putting objects (`path` names their id) that want the rater most
        first; none when no object wants them more than another, so the rest keep their order."""
        levels = sorted({p for p in self.preference.values() if p > 0}, reverse=True)
        if not levels:
            return []
        whens = [
            When(
                **{f"{path}__in": [i for i, p in self.preference.items() if p == level]},
                then=-level,
            )
            for level in levels
        ]
        return [Case(*whens, default=Value(0), output_field=IntegerField()).asc()]


def quota_routing(
    *, activity: str, user: User, object_ids: Collection[int] | None = None, lock: bool = False
) -> QuotaRouting:
    """Where `user` may get work among the activity's objects that have quotas (all of them,
    or those in `object_ids`). Objects without quotas are open and not preferred.

    With `lock`, the plans are locked until the caller's transaction ends, so two raters of one
    group cannot both take the last place under a cap (callers hand out work in that transaction).
    """
    plans = QuotaPlan.objects.filter(activity=activity).prefetch_related("quotas").order_by("pk")
    if object_ids is not None:
        plans = plans.filter(object_id__in=object_ids)
    if lock:
        plans = plans.select_for_update(of=("self",))
    plans_list = list(plans)
    if not plans_list:
        return QuotaRouting()
    scope = quota_scope(activity)
    fields = [f.value for f in GroupField]
    groups = groups_of([user.pk], fields)[user.pk]
    blocked, preference = set(), {}
    for plan in plans_list:
        state = _state(plan, scope)
        if not state.admits(groups):
            blocked.add(plan.object_id)
        else:
            preference[plan.object_id] = state.preference(groups)
    return QuotaRouting(blocked=frozenset(blocked), preference=preference)


def quota_fill(*, activity: str, object_id: int) -> dict[str, Any]:
    """The object's quotas with their fill, and every group's submissions by each field."""
    scope = quota_scope(activity)
    plan = QuotaPlan.objects.filter(activity=activity, object_id=object_id).first()
    if plan is None:
        plan = QuotaPlan(activity=activity, object_id=object_id)
    state = _state(plan, scope)
    total = state.total

    def share(count: int) -> float | None:
        return count / total if total else None

    return {
        "activity": activity,
        "object_id": object_id,
        "unit": scope.unit,
        "planned_total": plan.planned_total,
        "planned": state.planned,
        "total": total,
        "quotas": [
            {
                "field": limit.quota.field,
                "value": limit.quota.value,
                "min_count": limit.quota.min_count,
                "max_count": limit.quota.max_count,
                "min_share": limit.quota.min_share,
                "max_share": limit.quota.max_share,
                "count": limit.count,
                "share": share(limit.count),
                "minimum": limit.minimum,
                "maximum": limit.maximum,
                "fill_state": "full" if limit.full else "under" if limit.short_by else "open",
            }
            for limit in state.limits
        ],
        "groups": [
            {"field": name, "value": group, "count": count, "share": share(count)}
            for (name, group), count in sorted(state.counts.items())
        ],
    }


def _quota_checked(raw: Mapping[str, Any], shares_measurable: bool) -> Quota:
    quota = Quota(
        field=raw["field"],
        value=group_key(raw["value"]),
        min_count=raw.get("min_count"),
        max_count=raw.get("max_count"),
        min_share=raw.get("min_share"),
        max_share=raw.get("max_share"),
    )
    name = f"{quota.field}={quota.value}"
    if not quota.value:
        raise ValidationError({"quotas": "Name the group each quota is for."})
    limits = (quota.min_count, quota.max_count, quota.min_share, quota.max_share)
    if all(v is None for v in limits):
        raise ValidationError({"quotas": f"Give {name} a minimum or a maximum."})
    for low, high in ((quota.min_count, quota.max_count), (quota.min_share, quota.max_share)):
        if low is not None and high is not None and low > high:
            raise ValidationError({"quotas": f"The minimum of {name} is above its maximum."})
    if not shares_measurable and (quota.min_share is not None or quota.max_share is not None):
        raise ValidationError(
            {"planned_total": "Give a planned total: shares here are shares of it."}
        )
    return quota


@transaction.atomic
def quota_plan_set(
    *,
    activity: str,
    object_id: int,
    planned_total: int | None,
    quotas: list[Mapping[str, Any]],
    user: User,
) -> QuotaPlan | None:
    """Replace the object's quotas; none removes the plan, and routing is then unrestricted."""
    scope = quota_scope(activity)
    if not scope.exists(object_id):
        raise ValidationError({"object_id": f"There is no {activity} object #{object_id}."})
    measurable = planned_total is not None or scope.capacity(object_id) is not None
    checked = [_quota_checked(raw, measurable) for raw in quotas]
    seen = Counter((q.field, q.value) for q in checked)
    twice = [f"{name}={value}" for (name, value), n in seen.items() if n > 1]
    if twice:
        raise ValidationError({"quotas": f"One quota per group: {', '.join(twice)} repeats."})
    for name in {q.field for q in checked}:
        if sum(q.min_share or 0 for q in checked if q.field == name) > 1 + 1e-9:
            raise ValidationError({"quotas": f"The minimum shares of {name} add up to over 100%."})
    plan = (
        QuotaPlan.objects.select_for_update().filter(activity=activity, object_id=object_id).first()
    )
    if not checked:
        if plan is not None:
            plan.delete()
        return None
    if plan is None:
        plan = QuotaPlan(activity=activity, object_id=object_id)
    plan.planned_total = planned_total
    plan.updated_by = user
    plan.save()
    plan.quotas.all().delete()
    for quota in checked:
        quota.plan = plan
    Quota.objects.bulk_create(checked)
    return plan
