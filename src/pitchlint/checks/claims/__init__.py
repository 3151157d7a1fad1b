"""The Python checks of the rules in rules/claims/, one module per rule."""
