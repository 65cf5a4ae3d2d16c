from django.contrib import admin

from trust.models import RaterTrust, SubmissionTiming


@admin.register(RaterTrust)
class RaterTrustAdmin(admin.ModelAdmin):
    list_display = ["user", "activity", "score", "gold_accuracy", "agreement", "computed_at"]
    list_filter = ["activity"]


@admin.register(SubmissionTiming)
class SubmissionTimingAdmin(admin.ModelAdmin):
    list_display = ["signal", "user", "kind", "dwell_ms", "floor_ms", "too_fast"]
    list_filter = ["activity", "too_fast"]
