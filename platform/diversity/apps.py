from django.apps import AppConfig


class DiversityConfig(AppConfig):
    name = "diversity"
    verbose_name = "Diversity: quotas per rater group and per-group results"
