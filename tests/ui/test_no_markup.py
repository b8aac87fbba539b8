"""Data text is shown as text, never as markup, on every surface of the window
and of present mode.

The fixture puts ``<img src="file:///...">``, ``<b>``, ``<a href>`` and
``<font>`` in the title, track names, event titles, summaries, quotes,
speakers, outlets, actors, tags, phrases, notes and story titles.  Qt shows a
QLabel in AutoText, a tooltip, or an item's tooltip as rich text whenever
``Qt::mightBeRichText`` finds a tag, so the test computes what Qt would show
for each surface and asserts the data's ``<`` is shown, not interpreted.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGuiNamespace  # holds mightBeRichText
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTextEdit,
    QToolTip,
)

from viewer.io import read_timeline
from viewer.model.errors import Problem

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-markup.timeline.json"
# the tags of the fixture, as written in the data (our own markup never has these)
RAW = re.compile(r'<img src=|<b>bold|<a href="https://evil|<font color=')


def shown(text: str, rich: bool) -> str:
    """What a reader sees of ``text`` shown as rich or plain text."""
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


class Surfaces:
    """Every piece of text found, as (place, what the reader sees)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def rich(self, place: str, text: str) -> None:
        """Text Qt shows as rich text (a tooltip, an AutoText label) when it looks like markup."""
        if not text:
            return
        is_rich = QtGuiNamespace.mightBeRichText(text)
        assert not (is_rich and RAW.search(text)), f"{place} renders data as markup: {text[:200]!r}"
        self.seen.append((place, shown(text, is_rich)))

    def plain(self, place: str, text: str) -> None:
        self.seen.append((place, text))

    def literal(self, place_part: str) -> list[str]:
        """The places (containing ``place_part``) that show the data's tags literally."""
        return [p for p, t in self.seen if place_part in p and "<img src=" in t]


def columns(model, parent) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: one column, columnCount is private
        return 1


def walk_model(out: Surfaces, name: str, model, parent: QModelIndex | None = None) -> None:
    parent = QModelIndex() if parent is None else parent
    for row in range(model.rowCount(parent)):
        for col in range(columns(model, parent)):
            index = model.index(row, col, parent)
            out.plain(f"{name} cell", str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""))
            out.rich(f"{name} cell tooltip", str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
            if col == 0 and columns(model, parent) > 1 and model.hasChildren(index):
                walk_model(out, name, model, index)
    for col in range(columns(model, parent)):
        out.rich(f"{name} header tooltip",
                 str(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""))


def walk(out: Surfaces) -> None:
    """Every widget of the application, every item of every graphics scene."""
    for w in QApplication.allWidgets():
        name = type(w).__name__ + (f"#{w.objectName()}" if w.objectName() else "")
        out.rich(f"{name} tooltip", w.toolTip())
        if w.isWindow():
            out.plain(f"{name} window title", w.windowTitle())  # always plain text in Qt
        if isinstance(w, QLabel):
            fmt = w.textFormat()
            assert fmt in (Qt.TextFormat.PlainText, Qt.TextFormat.AutoText) or not RAW.search(w.text()), name
            if fmt == Qt.TextFormat.PlainText:
                out.plain(f"{name} label", w.text())
            else:
                out.rich(f"{name} label", w.text())
        if isinstance(w, (QTextEdit, QPlainTextEdit)):
            text = w.toPlainText()
            assert "<img" not in w.document().toHtml().replace("&lt;img", ""), f"{name} holds an image"
            out.plain(f"{name} document", text)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            delegate = w.itemDelegate()
            assert type(delegate) is QStyledItemDelegate or not hasattr(delegate, "paint_html"), name
            walk_model(out, name, w.model())
        if isinstance(w, QComboBox):
            for k in range(w.count()):
                out.plain(f"{name} item", w.itemText(k))
                out.rich(f"{name} item tooltip", str(w.itemData(k, Qt.ItemDataRole.ToolTipRole) or ""))
        if isinstance(w, QMenu):
            for act in w.actions():
                out.plain(f"{name} action", act.text())  # menus draw plain text
                if w.toolTipsVisible():
                    out.rich(f"{name} action tooltip", act.toolTip())
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                iname = f"{name} {type(item).__name__}"
                out.rich(f"{iname} tooltip", item.toolTip())
                if isinstance(item, QGraphicsTextItem):
                    assert "<img" not in item.toHtml().replace("&lt;img", ""), iname
                    out.plain(f"{iname} text", item.toPlainText())
                if hasattr(item, "tooltip") and hasattr(item, "labels"):  # the track names' hover text
                    for lane in range(len(item.labels)):
                        out.rich(f"{iname} hover tooltip", item.tooltip(lane))


def test_every_surface_shows_hostile_markup_as_text(qtbot, tmp_path):
    from viewer.ui.main_window import MainWindow
    from viewer.ui.presenting import start_presenting

    tl = read_timeline(HOSTILE)
    w = MainWindow(tl, read_timeline, str(HOSTILE))
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    w.story_dock.show()  # story editor: story title, steps, presenter note
    w.state.selected = "e1"  # detail pane: title, quotes, speakers, outlets, actors, tags, phrase
    w.state.dday = "band:e3"  # axis note names the band
    w.files.show_load_problems([Problem(str(HOSTILE), "row " + tl.title)])  # banner
    w.open_file(str(tmp_path / '<b>bold</b><img src="x">.timeline.json'))  # error dialog, file name in it
    qtbot.wait(50)
    out = Surfaces()
    # the hover tooltip of an event
    # (the marker's position is known once the layer has painted after the banner's relayout)
    qtbot.waitUntil(lambda: w.view.marker_scene_pos("e1") is not None, timeout=5000)
    scene = w.view.marker_scene_pos("e1")
    w.view._on_mouse_moved(scene)
    out.rich("timeline hover tooltip", QToolTip.text())
    walk(out)
    # each kind of surface was really looked at and shows the tags as text
    for part in ("window title", "QLabel label", "QLabel tooltip",
                 "hover tooltip", "timeline hover tooltip", "DetailPane document", "cell",
                 "QGraphicsTextItem text", "QPlainTextEdit document"):
        assert out.literal(part), f"no {part} showed the data"
    assert any("<img" in t for p, t in out.seen if "window title" in p)
    assert w.last_error is not None and "<img" in w.last_error.text()

    present = start_presenting(w)
    qtbot.waitExposed(present)
    qtbot.keyClick(present, Qt.Key.Key_P)  # presenter overlay: step, next step, note
    qtbot.wait(50)
    out = Surfaces()
    walk(out)
    assert any("<img" in t for p, t in out.seen if "PresentWindow window title" in p)
    assert out.literal("label")  # header and overlay show the tags as text
    present.caption.repaint()  # the caption is painted as plain text: the tags are in what it drew
    assert any("<img src=" in t for t in present.caption.drawn_text())
    present.close()
