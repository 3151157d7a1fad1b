"""The Python checks of the rules in rules/value/, one module per rule."""
