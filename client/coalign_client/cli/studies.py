"""`coalign studies`."""

import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from coalign_client.cli.common import JSON_OBJECT, OUTPUT_FILE, Failure, Group, session_open
from coalign_client.generated.models import StudyDetail, StudyStatusEnum
from coalign_client.session import Session


@click.group(cls=Group)
def studies() -> None:
    """Studies: experiments the platform runs end to end, with a report."""


@studies.command("kinds")
def studies_kinds() -> None:
    """List the kinds of study and their parameters."""
    with session_open() as session:
        kinds = session.study_kinds()
    for kind in kinds:
        params = ", ".join(param.name for param in kind.params)
        click.echo(f"{kind.name}: {kind.title} (params: {params or 'none'})")


@studies.command("start")
@click.argument("kind")
@click.option("--params", type=JSON_OBJECT, default={}, help="The kind's parameters as JSON.")
@click.option("--wait", is_flag=True, help="Follow the study until it finishes.")
def studies_start(kind: str, params: dict[str, Any], wait: bool) -> None:
    """Start a study of KIND (see `coalign studies kinds`)."""
    with session_open() as session:
        study = session.study_start(kind=kind, params=params)
        click.echo(f"Started study {study.id} ({study.kind}, {study.steps_total} steps).")
        if wait:
            _study_follow(session, study.id)


@studies.command("wait")
@click.argument("study", type=int)
def studies_wait(study: int) -> None:
    """Follow STUDY with a progress bar; exits 1 if it fails or is cancelled."""
    with session_open() as session:
        _study_follow(session, study)


def _study_follow(session: Session, study_id: int) -> None:
    with tqdm(desc=f"study {study_id}", unit="step", file=sys.stderr, disable=None) as bar:

        def show(study: StudyDetail) -> None:
            bar.total = study.steps_total
            bar.n = study.step_index
            bar.set_description(f"study {study_id} {study.status}", refresh=False)
            bar.set_postfix_str(study.message or study.step)

        study = session.study_wait(study_id, on_update=show)
    if study.status != StudyStatusEnum.DONE:
        raise Failure(f"Study {study_id} {study.status}: {study.error or 'no reason given'}")
    click.echo(f"Study {study_id} done; its report: coalign studies report {study_id} -o FILE")


@studies.command("report")
@click.argument("study", type=int)
@click.option("-o", "--output", type=OUTPUT_FILE, required=True, help="The file to write.")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["json", "csv"]),
    help="json (the report with its lineage) or csv (every table); default: from -o's suffix.",
)
def studies_report(study: int, output: Path, file_format: str | None) -> None:
    """Download the report of STUDY."""
    file_format = file_format or ("csv" if output.suffix.lower() == ".csv" else "json")
    with session_open() as session:
        size = session.study_report_download(study=study, file_format=file_format, path=output)
    click.echo(f"Wrote the {file_format} report of study {study} ({size} bytes) to {output}.")
