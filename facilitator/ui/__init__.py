"""Every PySide6 widget import lives in this package."""
