"""The application layer: every user action as a command, shared by the CLI and the GUI."""
