from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from loop.services.publishing import version_publish
from registry.models import ModelLine
from registry.services import model_version_register


class Command(BaseCommand):
    help = (
        "Register real weights (a local model folder, or a hub id where the network allows) as "
        "a line's next version, replacing the untrained demo model once published."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("line", help="model line slug, e.g. redteam-target")
        parser.add_argument("uri", help="a local folder with the weights, or a hub id")
        parser.add_argument("--base", default="", help="base model name (default: the uri)")
        parser.add_argument(
            "--publish-as",
            metavar="ADMIN",
            default="",
            help="publish it at once, as this admin; its gates were not measured, so this is "
            "an audited override with --reason",
        )
        parser.add_argument("--reason", default="", help="why it is published unmeasured")

    def handle(self, *args: Any, **options: Any) -> None:
        line = ModelLine.objects.filter(slug=options["line"]).first()
        if line is None:
            raise CommandError(f"No model line {options['line']!r}.")
        uri: str = options["uri"]
        # A path is stored absolute, as the workers load it; anything else is a hub id.
        if uri.startswith((".", "/", "~")):
            folder = Path(uri).expanduser().absolute()
            if not folder.is_dir():
                raise CommandError(f"{uri} is not a folder.")
            uri = str(folder)
        version = model_version_register(line=line, base=options["base"] or uri, uri=uri)
        self.stdout.write(f"registered {version} ({version.base})")
        if not options["publish_as"]:
            return
        admin = get_user_model().objects.filter(username=options["publish_as"]).first()
        if admin is None:
            raise CommandError(f"No user {options['publish_as']!r}.")
        try:
            version_publish(version=version, actor=admin, override_reason=options["reason"])
        except ValidationError as exc:
            raise CommandError(f"{version} stays unpublished: {exc.message_dict}") from exc
        self.stdout.write(f"published {version}")
