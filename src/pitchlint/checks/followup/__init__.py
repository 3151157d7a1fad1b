"""The Python checks of the rules in rules/followup/, one module per rule."""
