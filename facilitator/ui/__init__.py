"""Every PySide6 widget import lives in this package.

Importing it first guards against PySide6 6.12.0 reference-counting bugs on Python 3.11 that
otherwise abort the GUI within minutes of repaints and signal emissions (see
:mod:`facilitator.ui.binding_fix`).
"""

from facilitator.ui.binding_fix import keep_singletons_alive

keep_singletons_alive()
