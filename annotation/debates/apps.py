from django.apps import AppConfig


class DebatesConfig(AppConfig):
    name = "annotation.debates"
    label = "debates"
    verbose_name = "Debate judging"

    def ready(self) -> None:
        from accounts.work import work_provider_register
        from annotation.debates.demo import debates_demo_load
        from annotation.debates.loop_inputs import CONVERSIONS
        from annotation.debates.selectors import debate_visible_to
        from annotation.debates.work import debate_work
        from loop.providers import conversion_register
        from ops.demo import demo_loader_register
        from realtime.groups import group_authorizer_register

        group_authorizer_register("debate", debate_visible_to)
        work_provider_register(debate_work)
        demo_loader_register(debates_demo_load)
        for conversion in CONVERSIONS:
            conversion_register(conversion)
