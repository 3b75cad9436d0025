"""The Breakout groups page, its models and the projector view."""
