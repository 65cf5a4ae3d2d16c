"""The study kinds, by name: one line per kind below (the class implementing kinds.base)."""

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string

from annotation.studies.kinds.base import StudyKind

KIND_CLASSES = (
    "annotation.studies.kinds.label_noise.LabelNoise",
    "annotation.studies.kinds.weak_to_strong.WeakToStrong",
    "annotation.studies.kinds.self_enhancement.kind.SelfEnhancement",
    "annotation.studies.kinds.oversight.kind.Oversight",
    "annotation.studies.kinds.pluralistic.kind.Pluralistic",
)


@cache
def kinds_all() -> dict[str, StudyKind]:
    """Every kind by its name, in the order above; the classes load on the first call."""
    kinds: dict[str, StudyKind] = {}
    for path in KIND_CLASSES:
        kind: StudyKind = import_string(path)()
        if kind.name in kinds:
            raise ValueError(f"Two study kinds are called {kind.name!r}.")
        kinds[kind.name] = kind
    return kinds


def kind_get(name: str) -> StudyKind:
    kind = kinds_all().get(name)
    if kind is None:
        raise ValidationError({"kind": f"Choose one of {', '.join(kinds_all())}."})
    return kind
