from django.contrib import admin

from llm.models import Generation


@admin.register(Generation)
class GenerationAdmin(admin.ModelAdmin):
    list_display = ["id", "requested_by", "model_version", "status", "created_at"]
    list_filter = ["status"]
