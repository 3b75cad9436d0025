"""Red-flag boards: the page, its models and views, and the projector window."""
