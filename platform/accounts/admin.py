from django.contrib import admin

from accounts.models import RaterProfile


@admin.register(RaterProfile)
class RaterProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "consent_given", "region", "updated_at"]
    search_fields = ["user__username"]
