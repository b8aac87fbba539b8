"""Timeline Viewer: zoomable timelines of dated, sourced events.

Layers (data flows one way, file -> model -> view):

* :mod:`viewer.model`: pure Python + numpy data model (no Qt);
* :mod:`viewer.io`: readers and writers, one module per format (no Qt);
* :mod:`viewer.graphics`: pyqtgraph items that draw the model;
* :mod:`viewer.ui`: widgets and the main window;
* :mod:`viewer.app`: command line and wiring.
"""

__version__ = "0.1.0"
