"""Writes for hazard labelling, one module per concern; callers import from the module.

taxonomy, campaigns (campaigns and their prompts), generation (responses from the target
version), attacker (prompts from the attacker line), imports (AILuminate, XSTest), assignment
(which item a rater gets next, skips), labels (a rater's label and its rules), ai_labels (the AI
labeller), adjudication (a researcher's decision).
"""
