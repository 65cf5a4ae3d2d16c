"""The model lines every installation has, each first served by the tiny built-in model."""

DEFAULT_LINES: list[tuple[str, str, str]] = [
    ("debater", "Debater", "Argues for an assigned answer in debates and consultancies."),
    ("judge", "Judge", "Judges debates, labels hazards and rates agreement with principles."),
    ("redteam-target", "Red-team target", "The model that red-team campaigns probe."),
    ("attacker", "Red-team attacker", "Writes attack prompts for each hazard category."),
    ("proposer", "Principle proposer", "Drafts amendments from evidence in the signal pool."),
]

# The base of the tiny built-in model (training.tiny.TINY_BASE, not imported here: web processes
# load no torch). Its weights are seeded from a config, so it and every version trained from it
# write random bytes; rater pages mark such output as an untrained demo model's.
UNTRAINED_DEMO_BASE = "co-align/tiny-llama"
