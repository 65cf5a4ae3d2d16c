"""Reads for hazard labelling, one module per concern; callers import from the module.

taxonomy (category codes), campaigns (lists, the realtime group), work (the rater home),
aggregation (label matrices, Dawid-Skene, agreement), reliability (per rater), analytics (the
campaign report and its cache), imported (agreement of imported annotation sets).
"""
