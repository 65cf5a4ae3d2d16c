"""The contract between the study engine and each kind of study.

A kind declares its typed parameters, a fixed list of steps, what each step does, and how its
report is computed. The engine (annotation/studies/services) runs one step per Celery task and
records progress; a kind never schedules tasks itself.

Rules every kind keeps:
- `step_run` is idempotent: after a worker is killed the same step runs again, so rows it
  creates are found again by a key derived from the study id and step name (idempotency keys
  on signals, get_or_create, or ids already in `study.state`), never created twice.
- Everything trained goes through the platform's own loop: signals in the pool (imported
  sources), snapshots built by recipes, training runs on the gpu queue, versions in the
  registry. Link what a step created to the study (`study.runs`, `study.snapshots`,
  `study.versions`).
- `report` is computed only from what the study stored (its runs, versions, evaluations,
  state), so re-computing it gives the same numbers and a test can check them directly.
- Parameters are a frozen dataclass whose defaults are the smallest size (minutes with the
  tiny model on a CPU); `field(metadata={"help": ...})` documents each field.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from annotation.studies.models import Study


@dataclass(frozen=True)
class Waiting:
    """The step started platform work and must run again once it has finished: the engine
    checks the listed training runs (and calls the step again when none is active, passing
    nothing else), or simply re-runs the step after `poll_s` when `runs` is empty."""

    runs: tuple[int, ...] = ()
    reason: str = ""
    poll_s: float = 2.0


@dataclass(frozen=True)
class StepResult:
    """What a step returns: `state` is merged into `study.state`; `waiting` set means the step
    is not finished and runs again later (its `state` is still merged, so ids are kept)."""

    state: dict[str, Any] = field(default_factory=dict)
    waiting: Waiting | None = None
    # A short line shown as the study's live progress ("trained noise 0.2 on v3").
    message: str = ""


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: list[str]
    rows: list[list[Any]]


@dataclass(frozen=True)
class ReportSeries:
    name: str
    # Each point: {"x": ..., "y": ..., optional "low"/"high" for an interval}.
    points: list[dict[str, Any]]


@dataclass(frozen=True)
class ReportPlot:
    title: str
    kind: str  # "line" | "bar" | "points"
    x_label: str
    y_label: str
    series: list[ReportSeries]


@dataclass(frozen=True)
class Report:
    summary: str
    tables: list[ReportTable] = field(default_factory=list)
    plots: list[ReportPlot] = field(default_factory=list)
    # The numbers behind the tables and plots, keyed for tests and downloads.
    data: dict[str, Any] = field(default_factory=dict)


class StudyKind(Protocol):
    name: str  # "label_noise", as `study_run` and the API take it
    title: str
    description: str
    params_class: type  # a frozen dataclass; see the module docstring

    def steps(self, params: Any) -> list[str]:
        """The step names, in order, for these parameters (fixed when the study is created)."""
        ...

    def step_run(self, study: "Study", params: Any, step: str) -> StepResult:
        """Run one step (idempotent)."""
        ...

    def report(self, study: "Study", params: Any) -> Report:
        """The report, from what the study stored."""
        ...


@runtime_checkable
class ModelSteps(Protocol):
    """Optional, next to StudyKind: a kind whose steps load a model themselves (scoring,
    generation) names those steps, and the engine runs them on the gpu queue, where the
    accelerators are. Other steps run on the default queue; training runs always go to the gpu
    queue through the loop's own tasks."""

    def model_steps(self, params: Any) -> set[str]:
        """The names (among `steps(params)`) of the steps that load a model."""
        ...
