"""Scalable oversight over versions (the ACCO paper's Tables 1-2, and the extrapolation of its
section 4.4).

For every ordered pair of chosen debater versions, one arguing the correct answer (helpful) and
one a wrong answer (sneaky), a debate is held on each chosen question; every chosen judge
version judges every debate, and people judge too when the study asks for them. The report
gives judge accuracy per (helpful, sneaky, judge) with 95% Wilson intervals, as a table and as
series over the versions, so that successive versions show whether oversight keeps up.

Everything goes through the debates activity: debates are created by its service (the helpful
debater seated on the correct answer, slots still drawn), their speeches written by its gpu
tasks with the debater versions' backends, AI judgements made by its judge service scoring each
answer's letter by log-probability, human judgements given through its assignments.

With `rerun_on_publish`, publishing a new version of a line the study names among its
debaters or judges starts a re-run with that version added (`oversight_reruns_schedule`, which
the studies app calls after every publish): the series grows with each version.

Modules: `params` (what a study may ask for), `kind` (the steps), `report` (judge accuracy from
the judgements) and `reruns` (re-running on publish).
"""
