from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "trust"
    verbose_name = "Rater trust: dwell times, submission limits and trust scores"
