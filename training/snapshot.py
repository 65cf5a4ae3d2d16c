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

The build reads its candidates once, as a stream (`snapshot_write`): a usable candidate's rows
go to a spool file as it arrives and only small keys stay in memory, so a million signals are
never held as objects or texts; `snapshot_build` is the same build with the rows read back.
"""

import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

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
    min_trust: float = field(
        default=0.0,
        metadata={
            "help": "Drop raters whose trust score (per activity, computed periodically: gold "
            "accuracy, agreement, share of too-fast submissions) is below this; raters with no "
            "score are kept."
        },
    )
    weight_by_trust: bool = field(
        default=False,
        metadata={
            "help": "Give every row a `weight` column of its rater's trust score (1.0 without "
            "one); with weight_by_quality the two multiply."
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
        for name in ("min_agreement", "min_reliability", "min_trust"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                errors[name] = "Give a fraction from 0 to 1."
        for name in ("weight_by_quality", "equal_raters", "weight_by_trust"):
            if not isinstance(getattr(self, name), bool):
                errors[name] = "Give true or false."
        if self.equal_raters and self.weight_by_quality:
            errors["equal_raters"] = "Equal raters measure no quality to weight by: choose one."
        if self.equal_raters and self.min_reliability > 0:
            errors["equal_raters"] = "Equal raters measure no reliability to floor: choose one."
        if self.equal_raters and (self.min_trust > 0 or self.weight_by_trust):
            errors["equal_raters"] = "Equal raters are not floored or weighted by trust."
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
        # Likewise for recipes from before trust scores.
        if not self.min_trust:
            del data["min_trust"]
        if not self.weight_by_trust:
            del data["weight_by_trust"]
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
    count); `weight` is the rater's quality as an activity measured it (None: unmeasured);
    `trust` is the rater's trust score in the activity that gave the signal (None: none yet),
    set only when the recipe floors or weights by trust.
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
    trust: float | None = None

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
    """The snapshot with its rows in memory, for small pools (tests, exports): the same build
    as `snapshot_write`, whose files it reads back."""
    with tempfile.TemporaryDirectory() as tmp:
        written = snapshot_write(recipe, candidates, Path(tmp))
        train, held_out = (
            # Split on "\n" only: rows hold other line separators (U+2028) unescaped.
            [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")[:-1]]
            for path in (written.folder / "train.jsonl", written.folder / "eval.jsonl")
        )
    return Snapshot(
        recipe,
        train,
        held_out,
        written.signal_ids,
        written.mix,
        written.counts,
        written.content_hash,
    )


@dataclass(frozen=True)
class SnapshotFiles:
    """A snapshot written to `folder` (train.jsonl, eval.jsonl): what its record stores."""

    folder: Path
    content_hash: str
    signal_ids: list[int]
    mix: dict[str, float]
    counts: dict[str, int]


@dataclass(slots=True)
class _Kept:
    """What the steps need of one usable candidate; its rows wait in the spool file at
    [start, end). Texts are not kept: `texts` is a digest of them for dropping duplicates, and
    the item and choice keys only when agreement is measured."""

    signal_id: int
    held_out: bool
    item: str
    rater: str
    group: str
    question: str
    choice: str
    agreement: float | None
    weight: float | None
    trust: float | None
    texts: bytes
    start: int
    end: int


def snapshot_write(
    recipe: DatasetRecipe, candidates: Iterable[Candidate], parent: Path
) -> SnapshotFiles:
    """Build the snapshot into parent/<content hash>/, reading the candidates once.

    Memory stays small whatever the pool's size: each usable candidate's rows are encoded as it
    arrives and spooled to a file, and only what the steps need (ids, item, rater, group, choice
    keys, a digest of the texts) stays in memory. The kept rows are then copied from the spool
    in signal order into train.jsonl and eval.jsonl, and the content hash is taken over those
    files, so it is the hash of the canonical JSON of {"recipe", "train", "eval"} as before.
    Candidates may come kind by kind; the steps see them in signal order.
    """
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=parent))
    try:
        with (work / "rows.spool").open("w+b") as spool:
            kept, counts = _spooled(recipe, candidates, spool)
            usable = len(kept)
            # Agreement and reliability only change rows when a floor or a weight reads them:
            # measured values lie in [0, 1], so zero floors keep every candidate anyway.
            votes = recipe.min_agreement > 0 or _measures_reliability(recipe)
            agreement, reliability = agreement_and_reliability(kept) if votes else ({}, {})
            if recipe.equal_raters:
                reliability = {}

            def quality(k: _Kept) -> float | None:
                return k.weight if k.weight is not None else reliability.get(k.rater)

            # Unmeasured raters are not removed by the floor.
            kept = [
                k
                for k in kept
                if _agreement_of(k, agreement) >= recipe.min_agreement
                and (q if (q := quality(k)) is not None else 1.0) >= recipe.min_reliability
            ]
            counts["low_agreement_or_reliability"] = usable - len(kept)
            if recipe.min_trust > 0:
                # Like reliability, a rater with no trust score yet is not removed by the floor.
                trusted = [k for k in kept if k.trust is None or k.trust >= recipe.min_trust]
                counts["low_trust"] = len(kept) - len(trusted)
                kept = trusted

            if recipe.dedupe:
                seen: set[bytes] = set()
                unique = []
                for k in kept:
                    if k.texts not in seen:
                        seen.add(k.texts)
                        unique.append(k)
                counts["duplicates"] = len(kept) - len(unique)
                kept = unique

            mixed = _mix(kept, recipe)
            counts["mixed_out"] = len(kept) - len(mixed)
            group_counts = Counter(k.group for k in mixed)
            mix = {g: n / len(mixed) for g, n in sorted(group_counts.items())} if mixed else {}

            def weight(k: _Kept) -> float:
                measured = quality(k) if recipe.weight_by_quality else None
                value = measured if measured is not None else 1.0
                if recipe.weight_by_trust and k.trust is not None:
                    value *= k.trust
                # Rounded so that a last-bit difference in an estimate does not change the hash.
                return round(max(MIN_WEIGHT, value), 4)

            weighted = recipe.weight_by_quality or recipe.weight_by_trust
            spool.flush()
            # Read back with pread rather than a memory map, whose pages would count as ours.
            fd = spool.fileno()
            counts["train"] = counts["eval"] = 0
            with (work / "train.jsonl").open("wb") as train, (work / "eval.jsonl").open("wb") as ev:
                for k in sorted(mixed, key=_signal_id):
                    lines = os.pread(fd, k.end - k.start, k.start)
                    if weighted:
                        # `weight` sorts after every key _rows gives, so canonical JSON puts it
                        # last; a row's only "}\n" is its end (JSON escapes newlines in text).
                        lines = lines.replace(b"}\n", b',"weight":%s}\n' % _dumps(weight(k)))
                    (ev if k.held_out else train).write(lines)
                    counts["eval" if k.held_out else "train"] += lines.count(b"\n")
        content_hash = _files_hash(recipe, work / "eval.jsonl", work / "train.jsonl")
        folder = parent / content_hash
        folder.mkdir(exist_ok=True)
        # A rebuild writes the same bytes; replacing file by file never shows half a file.
        for name in ("train.jsonl", "eval.jsonl"):
            (work / name).replace(folder / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    signal_ids = sorted(k.signal_id for k in mixed)
    return SnapshotFiles(folder, content_hash, signal_ids, mix, dict(counts))


def _spooled(
    recipe: DatasetRecipe, candidates: Iterable[Candidate], spool: BinaryIO
) -> tuple[list[_Kept], Counter[str]]:
    """The usable candidates in the window (of the recipe's raters), their rows spooled."""
    raters = set(recipe.raters)
    votes = recipe.min_agreement > 0 or _measures_reliability(recipe)
    # One string object per rater and group, however many candidates share it.
    names: dict[str, str] = {}
    kept: list[_Kept] = []
    read = offset = 0
    for c in candidates:
        if not _in_window(c, recipe) or (raters and c.rater not in raters):
            continue
        read += 1
        if not (c.is_pair or (recipe.format == "sft" and c.completion)):
            continue
        lines = "".join([_canonical_json(row) + "\n" for row in _rows(c, recipe)]).encode()
        spool.write(lines)
        group = c.groups[recipe.mix_by]
        kept.append(
            _Kept(
                c.signal_id,
                _is_eval(c.item, recipe),
                c.item if votes else "",
                names.setdefault(c.rater, c.rater),
                names.setdefault(group, group),
                c.question if votes else "",
                c.choice if votes else "",
                c.agreement,
                c.weight,
                c.trust,
                _texts_digest(c) if recipe.dedupe else b"",
                offset,
                offset + len(lines),
            )
        )
        offset += len(lines)
    counts: Counter[str] = Counter(read=read)
    counts["unusable"] = read - len(kept)
    # Stable, as sorting the candidates was: a signal's candidates keep their order.
    kept.sort(key=_signal_id)
    return kept, counts


def _measures_reliability(recipe: DatasetRecipe) -> bool:
    return not recipe.equal_raters and (recipe.min_reliability > 0 or recipe.weight_by_quality)


def _signal_id(k: _Kept) -> int:
    return k.signal_id


def normalised(text: str) -> str:
    """The text with every run of whitespace made one space and none at the ends: texts that
    differ only in spacing are the same text (duplicates, choice keys, harmful replies)."""
    # Most texts are normal already. Every whitespace character but the space is unprintable,
    # so isprintable() rules them out without splitting the text into words.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


@functools.lru_cache(maxsize=64)
def text_digest(text: str) -> bytes:
    """sha256 of the normalised text, remembered for the last few texts: a conversion keys a
    candidate by its texts (loop.providers.text_key) just before the build compares the same
    texts for duplicates."""
    return hashlib.sha256(normalised(text).encode()).digest()


def _texts_digest(c: Candidate) -> bytes:
    """Equal for two candidates exactly when their four texts are equal once normalised."""
    texts = (c.prompt, c.chosen, c.rejected, c.completion)
    return hashlib.sha256(b"".join([text_digest(t) for t in texts])).digest()[:16]


def _files_hash(recipe: DatasetRecipe, eval_path: Path, train_path: Path) -> str:
    """sha256 of the canonical JSON of {"eval": rows, "recipe": ..., "train": rows}.

    A JSONL file is the list's JSON with "\n" for the commas between rows (no row holds a raw
    newline), so the hash is taken over the files a block at a time.
    """
    digest = hashlib.sha256(b'{"eval":[')
    _hash_rows(digest.update, eval_path)
    digest.update(b'],"recipe":%s,"train":[' % _canonical_json(recipe.canonical()).encode())
    _hash_rows(digest.update, train_path)
    digest.update(b"]}")
    return digest.hexdigest()


def _hash_rows(update: Callable[[bytes], object], path: Path) -> None:
    with path.open("rb") as rows:
        last = b""
        while block := rows.read(1 << 20):
            update(last)
            joined = block.replace(b"\n", b",")
            update(joined[:-1])
            last = joined[-1:]
    # `last` is now the comma after the final row: left out.


# Rows of a rater measured as worthless keep a small weight: `weight` must stay positive.
MIN_WEIGHT = 0.01


def _agreement_of(c: _Kept, measured: dict[tuple[str, str], float]) -> float:
    if c.agreement is not None:
        return c.agreement
    return measured.get((c.item, c.question), 1.0)


def agreement_and_reliability(
    candidates: Sequence[_Kept],
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


def _mix(kept: list[_Kept], recipe: DatasetRecipe) -> list[_Kept]:
    """Take the largest set whose group shares match the weights, in a seeded order.

    Groups without a weight are left out when weights are given; the scarcest group (relative
    to its weight) sets the total. Without weights or a cap every candidate stays, and the
    seeded order would change nothing: rows are written in signal order.
    """
    if not recipe.weights and recipe.max_examples is None:
        return kept
    by_group: dict[str, list[_Kept]] = defaultdict(list)
    for k in sorted(kept, key=lambda k: _order_key(recipe.seed, str(k.signal_id))):
        by_group[k.group].append(k)
    if not recipe.weights:
        chosen = [k for group in by_group.values() for k in group]
    else:
        total_weight = sum(recipe.weights.values())
        shares = {g: w / total_weight for g, w in recipe.weights.items() if w > 0}
        total = min(len(by_group.get(g, [])) / s for g, s in shares.items())
        if recipe.max_examples is not None:
            total = min(total, recipe.max_examples)
        chosen = [k for g, s in shares.items() for k in by_group.get(g, [])[: int(total * s)]]
    if recipe.max_examples is not None:
        chosen = sorted(chosen, key=lambda k: _order_key(recipe.seed, str(k.signal_id)))
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


# json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")), made once.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_canonical_json = _ENCODER.encode


def _dumps(value: Any) -> bytes:
    return _ENCODER.encode(value).encode()


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
