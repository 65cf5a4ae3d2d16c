from django.apps import AppConfig


class LLMConfig(AppConfig):
    name = "llm"
    verbose_name = "LLM backends and generations"

    def ready(self) -> None:
        from llm.selectors import generation_visible_to
        from realtime.groups import group_authorizer_register

        group_authorizer_register("generation", generation_visible_to)
