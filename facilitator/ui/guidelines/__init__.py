"""The guidelines draft page."""
