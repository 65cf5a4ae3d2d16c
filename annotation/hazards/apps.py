from django.apps import AppConfig


class HazardsConfig(AppConfig):
    name = "annotation.hazards"
    label = "hazards"
    verbose_name = "Hazard labelling"
