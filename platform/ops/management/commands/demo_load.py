from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ops.demo import DemoRefused, demo_load


class Command(BaseCommand):
    help = "Load the demo content (idempotent): role accounts and the tiny model on every line."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            logins = demo_load()
        except DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        for login in logins:
            roles = ", ".join(role.value for role in login.roles)
            self.stdout.write(f"  {login.username:<11} {login.password:<22} {roles}")
