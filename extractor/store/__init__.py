"""SQLite storage: the schema (`schema`) and loading one extraction into it (`load`)."""
