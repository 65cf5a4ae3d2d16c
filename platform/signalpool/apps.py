from django.apps import AppConfig


class SignalPoolConfig(AppConfig):
    name = "signalpool"
    verbose_name = "Signal pool"
