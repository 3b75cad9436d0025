"""The check-in desk: scan, search, walk-ins and live counts."""
