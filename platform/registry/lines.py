"""The model lines every installation has, each first served by the tiny built-in model."""

DEFAULT_LINES: list[tuple[str, str, str]] = [
    ("debater", "Debater", "Argues for an assigned answer in debates and consultancies."),
    ("judge", "Judge", "Judges debates, labels hazards and rates agreement with principles."),
    ("redteam-target", "Red-team target", "The model that red-team campaigns probe."),
    ("attacker", "Red-team attacker", "Writes attack prompts for each hazard category."),
    ("proposer", "Principle proposer", "Drafts amendments from evidence in the signal pool."),
]
