"""Roster page: the participant table, editing and import."""
