"""Pluralistic reward models: one per group of raters, next to the pooled one.

The groups are the opinion groups a principles round found among its voters (Polis-style,
from their votes), or the raters who share a background field in their consented profiles.
Each group's preference signals make one snapshot (the recipe keeps only its members' signals),
and the members of every group together make the pooled snapshot; the loop trains one reward
model on each, from the same base version. All models then score the pooled snapshot's
held-out pairs (items no model trained on), as they are and under each principle of the
constitution in force (the principle put before the prompt, as recipes conditioned on the
constitution do): the report shows where the group models rank a pair differently, per
principle and per hazard category of the pair's item, and how the pooled model sits between
them (whose ranking it follows on disputed pairs, and whether its margin lies between theirs).

Modules: `params` (what a study may ask for), `groups` (who is in each group), `kind` (the
steps), `scoring` (every model's margins on the held-out pairs) and `report`.
"""
