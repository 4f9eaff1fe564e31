"""What the viewer's page is asked in a browser, shared by ``bench/viz_screenshots.py``
and the browser tests, so the figures the bench prints and the properties the tests
assert are measured the same way."""

from __future__ import annotations

__all__ = ["LABEL_BOXES", "LEGEND_COVERS_CENTRE", "overlaps", "measured"]

#: Label boxes as vis-network drew them, on screen, for the labels drawn now, with the
#: label's font size in screen pixels (``px``). A label not yet measured has width 0.
LABEL_BOXES = """() => {
  const net = window.kg.network;
  const boxes = [];
  for (const id of window.kg.nodeView.getIds()) {
    const node = net.body.nodes[id];
    if (!node || !node.options.label) continue;
    const s = node.labelModule.size;
    const a = net.canvasToDOM({x: s.left, y: s.top});
    const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    boxes.push({id: id, x1: a.x, y1: a.y, x2: b.x, y2: b.y, px: node.options.font.size * net.getScale()});
  }
  return boxes;
}"""

#: True if the legend covers the centre of the graph's canvas.
LEGEND_COVERS_CENTRE = """() => {
  const n = document.getElementById('kg-network').getBoundingClientRect();
  const l = document.getElementById('kg-legend').getBoundingClientRect();
  const x = n.left + n.width / 2, y = n.top + n.height / 2;
  return l.left <= x && x <= l.right && l.top <= y && y <= l.bottom;
}"""


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of boxes that intersect (touching edges do not count)."""
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
    ]


def measured(boxes: list[dict]) -> list[dict]:
    """The boxes of labels the page has measured (drawn at least once)."""
    return [b for b in boxes if b["x2"] > b["x1"]]
