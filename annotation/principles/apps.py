from django.apps import AppConfig


class PrinciplesConfig(AppConfig):
    name = "annotation.principles"
    label = "principles"
