"""Rule files: their schema and the loader that validates them."""
