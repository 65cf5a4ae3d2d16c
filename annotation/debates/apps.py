from django.apps import AppConfig


class DebatesConfig(AppConfig):
    name = "annotation.debates"
    label = "debates"
    verbose_name = "Debate judging"
