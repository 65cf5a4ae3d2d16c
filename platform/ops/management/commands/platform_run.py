import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.embedded import services_stop
from ops.demo import DemoRefused, demo_load
from ops.services import redis_check
from ops.supervisor import port_free, process_table, supervise


class Command(BaseCommand):
    help = (
        "Run the whole platform on this machine: the ASGI server's worker processes, a Celery "
        "worker per queue, Celery beat and, when LLM_OPENAI_LINES names lines, the serving "
        "agent, after migrating and loading the demo content. Ctrl-C stops everything."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.HOST)
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--no-demo", action="store_true", help="Skip the demo content.")
        parser.add_argument(
            "--web-workers",
            type=int,
            default=settings.WEB_CONCURRENCY or os.cpu_count() or 1,
            help="Web server processes (default: WEB_CONCURRENCY, else one per core).",
        )

    def handle(
        self, *args: Any, host: str, port: int, no_demo: bool, web_workers: int, **options: Any
    ) -> None:
        if not port_free(host, port):
            raise CommandError(
                f"port {port} on {host} is in use: "
                "stop what uses it or run `make run PORT=<free port>`."
            )
        redis = redis_check()
        if not redis.ok:
            raise CommandError(f"cannot reach Redis at REDIS_URL ({redis.error or redis.detail}).")
        call_command("migrate", interactive=False, verbosity=0)
        try:
            logins = [] if no_demo else demo_load()
        except DemoRefused as exc:
            raise CommandError(f"{exc} Or start with --no-demo.") from exc
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(settings.ROOT), str(settings.ROOT / "platform")]),
        }
        self.stdout.write(self.style.SUCCESS(f"\nCo-Align is starting at http://{host}:{port}/"))
        self.stdout.write(f"API docs: http://{host}:{port}/api/docs/")
        if logins:
            self.stdout.write("Demo logins (username, password, roles):")
            for login in logins:
                roles = ", ".join(role.value for role in login.roles)
                self.stdout.write(f"  {login.username:<11} {login.password:<22} {roles}")
        self.stdout.write("Press Ctrl-C to stop.\n")
        try:
            code = supervise(
                process_table(
                    host=host,
                    port=port,
                    data_dir=settings.DATA_DIR,
                    serving=bool(settings.LLM_OPENAI_LINES),
                    workers=web_workers,
                ),
                env=env,
                cwd=settings.ROOT,
            )
        finally:
            services_stop()
        if code:
            raise SystemExit(code)
