from django.apps import AppConfig


class HazardsConfig(AppConfig):
    name = "annotation.hazards"
    label = "hazards"
    verbose_name = "Hazard labelling"

    def ready(self) -> None:
        from accounts.work import work_provider_register
        from annotation.hazards.demo import demo_campaign_load
        from annotation.hazards.loop_inputs import redteam_prompt_set, rewrite_candidates
        from annotation.hazards.selectors import campaign_visible_to, labelling_work
        from loop.providers import candidate_builder_register, redteam_prompts_provider_register
        from ops.demo import demo_loader_register
        from realtime.groups import group_authorizer_register
        from signalpool.kinds import SignalKind

        group_authorizer_register("campaign", campaign_visible_to)
        work_provider_register(labelling_work)
        demo_loader_register(demo_campaign_load)
        candidate_builder_register(SignalKind.SAFE_REWRITE, rewrite_candidates)
        redteam_prompts_provider_register(redteam_prompt_set)
