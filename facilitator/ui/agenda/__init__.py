"""Agenda page, timer panel and projector window."""
