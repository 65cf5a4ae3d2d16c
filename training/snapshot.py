"""Builds a training dataset from supervision signals by a declared recipe, reproducibly.

Plain Python over plain records, so the same recipe over the same signals gives the same rows
and the same content hash wherever it runs. Steps, in order: keep the recipe's kinds and time
window; measure agreement per item and quality per rater and drop what falls below the
recipe's floors; drop duplicates; mix the sources by the recipe's weights; split by item.

Agreement is measured on what a signal chose (its `choice` key: which side or answer, never
the free text), one vote per rater and question, or given by the kind's conversion (labels:
the Dawid-Skene posterior). A rater's quality is what an activity measured (gold accuracy,
Dawid-Skene) when the candidate carries it, else the share of their choices that match
majorities; with `weight_by_quality` every row carries it as `weight`.
"""

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Format = Literal["sft", "preference", "binary_qa"]
MixBy = Literal["source", "model_version", "rater_background"]


@dataclass(frozen=True)
class DatasetRecipe:
    kinds: tuple[str, ...] = field(metadata={"help": "Signal kinds to read."})
    format: Format = field(default="preference", metadata={"help": "Rows to produce."})
    since: str | None = field(default=None, metadata={"help": "ISO time, inclusive."})
    until: str | None = field(default=None, metadata={"help": "ISO time, exclusive."})
    mix_by: MixBy = field(default="source", metadata={"help": "How sources are grouped."})
    weights: dict[str, float] = field(
        default_factory=dict,
        metadata={"help": "Group -> weight; empty takes every group as it comes."},
    )
    min_agreement: float = field(
        default=0.0, metadata={"help": "Drop items whose majority share is below this."}
    )
    min_reliability: float = field(
        default=0.0, metadata={"help": "Drop raters who agree with majorities less than this."}
    )
    dedupe: bool = field(default=True, metadata={"help": "Keep one copy of identical rows."})
    eval_fraction: float = field(default=0.2, metadata={"help": "Share of items held out."})
    max_examples: int | None = field(default=None, metadata={"help": "Cap before splitting."})
    seed: int = field(default=0, metadata={"help": "Seed of the split and the mixing order."})
    weight_by_quality: bool = field(
        default=False,
        metadata={
            "help": "Give every row a `weight` column: its rater's measured quality (1.0 when "
            "unmeasured), so training weights examples instead of only dropping them."
        },
    )
    equal_raters: bool = field(
        default=False,
        metadata={
            "help": "An ablation for studies: count every rater the same everywhere. Labels "
            "aggregate by plain majority (no Dawid-Skene, no gold answers revealing who labels "
            "well), no rater is measured, weighted or dropped for quality."
        },
    )
    raters: tuple[str, ...] = field(
        default=(),
        metadata={
            "help": "Keep only these raters' signals (Signal.rater keys, e.g. user:12), such as "
            "one opinion group's members; empty keeps every rater."
        },
    )
    system: str = field(
        default="",
        metadata={
            "help": "Text put before every prompt, as a system message (e.g. the constitution "
            "the examples are conditioned on); stored here so rebuilding gives the same rows."
        },
    )

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        if not self.kinds:
            errors["kinds"] = "Name at least one signal kind."
        if self.format not in ("sft", "preference", "binary_qa"):
            errors["format"] = "Choose sft, preference or binary_qa."
        if self.mix_by not in ("source", "model_version", "rater_background"):
            errors["mix_by"] = "Choose source, model_version or rater_background."
        if any(w < 0 for w in self.weights.values()):
            errors["weights"] = "Weights must not be negative."
        elif self.weights and sum(self.weights.values()) <= 0:
            errors["weights"] = "At least one weight must be positive."
        if not 0.0 <= self.eval_fraction < 1.0:
            errors["eval_fraction"] = "Give a fraction from 0 up to (not including) 1."
        for name in ("min_agreement", "min_reliability"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                errors[name] = "Give a fraction from 0 to 1."
        for name in ("weight_by_quality", "equal_raters"):
            if not isinstance(getattr(self, name), bool):
                errors[name] = "Give true or false."
        if self.equal_raters and self.weight_by_quality:
            errors["equal_raters"] = "Equal raters measure no quality to weight by: choose one."
        if self.equal_raters and self.min_reliability > 0:
            errors["equal_raters"] = "Equal raters measure no reliability to floor: choose one."
        if not all(isinstance(r, str) and r for r in self.raters):
            errors["raters"] = "Give rater keys such as user:12."
        if self.max_examples is not None and self.max_examples < 1:
            errors["max_examples"] = "Give a positive number or leave it empty."
        if errors:
            raise RecipeError(errors)

    def canonical(self) -> dict[str, Any]:
        data = asdict(self)
        data["kinds"] = sorted(self.kinds)
        data["weights"] = dict(sorted(self.weights.items()))
        if not self.system:
            # Recipes from before conditioning existed keep their hashes.
            del data["system"]
        if not self.weight_by_quality:
            # Likewise for recipes from before quality weighting.
            del data["weight_by_quality"]
        if not self.equal_raters:
            del data["equal_raters"]
        if self.raters:
            data["raters"] = sorted(self.raters)
        else:
            # Likewise for recipes from before rater filters.
            del data["raters"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DatasetRecipe":
        known = {f for f in cls.__dataclass_fields__}
        unknown = sorted(set(data) - known)
        if unknown:
            raise RecipeError({name: "Unknown recipe field." for name in unknown})
        values = dict(data)
        for name in ("kinds", "raters"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


class RecipeError(ValueError):
    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(str(fields))
        self.fields = fields


@dataclass(frozen=True)
class Candidate:
    """One signal turned into example material by its kind's conversion.

    A pair (chosen and rejected set) or a demonstration (completion set). `groups` holds the
    signal's group under each way of mixing; `rater` identifies who gave it (for reliability).
    `question` and `choice` say what the rater decided about the item: raters who answered the
    same question of the same item agree when their choice keys are equal. `agreement`, when
    set, is the item's agreement as the kind measures it (it then takes no part in the majority
    count); `weight` is the rater's quality as an activity measured it (None: unmeasured).
    """

    signal_id: int
    item: str
    rater: str
    groups: dict[str, str]
    created_at: str
    prompt: str
    chosen: str = ""
    rejected: str = ""
    completion: str = ""
    question: str = ""
    choice: str = ""
    agreement: float | None = None
    weight: float | None = None

    @property
    def is_pair(self) -> bool:
        return bool(self.chosen and self.rejected)


@dataclass
class Snapshot:
    recipe: DatasetRecipe
    train: list[dict[str, Any]]
    eval: list[dict[str, Any]]
    signal_ids: list[int]
    mix: dict[str, float]
    counts: dict[str, int]
    content_hash: str


def snapshot_build(recipe: DatasetRecipe, candidates: Iterable[Candidate]) -> Snapshot:
    raters = set(recipe.raters)
    pool = sorted(
        (c for c in candidates if _in_window(c, recipe) and (not raters or c.rater in raters)),
        key=lambda c: c.signal_id,
    )
    counts: Counter[str] = Counter(read=len(pool))
    usable = [c for c in pool if c.is_pair or (recipe.format == "sft" and c.completion)]
    counts["unusable"] = len(pool) - len(usable)

    agreement, reliability = agreement_and_reliability(usable)
    if recipe.equal_raters:
        reliability = {}

    def quality(c: Candidate) -> float | None:
        return c.weight if c.weight is not None else reliability.get(c.rater)

    # Unmeasured raters are not removed by the floor.
    kept = [
        c
        for c in usable
        if _agreement_of(c, agreement) >= recipe.min_agreement
        and (q if (q := quality(c)) is not None else 1.0) >= recipe.min_reliability
    ]
    counts["low_agreement_or_reliability"] = len(usable) - len(kept)

    if recipe.dedupe:
        seen: set[tuple[str, ...]] = set()
        unique = []
        for c in kept:
            key = tuple(" ".join(t.split()) for t in (c.prompt, c.chosen, c.rejected, c.completion))
            if key not in seen:
                seen.add(key)
                unique.append(c)
        counts["duplicates"] = len(kept) - len(unique)
        kept = unique

    mixed = _mix(kept, recipe)
    counts["mixed_out"] = len(kept) - len(mixed)
    group_counts = Counter(c.groups[recipe.mix_by] for c in mixed)
    mix = {g: n / len(mixed) for g, n in sorted(group_counts.items())} if mixed else {}

    train: list[dict[str, Any]] = []
    held_out: list[dict[str, Any]] = []
    for c in sorted(mixed, key=lambda c: c.signal_id):
        rows = _rows(c, recipe)
        if recipe.weight_by_quality:
            measured = quality(c)
            # Rounded so that a last-bit difference in an estimate does not change the hash.
            weight = round(max(MIN_WEIGHT, measured), 4) if measured is not None else 1.0
            rows = [{**row, "weight": weight} for row in rows]
        (held_out if _is_eval(c.item, recipe) else train).extend(rows)
    counts["train"], counts["eval"] = len(train), len(held_out)
    signal_ids = sorted(c.signal_id for c in mixed)
    content = {"recipe": recipe.canonical(), "train": train, "eval": held_out}
    digest = hashlib.sha256(_canonical_json(content).encode()).hexdigest()
    return Snapshot(recipe, train, held_out, signal_ids, mix, dict(counts), digest)


# Rows of a rater measured as worthless keep a small weight: `weight` must stay positive.
MIN_WEIGHT = 0.01


def _agreement_of(c: Candidate, measured: dict[tuple[str, str], float]) -> float:
    if c.agreement is not None:
        return c.agreement
    return measured.get((c.item, c.question), 1.0)


def agreement_and_reliability(
    candidates: Sequence[Candidate],
) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """Majority share per (item, question), and per rater the share of their votes that match
    majorities.

    A rater votes once per question of an item, with the choice key of their first candidate
    there (a two-round debate judgement is one vote, not two). Candidates whose kind measured
    agreement itself, or that carry no choice, do not vote. Items with one vote and raters who
    never share a question with someone else are not measured, so no floor removes them.
    """
    votes: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for c in candidates:
        if c.choice and c.agreement is None:
            votes[(c.item, c.question)].setdefault(c.rater, c.choice)
    agreement: dict[tuple[str, str], float] = {}
    matches: dict[str, list[bool]] = defaultdict(list)
    for key, by_rater in votes.items():
        if len(by_rater) < 2:
            continue
        tally = Counter(by_rater.values())
        (top, top_n), *rest = tally.most_common()
        agreement[key] = top_n / len(by_rater)
        tied = bool(rest) and rest[0][1] == top_n
        for rater, choice in by_rater.items():
            matches[rater].append(not tied and choice == top)
    reliability = {rater: sum(m) / len(m) for rater, m in matches.items()}
    return agreement, reliability


def _in_window(c: Candidate, recipe: DatasetRecipe) -> bool:
    # ISO-8601 times in one timezone compare correctly as strings; callers pass UTC.
    if recipe.since and c.created_at < recipe.since:
        return False
    return not (recipe.until and c.created_at >= recipe.until)


def _order_key(seed: int, text: str) -> str:
    return hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


def _is_eval(item: str, recipe: DatasetRecipe) -> bool:
    """Every row of an item falls on the same side, so no item leaks from train into eval."""
    bucket = int(_order_key(recipe.seed, "split:" + item)[:8], 16) / 0xFFFFFFFF
    return bucket < recipe.eval_fraction


def _mix(candidates: list[Candidate], recipe: DatasetRecipe) -> list[Candidate]:
    """Take the largest set whose group shares match the weights, in a seeded order.

    Groups without a weight are left out when weights are given; the scarcest group (relative
    to its weight) sets the total.
    """
    by_group: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(candidates, key=lambda c: _order_key(recipe.seed, str(c.signal_id))):
        by_group[c.groups[recipe.mix_by]].append(c)
    if not recipe.weights:
        chosen = [c for group in by_group.values() for c in group]
    else:
        total_weight = sum(recipe.weights.values())
        shares = {g: w / total_weight for g, w in recipe.weights.items() if w > 0}
        total = min(len(by_group.get(g, [])) / s for g, s in shares.items())
        if recipe.max_examples is not None:
            total = min(total, recipe.max_examples)
        chosen = [c for g, s in shares.items() for c in by_group.get(g, [])[: int(total * s)]]
    if recipe.max_examples is not None:
        chosen = sorted(chosen, key=lambda c: _order_key(recipe.seed, str(c.signal_id)))
        chosen = chosen[: recipe.max_examples]
    return chosen


def _rows(c: Candidate, recipe: DatasetRecipe) -> list[dict[str, Any]]:
    meta = {"signal_id": c.signal_id, "item": c.item}
    # A plain-text prefix rather than a chat template, which small base models lack.
    prompt = f"{recipe.system}\n\n{c.prompt}" if recipe.system else c.prompt
    if recipe.format == "preference":
        return [{"prompt": prompt, "chosen": c.chosen, "rejected": c.rejected, **meta}]
    if recipe.format == "sft":
        completion = c.completion or c.chosen
        return [{"prompt": prompt, "completion": completion, **meta}]
    # Binary QA as in weak-to-strong experiments: is this answer to the question the good one?
    return [
        {"question": prompt, "answer": c.chosen, "label": True, **meta},
        {"question": prompt, "answer": c.rejected, "label": False, **meta},
    ]


def _canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def snapshot_write_jsonl(snapshot: Snapshot, folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split, rows in (("train", snapshot.train), ("eval", snapshot.eval)):
        path = folder / f"{split}.jsonl"
        path.write_text("".join(_canonical_json(r) + "\n" for r in rows), encoding="utf-8")
        paths[split] = path
    return paths


def snapshot_export_hf(snapshot: Snapshot, folder: Path, *, licence_notes: str) -> Path:
    """A `datasets` folder (DatasetDict.save_to_disk) with a README.md dataset card."""
    from datasets import Dataset, DatasetDict

    splits = {
        name: Dataset.from_list(rows)
        for name, rows in (("train", snapshot.train), ("eval", snapshot.eval))
        if rows
    }
    DatasetDict(splits).save_to_disk(str(folder))
    (folder / "README.md").write_text(dataset_card(snapshot, licence_notes), encoding="utf-8")
    return folder


def dataset_card(snapshot: Snapshot, licence_notes: str) -> str:
    mix = "\n".join(f"| {g} | {share:.3f} |" for g, share in snapshot.mix.items())
    counts = "\n".join(f"| {k} | {v} |" for k, v in sorted(snapshot.counts.items()))
    return (
        f"# Co-Align dataset snapshot {snapshot.content_hash[:12]}\n\n"
        f"Content hash (sha256 of recipe and rows): `{snapshot.content_hash}`\n\n"
        f"Format: {snapshot.recipe.format}. Signals used: {len(snapshot.signal_ids)}.\n\n"
        "## Recipe\n\n```json\n"
        f"{json.dumps(snapshot.recipe.canonical(), indent=2, sort_keys=True)}\n```\n\n"
        f"## Counts\n\n| step | rows |\n| --- | --- |\n{counts}\n\n"
        f"## Achieved mix (by {snapshot.recipe.mix_by})\n\n| group | share |\n| --- | --- |\n"
        f"{mix}\n\n## Licence notes\n\n{licence_notes}\n"
    )
