from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit log: who did what, platform-wide"

    def ready(self) -> None:
        from audit.receivers import audit_receivers_connect

        audit_receivers_connect()
