from django.apps import AppConfig


class PrinciplesConfig(AppConfig):
    name = "annotation.principles"
    label = "principles"
    verbose_name = "Principle co-design"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from accounts.work import work_provider_register
        from annotation.principles.demo import principles_demo_load
        from annotation.principles.loop_inputs import CONVERSIONS
        from annotation.principles.selectors import (
            constitution_changed,
            constitution_current_number,
            constitution_for_ai,
            open_rounds_work,
            round_group_authorizer,
        )
        from loop.providers import constitution_provider_register as loop_constitution_register
        from loop.providers import conversion_register
        from ops.demo import demo_loader_register
        from realtime.groups import group_authorizer_register
        from signalpool.services import constitution_provider_register

        group_authorizer_register("round", round_group_authorizer)
        work_provider_register(open_rounds_work)
        demo_loader_register(principles_demo_load)
        constitution_provider_register(constitution_current_number)
        post_save.connect(
            constitution_changed,
            sender="principles.ConstitutionVersion",
            dispatch_uid="principles.constitution_changed",
        )
        loop_constitution_register(constitution_for_ai)
        for conversion in CONVERSIONS:
            conversion_register(conversion)
