from django.apps import AppConfig


class LoopConfig(AppConfig):
    name = "loop"
    verbose_name = "Retraining loop"

    def ready(self) -> None:
        from realtime.groups import group_authorizer_register

        # Run progress is not personal: whoever may read the registry may watch a run.
        group_authorizer_register(
            "run", lambda user, key: key.isdigit() and user.has_perm("loop.view_trainingrun")
        )
