"""The Python checks of the rules in rules/personal/, one module per rule."""
