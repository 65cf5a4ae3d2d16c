from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Webhooks: signed HTTPS callbacks to researchers' endpoints on platform events"
