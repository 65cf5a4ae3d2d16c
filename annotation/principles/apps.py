from django.apps import AppConfig


class PrinciplesConfig(AppConfig):
    name = "annotation.principles"
    label = "principles"
    verbose_name = "Principle co-design"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from annotation.principles.selectors import constitution_changed

        # The constitution number stamped on signals is cached; an enactment drops it.
        post_save.connect(
            constitution_changed,
            sender="principles.ConstitutionVersion",
            dispatch_uid="principles.constitution_changed",
        )
