"""The Python checks of the rules in rules/personalization/, one module per rule."""
