from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and raters"

    def ready(self) -> None:
        from accounts.permission_cache import permission_cache_connect
        from accounts.roles import roles_sync_after_migrate

        # Permissions only exist after every app migrated, so groups are synced then.
        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="accounts.roles_sync")
        permission_cache_connect()
