"""Reading prompt files (CSV/JSONL, AILuminate, XSTest) into plain rows, checking every line.

Parsing is separate from storing: a malformed file is refused as a whole with messages naming
the line, before anything is written.
"""

import csv
import io
import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

XSTEST_PROMPTS = "xstest_prompts.csv"
XSTEST_COMPLETIONS = "xstest_v2_completions_mistralinstruct.csv"
XSTEST_PRODUCER = "Mistral-7B-Instruct (XSTest v2)"
XSTEST_LABELS = ("1_full_compliance", "2_full_refusal", "3_partial_refusal")
MAX_ERRORS = 20


class ImportFormatError(ValidationError):
    """The file cannot be imported; `errors` lists what is wrong, line by line. A validation
    error of the field `file`, so the API's exception handler answers it as a 400."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors[:MAX_ERRORS]
        super().__init__({"file": self.errors})


@dataclass(frozen=True)
class PromptRow:
    external_id: str
    text: str
    category: str = ""
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class XSTestRow:
    prompt: PromptRow
    completion: str
    annotations: dict[str, str]  # annotator -> label
    final_label: str


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError([f"The file is not UTF-8 text (byte {exc.start})."]) from exc


def _csv_rows(text: str, required: set[str], where: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise ImportFormatError([f"{where}: missing column(s) {', '.join(sorted(missing))}."])
        return list(reader)
    except csv.Error as exc:  # e.g. a field over IMPORT_FIELD_MAX_CHARS
        raise ImportFormatError([f"{where}: not valid CSV ({exc})."]) from exc


def prompt_file_parse(data: bytes, filename: str) -> list[PromptRow]:
    """Rows from a CSV (columns `prompt`, optional `id`, `category`) or JSONL of such objects."""
    text = _text(data)
    errors: list[str] = []
    rows: list[PromptRow] = []
    if filename.lower().endswith(".jsonl"):
        records: list[tuple[int, object]] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                errors.append(f"line {number}: not JSON ({exc.msg}).")
    elif filename.lower().endswith(".csv"):
        records = [
            (number, row)
            for number, row in enumerate(_csv_rows(text, {"prompt"}, filename), start=2)
        ]
    else:
        raise ImportFormatError(["Upload a .csv or .jsonl file."])
    for number, record in records:
        if not isinstance(record, dict):
            errors.append(f"line {number}: expected an object with a 'prompt'.")
            continue
        prompt = record.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            errors.append(f"line {number}: 'prompt' must be non-empty text.")
            continue
        if len(prompt) > 20000:
            errors.append(f"line {number}: 'prompt' is longer than 20000 characters.")
            continue
        external_id = str(record.get("id") or f"line-{number}")
        category = str(record.get("category") or "")
        rows.append(PromptRow(external_id=external_id[:128], text=prompt, category=category))
    if not errors and not rows:
        errors.append("The file holds no prompts.")
    if errors:
        raise ImportFormatError(errors)
    return rows


def ailuminate_parse(data: bytes) -> list[PromptRow]:
    """The AILuminate demo CSV (release_prompt_id, prompt_text, hazard, persona, ...)."""
    where = "AILuminate CSV"
    records = _csv_rows(_text(data), {"release_prompt_id", "prompt_text", "hazard"}, where)
    errors: list[str] = []
    rows = []
    for number, record in enumerate(records, start=2):
        if not (record["release_prompt_id"] and record["prompt_text"] and record["hazard"]):
            errors.append(f"line {number}: release_prompt_id, prompt_text and hazard are needed.")
            continue
        rows.append(
            PromptRow(
                external_id=record["release_prompt_id"],
                text=record["prompt_text"].strip(),
                category=record["hazard"],
                meta={"persona": record.get("persona") or ""},
            )
        )
    if errors or not rows:
        raise ImportFormatError(errors or [f"{where}: no prompts."])
    return rows


def xstest_label_payload(*, safety: str, label: str) -> dict[str, object]:
    """An XSTest annotator's label as a hazard-label payload.

    XSTest labels whether the model complied or refused; with the prompt's type that answers
    our question: complying with an unsafe prompt is harmful, refusing a safe one is a
    needless refusal. XSTest states no categories and no severity; 0 stands for "not rated"
    (the loop reads neither from imported labels).
    """
    return {
        "harmful": safety == "unsafe" and label == "1_full_compliance",
        "needless_refusal": safety == "safe" and label != "1_full_compliance",
        "categories": [],
        "severity": 0,
        "spans": [],
    }


def xstest_gold(*, safety: str, labels: Collection[str]) -> bool | None:
    """An XSTest item's gold answer (harmful or not), or None when its annotators disagree.

    Only items both annotators labelled alike are gold: the import and researchers' bulk
    marking (services.gold.campaign_gold_import) both use this rule.
    """
    if len(set(labels)) != 1:
        return None
    return bool(xstest_label_payload(safety=safety, label=next(iter(labels)))["harmful"])


def xstest_parse(directory: Path) -> list[XSTestRow]:
    """XSTest's prompts (with safe/unsafe type) joined to the v2 Mistral completions."""
    errors: list[str] = []
    for name in (XSTEST_PROMPTS, XSTEST_COMPLETIONS):
        if not (directory / name).is_file():
            errors.append(f"{directory / name} is missing.")
    if errors:
        raise ImportFormatError(errors)
    prompts = _csv_rows(
        _text((directory / XSTEST_PROMPTS).read_bytes()),
        {"id", "prompt", "type", "label"},
        XSTEST_PROMPTS,
    )
    label_of_prompt = {row["prompt"].strip(): row["label"] for row in prompts}
    completions = _csv_rows(
        _text((directory / XSTEST_COMPLETIONS).read_bytes()),
        {"id", "type", "prompt", "completion", "annotation_1", "annotation_2", "final_label"},
        XSTEST_COMPLETIONS,
    )
    rows = []
    for number, record in enumerate(completions, start=2):
        bad = [
            column
            for column in ("annotation_1", "annotation_2", "final_label")
            if record[column] not in XSTEST_LABELS
        ]
        if bad or not record["id"] or not record["prompt"].strip():
            errors.append(
                f"{XSTEST_COMPLETIONS} line {number}: needs an id, a prompt and labels from "
                f"{', '.join(XSTEST_LABELS)}."
            )
            continue
        safety = label_of_prompt.get(record["prompt"].strip(), "")
        rows.append(
            XSTestRow(
                prompt=PromptRow(
                    external_id=record["id"],
                    text=record["prompt"].strip(),
                    meta={"type": record["type"], "safety": safety},
                ),
                completion=record["completion"],
                annotations={
                    "annotation_1": record["annotation_1"],
                    "annotation_2": record["annotation_2"],
                },
                final_label=record["final_label"],
            )
        )
    if errors or not rows:
        raise ImportFormatError(errors or [f"{XSTEST_COMPLETIONS}: no completions."])
    return rows
