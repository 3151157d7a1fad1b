"""The Python checks of the rules in rules/asks/, one module per rule."""
