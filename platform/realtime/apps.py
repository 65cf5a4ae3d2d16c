from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "realtime"
    verbose_name = "Realtime events"

    def ready(self) -> None:
        from realtime.groups import group_authorizer_register

        group_authorizer_register("registry", lambda user, _key: user.is_authenticated)
        group_authorizer_register("user", lambda user, key: key == str(user.pk))
