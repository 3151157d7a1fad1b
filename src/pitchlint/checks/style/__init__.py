"""The Python checks of the rules in rules/style/, one module per rule."""
