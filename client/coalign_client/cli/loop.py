"""`coalign runs` and `coalign snapshots` (the retraining loop)."""

import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from coalign_client.cli.common import JSON_OBJECT, OUTPUT_FILE, Failure, Group, choice, session_open
from coalign_client.generated.models import RecipeEnum, Run, RunStatusEnum, SnapshotStatusEnum
from coalign_client.session import Session


@click.group(cls=Group)
def runs() -> None:
    """Training runs of the retraining loop."""


@runs.command("start")
@click.option("--line", required=True, help="The model line to train.")
@click.option("--recipe", type=choice(RecipeEnum), required=True)
@click.option("--snapshot", type=int, help="Train on this dataset snapshot (id) ...")
@click.option(
    "--dataset-recipe",
    type=JSON_OBJECT,
    help='... or on one built now, e.g. \'{"kinds": ["preference"]}\'.',
)
@click.option("--config", type=JSON_OBJECT, help="Recipe settings, e.g. '{\"max_steps\": 20}'.")
@click.option("--base-version", type=int, help="Start from this version (default: the published).")
@click.option(
    "--auto-publish", is_flag=True, help="Publish the new version if it passes the gates."
)
@click.option("--wait", is_flag=True, help="Follow the run until it finishes.")
def runs_start(
    line: str,
    recipe: str,
    snapshot: int | None,
    dataset_recipe: dict[str, Any] | None,
    config: dict[str, Any] | None,
    base_version: int | None,
    auto_publish: bool,
    wait: bool,
) -> None:
    """Start a training run."""
    with session_open() as session:
        run = session.run_start(
            line=line,
            recipe=recipe,
            snapshot=snapshot,
            dataset_recipe=dataset_recipe,
            config=config,
            base_version=base_version,
            auto_publish=auto_publish,
        )
        click.echo(f"Started run {run.id} ({run.status}).")
        if wait:
            _run_follow(session, run.id)


@runs.command("wait")
@click.argument("run", type=int)
def runs_wait(run: int) -> None:
    """Follow RUN with a progress bar; exits 1 if it fails or is cancelled."""
    with session_open() as session:
        _run_follow(session, run)


def _run_follow(session: Session, run_id: int) -> None:
    # disable=None: no bar where stderr is not a terminal (a CI log); the last line still says.
    with tqdm(desc=f"run {run_id}", unit="step", file=sys.stderr, disable=None) as bar:

        def show(run: Run) -> None:
            if run.total_steps and bar.total != run.total_steps:
                bar.total = run.total_steps
            bar.n = run.step
            bar.set_description(f"run {run_id} {run.status}", refresh=False)
            bar.set_postfix_str(f"loss {run.loss:.4f}" if run.loss is not None else "")

        run = session.run_wait(run_id, on_update=show)
    if run.status != RunStatusEnum.DONE:
        why = run.error or run.cancel_reason or "no reason given"
        raise Failure(f"Run {run_id} {run.status}: {why}")
    made = f"model version {run.version_number}" if run.version is not None else "no version"
    click.echo(f"Run {run_id} done: {made}.")


@click.group(cls=Group)
def snapshots() -> None:
    """Dataset snapshots (the exact data a run trained on)."""


@snapshots.command("download")
@click.argument("snapshot", type=int)
@click.option("-o", "--output", type=OUTPUT_FILE, required=True, help="The JSONL file to write.")
@click.option("--split", type=click.Choice(["train", "eval"]), default="train", show_default=True)
def snapshots_download(snapshot: int, output: Path, split: str) -> None:
    """Download one split of SNAPSHOT, waiting for it to be built if it is still building."""
    with session_open() as session:
        detail = session.snapshot_get(snapshot)
        if detail.status == SnapshotStatusEnum.BUILDING:
            click.echo(f"Snapshot {snapshot} is building; waiting for it.", err=True)
            detail = session.snapshot_wait(snapshot)
        if detail.status != SnapshotStatusEnum.READY:
            raise Failure(
                f"Snapshot {snapshot} {detail.status}: {detail.error or 'no reason given'}"
            )
        size = session.snapshot_download(snapshot=snapshot, split=split, path=output)
    click.echo(f"Wrote the {split} split of snapshot {snapshot} ({size} bytes) to {output}.")
