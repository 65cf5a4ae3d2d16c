from django.contrib import admin

from llm.models import Generation, ServingEndpoint, ServingRoute


@admin.register(Generation)
class GenerationAdmin(admin.ModelAdmin):
    list_display = ["id", "requested_by", "model_version", "status", "created_at"]
    list_filter = ["status"]


@admin.register(ServingEndpoint)
class ServingEndpointAdmin(admin.ModelAdmin):
    list_display = ["version", "state", "agent", "base_url", "state_since", "requested_at"]
    list_filter = ["state", "agent"]


@admin.register(ServingRoute)
class ServingRouteAdmin(admin.ModelAdmin):
    list_display = ["line", "version", "switched_at"]
