"""Every PySide6 widget import lives in this package.

Importing it first guards against a PySide6 6.12.0 reference-counting bug on Python 3.11 that
otherwise aborts the GUI after a few thousand repaints (see :mod:`facilitator.ui.binding_fix`).
"""

from facilitator.ui.binding_fix import keep_none_alive

keep_none_alive()
