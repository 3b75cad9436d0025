"""Statistics page."""
