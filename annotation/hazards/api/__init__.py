"""The hazard labelling HTTP API, one module per resource, each view with its input and output
serializers; urls.py names the views by module.

taxonomies, campaigns (list, detail, responses, rerun, AI labels), prompts (written, imported,
from the attacker), labelling (next item, label, skip, own reliability), adjudication,
analytics (campaign report, imported sets).
"""
