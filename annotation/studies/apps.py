from django.apps import AppConfig


class StudiesConfig(AppConfig):
    name = "annotation.studies"
    label = "studies"
    verbose_name = "Research studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Oversight studies that asked for it re-run when a debater or judge version is
        # published (registry publishes knowing nothing of studies).
        from annotation.studies.kinds.oversight.reruns import oversight_reruns_connect

        oversight_reruns_connect()
