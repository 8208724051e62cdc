"""Pydantic models: the one definition of minutebook's data. No I/O here."""
