"""spaCy rule components on a blank English pipeline (no model download)."""
