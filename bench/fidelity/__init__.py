"""The signal-fidelity study's scenarios: rater behaviour, one loop iteration, measurement.

Used by bench/signal_fidelity.py (which starts the server and the worker) and by
tests/loop/test_signal_fidelity.py (whose fixtures start them). Import it after django.setup().

Each scenario is a fresh, isolated state: its own model line (a version 1 built from the tiny
model), its own campaign, rater accounts and time window, so the snapshot of one scenario holds
none of another's signals. Three parts, kept apart:

- setup (`hazards.hazard_setup`, `debates.debate_setup`): what a researcher prepares and has no
  HTTP endpoint: the line, the campaign with the responses to label (an import), which of them
  are gold items, the accounts;
- rater behaviour (`hazards.Behaviour` functions): what each simulated rater answers about an
  item, given what the item really is; the raters then work through the HTTP API;
- measurement (`iteration.loop_iteration`, `hazards.truth_measure`): one loop iteration started
  and followed as an admin through the HTTP API (the real worker trains, evaluates and applies
  the gates), then the parent and the new version scored on held-out red-team prompts the
  raters never saw.

`common` holds what every scenario shares: sizes, accounts, the API client, the outcome table.

The material: XSTest's unsafe prompts (data/xstest), answered either by complying or by
refusing, in a few fixed phrasings of similar length. Rewrites come from the same phrasings, so
the chosen and the rejected side of a pair differ only in what the raters prefer, and a rater
who answers at random gives pairs with no direction at all.
"""
