"""`coalign questions` and `coalign debates`."""

from pathlib import Path

import click

from coalign_client.cli.common import INPUT_FILE, Group, choice, session_open
from coalign_client.generated.models import ProtocolEnum


@click.group(cls=Group)
def questions() -> None:
    """Debate questions."""


@questions.command("import")
@click.argument("file", type=INPUT_FILE)
@click.option("--dataset", help="Where the questions come from (default: the file's name).")
@click.option("--name", help="The question set's name.")
@click.option("--split", help="The dataset's split, e.g. test.")
def questions_import(file: Path, dataset: str | None, name: str | None, split: str | None) -> None:
    """Import a question set from a CSV or JSONL FILE."""
    with session_open() as session:
        imported = session.question_set_import(
            path=file, dataset=dataset or file.stem, name=name, split=split
        )
    click.echo(f"Imported question set {imported.id} ({imported.questions} questions) from {file}.")


@click.group(cls=Group)
def debates() -> None:
    """Debates between models (or people) for judges to rate."""


@debates.command("start")
@click.option("--question", "question_ids", type=int, multiple=True, help="A question's id.")
@click.option("--question-set", type=int, help="Start one debate per question of this set.")
@click.option("--protocol", type=choice(ProtocolEnum), default="debate", show_default=True)
@click.option("--debater", "debaters", multiple=True, help="A debater's model line (repeat).")
@click.option("--rounds", type=int, help="Rounds written now.")
@click.option("--judges", type=int, help="Human judges wanted per debate.")
def debates_start(
    question_ids: tuple[int, ...],
    question_set: int | None,
    protocol: str,
    debaters: tuple[str, ...],
    rounds: int | None,
    judges: int | None,
) -> None:
    """Start debates on questions given by id or by set."""
    if not question_ids and question_set is None:
        raise click.UsageError("Give --question ID (repeatable) or --question-set ID.")
    with session_open() as session:
        ids = list(question_ids)
        if question_set is not None:
            ids += [question.id for question in session.questions_list(question_set=question_set)]
        for question in ids:
            debate = session.debate_start(
                question=question,
                protocol=protocol,
                debaters=[{"line": line} for line in debaters] or None,
                rounds=rounds,
                judges_wanted=judges,
            )
            click.echo(f"Started debate {debate.id} on question {question}.")
