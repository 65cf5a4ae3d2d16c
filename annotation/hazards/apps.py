from django.apps import AppConfig


class HazardsConfig(AppConfig):
    name = "annotation.hazards"
    label = "hazards"
    verbose_name = "Hazard labelling"

    def ready(self) -> None:
        from accounts.work import work_provider_register
        from annotation.hazards.demo import demo_campaign_load
        from annotation.hazards.loop_inputs import (
            CONVERSIONS,
            hazard_verdicts,
            rater_quality,
            redteam_prompt_set,
        )
        from annotation.hazards.selectors import campaign_visible_to, labelling_work
        from loop.providers import (
            conversion_register,
            rater_quality_provider_register,
            redteam_prompts_provider_register,
            verdict_provider_register,
        )
        from ops.demo import demo_loader_register
        from realtime.groups import group_authorizer_register

        group_authorizer_register("campaign", campaign_visible_to)
        work_provider_register(labelling_work)
        demo_loader_register(demo_campaign_load)
        for conversion in CONVERSIONS:
            conversion_register(conversion)
        verdict_provider_register(hazard_verdicts)
        rater_quality_provider_register(rater_quality)
        redteam_prompts_provider_register(redteam_prompt_set)
