"""SQLite persistence: one file per workshop, one transaction per user action."""
