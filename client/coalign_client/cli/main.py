"""The `coalign` command: the root group, `login`, and every resource's group under it."""

import click

from coalign_client.cli.common import Group
from coalign_client.cli.debates import debates, questions
from coalign_client.cli.hazards import campaigns, prompts
from coalign_client.cli.loop import runs, snapshots
from coalign_client.cli.studies import studies
from coalign_client.config import ENV_URL, Login, login_save, url_check
from coalign_client.session import Session


@click.group(cls=Group)
def cli() -> None:
    """Co-Align from the command line: log in, import questions and prompts, start debates,
    campaigns, training runs and studies, follow them, and download snapshots and reports.

    The login is read from the config file `coalign login` writes; COALIGN_URL and
    COALIGN_TOKEN override it."""


@cli.command()
@click.option("--url", envvar=ENV_URL, required=True, help="The server, e.g. https://coalign.org.")
@click.option("--token", help="An API token.")
@click.option("--username", help="Log in with a username and password instead of a token.")
@click.option("--password", help="Asked for when --username is given without it.")
def login(url: str, token: str | None, username: str | None, password: str | None) -> None:
    """Check the credentials and save the URL and token (file readable by you alone)."""
    url = url_check(url)
    if token and username:
        raise click.UsageError("Give --token or --username, not both.")
    if not token:
        if not username:
            raise click.UsageError("Give --token TOKEN, or --username NAME (and --password).")
        if password is None:
            password = click.prompt("Password", hide_input=True)
        token = Session.token_create(url=url, username=username, password=password)
    with Session(Login(url=url, token=token)) as session:
        me = session.me_get()
    path = login_save(Login(url=url, token=token))
    roles = ", ".join(str(role) for role in me.roles) or "no roles"
    click.echo(f"Logged in to {url} as {me.username} ({roles}); saved to {path}.")


cli.add_command(questions)
cli.add_command(debates)
cli.add_command(prompts)
cli.add_command(campaigns)
cli.add_command(runs)
cli.add_command(snapshots)
cli.add_command(studies)


def main() -> None:
    cli(prog_name="coalign")
