from django.contrib import admin

from registry.models import ModelLine, ModelVersion


@admin.register(ModelLine)
class ModelLineAdmin(admin.ModelAdmin):
    list_display = ["slug", "name"]


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["line", "number", "status", "base", "created_at", "published_at"]
    list_filter = ["line", "status"]
