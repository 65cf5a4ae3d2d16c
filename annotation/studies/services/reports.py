"""A study's report as stored (JSON) and as downloaded (JSON with the study's lineage, CSV)."""

import csv
import dataclasses
import io
import json
from typing import Any

from annotation.studies.kinds.base import Report
from annotation.studies.models import Study


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON, for `Study.report`."""
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(report)))
    return data


def study_lineage(study: Study) -> dict[str, Any]:
    """What the report rests on: the parameters, the code and every row the study created."""
    return {
        "study": study.pk,
        "kind": study.kind,
        "params": study.params,
        "code_version": study.code_version,
        "status": study.status,
        "finished_at": study.finished_at.isoformat() if study.finished_at else None,
        "snapshots": {s.pk: s.content_hash for s in study.snapshots.order_by("pk")},
        "runs": list(study.runs.order_by("pk").values_list("pk", flat=True)),
        "versions": {v.pk: str(v) for v in study.versions.select_related("line").order_by("pk")},
    }


def report_download(study: Study) -> dict[str, Any]:
    return {**study_lineage(study), "report": study.report}


def report_csv(study: Study) -> str:
    """One CSV: the study's lineage as key/value rows, then each table under its title, a blank
    row between sections."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"Study #{study.pk}: {study.kind}"])
    for key, value in study_lineage(study).items():
        writer.writerow([key, json.dumps(value) if isinstance(value, dict | list) else value])
    for table in (study.report or {}).get("tables", []):
        writer.writerow([])
        writer.writerow([table["title"]])
        writer.writerow(table["columns"])
        writer.writerows(table["rows"])
    return out.getvalue()
