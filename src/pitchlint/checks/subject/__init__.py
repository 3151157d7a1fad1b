"""The Python checks of the rules in rules/subject/, one module per rule."""
