"""Helpers that the checks of several rule families share."""
