"""Pure domain model: no Qt, no reportlab, no SQL."""
