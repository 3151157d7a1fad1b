"""The Python checks of the rules in rules/opening/, one module per rule."""
