from django.apps import AppConfig


class SignalPoolConfig(AppConfig):
    name = "signalpool"
    verbose_name = "Signal pool"

    def ready(self) -> None:
        from accounts.personal_data import exporter_register
        from signalpool.selectors import signals_of_user_export

        exporter_register("signals", signals_of_user_export)
