"""One module per training method: a typed config dataclass and one linear `run(cfg)`."""
