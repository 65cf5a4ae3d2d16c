from django.contrib import admin

from signalpool.models import Signal


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "kind",
        "source_user",
        "source_model",
        "source_dataset",
        "source_annotator",
        "item_type",
        "item_id",
        "created_at",
    ]
    list_filter = ["kind", "source_dataset"]

    # Signals are append-only; the database refuses edits anyway.
    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
