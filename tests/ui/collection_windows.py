"""What the collection window tests share: a window shown on a collection with its
first answer drawn (the ``allied`` collection fixture is in ``conftest.py``)."""

from viewer.io.collection_window import open_collection_store
from viewer.ui.collection_window import CollectionWindow


def shown_collection(qtbot, path, size=(1500, 900)):
    """A collection window on ``path``, shown at ``size`` pixels with its first answer drawn."""
    w = CollectionWindow(open_collection_store(str(path)), path.name)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.wait_drawn(20.0)
    return w
