from typing import Any

from django.core.management.base import BaseCommand

from ops.demo import demo_load


class Command(BaseCommand):
    help = "Load the demo content (idempotent): role accounts and the tiny model on every line."

    def handle(self, *args: Any, **options: Any) -> None:
        for login in demo_load():
            roles = ", ".join(role.value for role in login.roles)
            self.stdout.write(f"  {login.username:<11} {login.password:<22} {roles}")
