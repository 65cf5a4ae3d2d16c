"""`coalign prompts` and `coalign campaigns` (hazard campaigns)."""

from pathlib import Path

import click

from coalign_client.cli.common import INPUT_FILE, Group, choice, session_open
from coalign_client.generated.models import FormatEnum


@click.group(cls=Group)
def prompts() -> None:
    """Prompts of hazard campaigns."""


@prompts.command("import")
@click.argument("file", type=INPUT_FILE)
@click.option("--campaign", type=int, required=True, help="The campaign's id.")
@click.option("--format", "file_format", type=choice(FormatEnum), default="prompts")
def prompts_import(file: Path, campaign: int, file_format: str) -> None:
    """Import a campaign's prompts from FILE (CSV/JSONL with prompt, id, category columns, or
    the AILuminate CSV); the campaign's target model answers each new one."""
    with session_open() as session:
        count = session.prompts_import(campaign=campaign, path=file, file_format=file_format)
    click.echo(f"Imported {count} prompts into campaign {campaign}.")


@click.group(cls=Group)
def campaigns() -> None:
    """Hazard (red-teaming) campaigns."""


@campaigns.command("create")
@click.option("--name", required=True)
@click.option("--line", help="Target the published version of this model line.")
@click.option("--version", type=int, help="Target this model version (id).")
@click.option("--description")
@click.option("--labels-per-item", type=int, help="Labels wanted per response.")
@click.option("--max-new-tokens", type=int, help="Length of the target's responses.")
def campaigns_create(
    name: str,
    line: str | None,
    version: int | None,
    description: str | None,
    labels_per_item: int | None,
    max_new_tokens: int | None,
) -> None:
    """Create a campaign against a model line or version."""
    with session_open() as session:
        campaign = session.campaign_create(
            name=name,
            line=line,
            version=version,
            description=description,
            labels_per_item=labels_per_item,
            max_new_tokens=max_new_tokens,
        )
    target = campaign.target or "no model (imports only)"
    click.echo(f"Created campaign {campaign.id} ({campaign.name}) against {target}.")


@campaigns.command("start")
@click.argument("campaign", type=int)
@click.option("--version", type=int, required=True, help="The model version (id) to answer.")
def campaigns_start(campaign: int, version: int) -> None:
    """Send every prompt of CAMPAIGN to a model version, for raters to label its responses."""
    with session_open() as session:
        count = session.campaign_start(campaign=campaign, version=version)
    click.echo(f"Queued {count} prompts of campaign {campaign} for model version {version}.")
