"""`pitchlint init`: a commented starter config for a repository of outreach templates."""

from __future__ import annotations

STARTER_CONFIG = """\
# pitchlint configuration (see "Configuration" in the pitchlint README).
# Every key is optional; the values below are the defaults or commented examples.

# Who is writing: names that stand for the seller, so "Acme cuts audit prep" counts as
# the seller talking about itself.
company: []          # e.g. [Acme]
products: []         # e.g. [Acme Filings]
sender: []           # e.g. [Jo Smith]

# Which rules run: rule ids or families (subject, opening, value, self, claims, personal,
# asks, followup, personalization, style). `pitchlint rules` lists them.
select: []
ignore: []

# Switch rules off for some files: a glob (relative to this file) to rule ids or families.
per-file-ignores: {}
#  "replies/*.md": [no-question, too-long]
#  "breakup-*.txt": [valueless-follow-up]

# Change a rule's severity (info, warning, error) or its weight in the score.
severity: {}
#  first-touch-meeting-ask: warning
weights: {}
#  no-question: 4
# Weights fitted to your own replies by `pitchlint calibrate -o team-weights.yaml`:
# weights-file: team-weights.yaml
# The shipped weights are fitted to real outcomes; false uses the rule files' hand-set ones.
bundled-weights: true

# A rule's numbers (`pitchlint rule too-long` lists them), and rule parameters.
thresholds: {}
#  too-long: {words: {warning: 100, error: 180}}

# Your own rules: folders of rule YAML files laid out like pitchlint's rules/ (each rule's
# `examples:` are required; bad ones must fire, good ones must not).
rule-folders: []
#  - pitch-rules

# The spaCy pipeline (default: the trained English one installed with pitchlint).
# model: en_core_web_sm

# When `pitchlint check` exits 1: a finding at least this severe, or a score below this.
fail-on: error
# fail-under: 60

# Letter grades: the lowest score for each.
grades: {A: 85, B: 70, C: 60, D: 45}

# What one input may hold: bytes read per file, characters parsed per draft, per CSV cell.
# limits: {bytes: 10000000, characters: 100000, field-characters: 1000000}

# A CSV or JSONL export's columns, when they are not the usual names (Email Body, Step ...).
# columns: {body: Copy, subject: Title, step: Stage, id: Lead ID}

# Inside a template, silence one rule with a comment pitchlint never reads as prose:
#   <!-- pitchlint-disable-next-line first-touch-meeting-ask -->
#   {# pitchlint: disable=hype-superlatives #}  ...  {# pitchlint: enable=hype-superlatives #}
# or for a whole file, in its front matter:  pitchlint-disable: [too-long]
"""
